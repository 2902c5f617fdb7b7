/**
 * The editable cells of the form. Each shows its value as text on a read-only form, and its
 * findings as the input's red or orange border. Every input has an accessible name (`label`: its
 * row and column, or the field's label) and carries the path it edits (`data-path`,
 * `indicators[3].score`), by which a finding clicked in the list finds its cell.
 */
import { Input, Select, Tooltip } from 'antd';
import { useId, useState } from 'react';
import type { UiFinding } from '../form/findings.ts';
import { worst } from '../form/findings.ts';
import { formatAmount, formatPoints, parseAmount, parsePoints, problemKey, type CellReading } from '../format/numbers.ts';
import { useI18n } from '../locale/i18n.tsx';
import './cells.css';

interface CellProps<T> {
  value: T;
  onChange?: ((value: T) => void) | undefined;
  findings?: readonly UiFinding[] | undefined;
  testId?: string;
  /** The input's accessible name: "第3行 金洽会展位面积 自评分", or a header field's label. */
  label?: string | undefined;
  /** The model path the cell edits (`indicators[3].score`, `project.name`). */
  path?: string | undefined;
}

export function TextCell({ value, onChange, findings, testId, label, path, multiline, placeholder }: CellProps<string | undefined> & { multiline?: boolean; placeholder?: string }) {
  if (!onChange) return <span className="cell-text" data-testid={testId}>{value}</span>;
  const common = { value: value ?? '', status: worst(findings), 'data-testid': testId, 'data-path': path, 'aria-label': label, placeholder, variant: 'borderless' as const, className: 'cell-input' };
  return multiline ? (
    <Input.TextArea {...common} autoSize={{ minRows: 1, maxRows: 8 }} onChange={(e) => onChange(e.target.value)} />
  ) : (
    <Input {...common} onChange={(e) => onChange(e.target.value)} />
  );
}

/** Weights and scores: numbers with at most 2 decimals, taken as typed; cleared means not filled. */
export function PointsCell({ value, onChange, findings, testId, label, path }: CellProps<number | undefined>) {
  if (!onChange) return <span className="cell-number" data-testid={testId}>{formatPoints(value)}</span>;
  return <TypedNumberInput shown={formatPoints(value)} read={parsePoints} understood={(v) => formatPoints(v)} onChange={onChange} findings={findings} testId={testId} label={label} path={path} />;
}

/** Amounts in 元 as decimal strings, shown with thousands separators ("41.44万" is read as 414,400.00); never negative. */
export function AmountCell({ value, onChange, findings, testId, label, path }: CellProps<string | undefined>) {
  const { t } = useI18n();
  if (!onChange) return <span className="cell-number" data-testid={testId}>{formatAmount(value)}</span>;
  return <TypedNumberInput shown={formatAmount(value)} read={parseAmount} understood={(v) => (v === '' ? '' : `${formatAmount(v)} ${t('form.yuan')}`)} onChange={onChange} findings={findings} testId={testId} label={label} path={path} />;
}

interface TypedNumberProps<T> {
  /** The stored value as the form shows it; editing starts from it (the reader takes its separators). */
  shown: string;
  read: (text: string) => CellReading<T>;
  /** What a text that reads was understood as, in words ("414,400.00 元"), for the line under the cell. */
  understood: (value: T) => string;
  onChange: (value: T) => void;
  findings: readonly UiFinding[] | undefined;
  testId: string | undefined;
  label: string | undefined;
  path: string | undefined;
  /** An error said of the value elsewhere (the server's answer): the input is red until it is put right. */
  error?: string | undefined;
  /** Borderless inside the form's cells; outlined as a field of its own (the re-check's scores). */
  variant?: 'borderless' | 'outlined';
}

/**
 * A number typed as text. While typing, the text is kept as typed ("414,4" is not rewritten under
 * the cursor) and every text that reads is stored; a line under the cell says what it was read as
 * ("= 414,400.00 元") when that is not the text itself. A text that does not read (or an amount
 * below zero) is never rounded, clamped or thrown away: it stays in the cell, red, with the reason
 * in the line under it and in the tooltip, until it is put right; the stored value is the last one
 * that read.
 */
export function TypedNumberInput<T>({ shown, read, understood, onChange, findings, testId, label, path, error, variant = 'borderless' }: TypedNumberProps<T>) {
  const { t } = useI18n();
  const hintId = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const reading = draft === null ? null : read(draft);
  const problem = reading && !reading.ok && reading.problem !== 'blank' ? reading.problem : null;
  const meaning = reading?.ok ? understood(reading.value) : '';
  const hint = problem ? t(problemKey(problem)) : meaning !== '' && meaning !== draft?.trim() ? t('number.understood', { value: meaning }) : null;
  const input = (
    <Input
      value={draft ?? shown}
      status={problem || error ? 'error' : worst(findings)}
      variant={variant}
      className="cell-input cell-number"
      data-testid={testId}
      data-path={path}
      aria-label={label}
      aria-invalid={problem ? true : undefined}
      aria-describedby={hint ? hintId : undefined}
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
  // cursor would leave the cell in the middle of typing. The line under it comes and goes beside it.
  return (
    <>
      <Tooltip title={problem ? t(problemKey(problem)) : undefined}>{input}</Tooltip>
      {hint && (
        <div id={hintId} className={problem ? 'number-reading finding-line finding-error' : 'number-reading muted'} data-testid={testId ? `${testId}-reading` : undefined} role={problem ? 'alert' : undefined}>
          {hint}
        </div>
      )}
    </>
  );
}

export function ChoiceCell<T extends string>({ value, onChange, findings, testId, label, path, options, allowClear }: CellProps<T | undefined> & { options: { value: T; label: string }[]; allowClear?: boolean }) {
  if (!onChange) return <span className="cell-text" data-testid={testId}>{options.find((o) => o.value === value)?.label ?? value}</span>;
  return (
    <Select<T>
      value={value}
      options={options}
      status={worst(findings)}
      variant="borderless"
      className="cell-input"
      data-testid={testId}
      data-path={path}
      aria-label={label}
      allowClear={allowClear}
      popupMatchSelectWidth={false}
      onChange={(v) => onChange(v ?? undefined)}
    />
  );
}
