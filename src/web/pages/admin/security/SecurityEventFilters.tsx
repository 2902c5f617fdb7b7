/** The security log's filters: the event, part of a username, and the days (the reader's own calendar). */
import { DatePicker, Input, Select, Space } from 'antd';
import dayjs from 'dayjs';
import { SECURITY_ACTIONS } from '../../../api/types.ts';
import { useI18n } from '../../../locale/i18n.tsx';
import { actionKey } from './security-words.ts';

export interface SecurityFilter {
  action: string;
  username: string;
  /** Days `YYYY-MM-DD`, both included; blank: open. */
  from: string;
  to: string;
}

const DAY = 'YYYY-MM-DD';

export function SecurityEventFilters({ value, onChange }: { value: SecurityFilter; onChange: (change: Partial<Record<keyof SecurityFilter, string | null>>) => void }) {
  const { t } = useI18n();
  const range: [dayjs.Dayjs | null, dayjs.Dayjs | null] = [value.from ? dayjs(value.from) : null, value.to ? dayjs(value.to) : null];
  return (
    <Space wrap className="filters">
      <Select
        value={value.action}
        onChange={(action) => onChange({ action })}
        options={[{ value: '', label: t('security.allActions') }, ...SECURITY_ACTIONS.map((a) => ({ value: a, label: t(actionKey(a)) }))]}
        style={{ width: 150 }}
        data-testid="security-filter-action"
      />
      <Input.Search
        // A new address (filters cleared elsewhere) starts the box again from what it says.
        key={value.username}
        defaultValue={value.username}
        allowClear
        placeholder={t('security.search')}
        onSearch={(username) => onChange({ username: username.trim() })}
        style={{ width: 200 }}
        data-testid="security-search"
      />
      <DatePicker.RangePicker
        value={range}
        allowEmpty={[true, true]}
        format={DAY}
        placeholder={[t('security.fromDay'), t('security.toDay')]}
        onChange={(days) => onChange({ from: days?.[0]?.format(DAY) ?? null, to: days?.[1]?.format(DAY) ?? null })}
        data-testid="security-range"
      />
    </Space>
  );
}
