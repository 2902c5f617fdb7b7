/**
 * The editable cells of the form. Each shows its value as text on a read-only form, and its
 * findings as the input's red or orange border.
 */
import { Input, InputNumber, Select } from 'antd';
import { useState } from 'react';
import type { UiFinding } from '../form/findings.ts';
import { worst } from '../form/findings.ts';
import { formatAmount, formatPoints, parseAmount } from '../format/numbers.ts';

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

/** Weights and scores: numbers with at most 2 decimals; cleared means not filled. */
export function PointsCell({ value, onChange, findings, testId, max }: CellProps<number | undefined> & { max?: number | undefined }) {
  if (!onChange) return <span className="cell-number" data-testid={testId}>{formatPoints(value)}</span>;
  return (
    <InputNumber<number>
      value={value ?? null}
      min={0}
      max={max}
      step={1}
      status={worst(findings)}
      variant="borderless"
      className="cell-input cell-number"
      data-testid={testId}
      onChange={(v) => onChange(v === null || v === undefined ? undefined : Math.round(v * 100) / 100)}
    />
  );
}

/**
 * Amounts in 元 as decimal strings, shown with thousands separators. While typing the raw text
 * is kept, so "414,4" is not rewritten under the cursor; a value that is not an amount is not stored.
 */
export function AmountCell({ value, onChange, findings, testId }: CellProps<string | undefined>) {
  const [draft, setDraft] = useState<string | null>(null);
  if (!onChange) return <span className="cell-number" data-testid={testId}>{formatAmount(value)}</span>;
  const invalid = draft !== null && parseAmount(draft) === null;
  return (
    <Input
      value={draft ?? formatAmount(value)}
      status={invalid ? 'error' : worst(findings)}
      variant="borderless"
      className="cell-input cell-number"
      data-testid={testId}
      inputMode="decimal"
      onFocus={() => setDraft(value ?? '')}
      onBlur={() => setDraft(null)}
      onChange={(e) => {
        setDraft(e.target.value);
        const parsed = parseAmount(e.target.value);
        if (parsed !== null) onChange(parsed);
      }}
    />
  );
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
