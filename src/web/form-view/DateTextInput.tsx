/**
 * A date typed as text (2099-06-30, 2099/6/30, 2099.6.30, 20990630) or picked from a calendar. What
 * was typed stays in the field as typed — antd's DatePicker empties a text it cannot read when the
 * field is left — and a line under it says which day it was read as; the form's rule (with
 * `readTypedDate`) says when it is no date. The value is the text; the caller reads it on saving.
 */
import { CalendarOutlined } from '@ant-design/icons';
import { Button, Calendar, Input, Popover } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { readTypedDate } from '../format/dates.ts';
import { useI18n } from '../locale/i18n.tsx';

interface Props {
  /** Set by Form.Item. */
  id?: string;
  value?: string;
  onChange?: (text: string) => void;
  testId: string;
  /** Where the field is not in a form whose rule marks it. */
  status?: 'error';
  placeholder?: string;
}

export function DateTextInput({ id, value = '', onChange, testId, status, placeholder = 'YYYY-MM-DD' }: Props) {
  const { t } = useI18n();
  const [picking, setPicking] = useState(false);
  const day = readTypedDate(value);
  const calendar = (
    <div style={{ width: 280 }} data-testid={`${testId}-calendar`}>
      <Calendar
        fullscreen={false}
        value={day ? dayjs(day) : undefined}
        onSelect={(date, { source }) => {
          // Moving through months and years is not a choice of day.
          if (source !== 'date') return;
          onChange?.(date.format('YYYY-MM-DD'));
          setPicking(false);
        }}
      />
    </div>
  );
  return (
    <>
      <Input
        id={id}
        value={value}
        onChange={(e) => onChange?.(e.target.value)}
        placeholder={placeholder}
        status={status}
        aria-invalid={status === 'error' || undefined}
        autoComplete="off"
        style={{ width: 180 }}
        data-testid={testId}
        suffix={
          <Popover content={calendar} trigger="click" open={picking} onOpenChange={setPicking} placement="bottomRight">
            <Button type="text" size="small" icon={<CalendarOutlined />} aria-label={t('date.pick')} data-testid={`${testId}-pick`} />
          </Popover>
        }
      />
      {day && day !== value.trim() && <div className="number-reading muted" data-testid={`${testId}-reading`}>{t('number.understood', { value: day })}</div>}
    </>
  );
}
