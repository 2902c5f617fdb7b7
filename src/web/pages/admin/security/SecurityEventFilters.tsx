/** The security log's filters: the event, part of a username, and the days (the reader's own calendar). */
import { Input, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import { SECURITY_ACTIONS } from '../../../api/types.ts';
import { DateTextInput } from '../../../form-view/DateTextInput.tsx';
import { readTypedDate } from '../../../format/dates.ts';
import { useI18n } from '../../../locale/i18n.tsx';
import { actionKey } from './security-words.ts';

export interface SecurityFilter {
  action: string;
  username: string;
  /** Days `YYYY-MM-DD`, both included; blank: open. */
  from: string;
  to: string;
}

type FilterChange = Partial<Record<keyof SecurityFilter, string | null>>;

/**
 * One end of the days, typed or picked. The filter changes only when the text reads as a day or is
 * emptied; a text that does not read stays as typed, marked, and the list keeps its last filter.
 */
function DayFilter({ day, placeholder, testId, onDay }: { day: string; placeholder: string; testId: string; onDay: (day: string | null) => void }) {
  const { t } = useI18n();
  const [text, setText] = useState(day);
  // The address changed by other means (back, a link): show its day; a day the text reads as leaves the text as typed.
  useEffect(() => setText((typed) => ((readTypedDate(typed) ?? '') === day ? typed : day)), [day]);
  const unread = text.trim() !== '' && readTypedDate(text) === null;
  const typed = (next: string) => {
    setText(next);
    if (!next.trim()) onDay(null);
    else {
      const read = readTypedDate(next);
      if (read !== null && read !== day) onDay(read);
    }
  };
  return (
    <div className="day-filter">
      <DateTextInput value={text} onChange={typed} testId={testId} placeholder={placeholder} status={unread ? 'error' : undefined} />
      {unread && <div className="day-filter-error" role="alert" data-testid={`${testId}-error`}>{t('date.unread', { text })}</div>}
    </div>
  );
}

export function SecurityEventFilters({ value, onChange }: { value: SecurityFilter; onChange: (change: FilterChange) => void }) {
  const { t } = useI18n();
  return (
    <Space wrap align="start" className="filters">
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
      <DayFilter day={value.from} placeholder={t('security.fromDay')} testId="security-from" onDay={(from) => onChange({ from })} />
      <DayFilter day={value.to} placeholder={t('security.toDay')} testId="security-to" onDay={(to) => onChange({ to })} />
    </Space>
  );
}
