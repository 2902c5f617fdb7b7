/**
 * The editable cells of the form. Each shows its value as text on a read-only form, and its
 * findings as the input's red or orange border.
 */
import { Input, Select, Tooltip } from 'antd';
import { useState } from 'react';
import type { UiFinding } from '../form/findings.ts';
import { worst } from '../form/findings.ts';
import type { Reading } from '../../core/numbers/read-number.ts';
import { formatAmount, formatPoints, parseAmount, parsePoints, problemKey } from '../format/numbers.ts';
import { useI18n } from '../locale/i18n.tsx';

interface CellProps<T> {
  value: T;
  onChange?: ((value: T) => void) | undefined;
  findings?: readonly UiFinding[] | undefined;
  testId?: string;
}

export function TextCell({ value, onChange, findings, testId, multiline, placeholder }: CellProps<string | undefined> & { multiline?: boolean; placeholder?: string }) {
  if (!onChange) return <span className="cell-text" data-testid={testId}>{value}</span>;
  const common = { value: value ?? '', status: worst(findings), 'data-testid': testId, placeholder, variant: 'borderless' as const, className: 'cell-input' };
  return multiline ? (
    <Input.TextArea {...common} autoSize={{ minRows: 1, maxRows: 8 }} onChange={(e) => onChange(e.target.value)} />
  ) : (
    <Input {...common} onChange={(e) => onChange(e.target.value)} />
  );
}

/** Weights and scores: numbers with at most 2 decimals, taken as typed; cleared means not filled. */
export function PointsCell({ value, onChange, findings, testId }: CellProps<number | undefined>) {
  if (!onChange) return <span className="cell-number" data-testid={testId}>{formatPoints(value)}</span>;
  return <TypedNumberCell shown={formatPoints(value)} read={parsePoints} onChange={onChange} findings={findings} testId={testId} />;
}

/** Amounts in 元 as decimal strings, shown with thousands separators ("41.44万" is read as 414,400.00). */
export function AmountCell({ value, onChange, findings, testId }: CellProps<string | undefined>) {
  if (!onChange) return <span className="cell-number" data-testid={testId}>{formatAmount(value)}</span>;
  return <TypedNumberCell shown={formatAmount(value)} read={parseAmount} onChange={onChange} findings={findings} testId={testId} />;
}

interface TypedNumberProps<T> {
  /** The stored value as the form shows it; editing starts from it (the reader takes its separators). */
  shown: string;
  read: (text: string) => Reading<T>;
  onChange: (value: T) => void;
  findings: readonly UiFinding[] | undefined;
  testId: string | undefined;
}

/**
 * A number typed as text. While typing, the text is kept as typed ("414,4" is not rewritten under
 * the cursor) and every text that reads is stored. A text that does not read is never rounded,
 * clamped or thrown away: it stays in the cell, red, with the reason, until it is put right; the
 * stored value is the last one that read.
 */
function TypedNumberCell<T>({ shown, read, onChange, findings, testId }: TypedNumberProps<T>) {
  const { t } = useI18n();
  const [draft, setDraft] = useState<string | null>(null);
  const reading = draft === null ? null : read(draft);
  const problem = reading && !reading.ok && reading.problem !== 'blank' ? reading.problem : null;
  const input = (
    <Input
      value={draft ?? shown}
      status={problem ? 'error' : worst(findings)}
      variant="borderless"
      className="cell-input cell-number"
      data-testid={testId}
      aria-invalid={problem ? true : undefined}
      inputMode="decimal"
      onBlur={() => setDraft((d) => (d !== null && read(d).ok ? null : d))}
      onChange={(e) => {
        setDraft(e.target.value);
        const parsed = read(e.target.value);
        if (parsed.ok) onChange(parsed.value);
      }}
    />
  );
  // Always inside the tooltip: wrapping the input only once it is wrong would mount it anew, and the
  // cursor would leave the cell in the middle of typing.
  return <Tooltip title={problem ? t(problemKey(problem)) : undefined}>{input}</Tooltip>;
}

export function ChoiceCell<T extends string>({ value, onChange, findings, testId, options, allowClear }: CellProps<T | undefined> & { options: { value: T; label: string }[]; allowClear?: boolean }) {
  if (!onChange) return <span className="cell-text" data-testid={testId}>{options.find((o) => o.value === value)?.label ?? value}</span>;
  return (
    <Select<T>
      value={value}
      options={options}
      status={worst(findings)}
      variant="borderless"
      className="cell-input"
      data-testid={testId}
      allowClear={allowClear}
      popupMatchSelectWidth={false}
      onChange={(v) => onChange(v ?? undefined)}
    />
  );
}
