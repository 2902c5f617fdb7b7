/**
 * What the targets and monitoring forms share: their layout's words (the template's
 * `documents.targets` / `documents.monitoring`: title, column titles, field labels, with `{month}`
 * the as-of month), a row's change, the findings of one indicator row, the project's head rows.
 */
import { Input } from 'antd';
import { useState, type ReactNode } from 'react';
import { readDate } from '../../../core/values/read-value.ts';
import type { Template } from '../../../core/templates/template.ts';
import { worst, type FindingIndex, type UiFinding } from '../../form/findings.ts';
import { TextCell } from '../../form-view/cells.tsx';
import { FindingLines } from '../../form-view/FindingMark.tsx';
import { useNarrow } from '../../layout/narrow.ts';
import { useI18n } from '../../locale/i18n.tsx';

export type Layout = NonNullable<NonNullable<Template['documents']>['targets']>;

/** The document's words by key, in the UI language; `{month}` and `{year}` filled in. */
export function useLayoutWords(layout: Layout, fill: { year: number; month?: number }) {
  const { label } = useI18n();
  const words = (text: string) => text.replace('{year}', String(fill.year)).replace('{month}', String(fill.month ?? 7));
  return {
    title: words(label(layout.title)),
    field: (key: string, fallback = key) => {
      const l = layout.fieldLabels[key];
      return l ? words(label(l)) : fallback;
    },
    column: (field: string) => {
      const c = layout.columns.find((x) => x.field === field);
      return c ? words(label(c.title)) : field;
    },
  };
}

/** A list with one element replaced by `patch` (a cleared field left out: not filled). */
export function patchAt<T extends object>(list: readonly T[], index: number, patch: Partial<T>): T[] {
  return list.map((item, i) => (i === index ? (Object.fromEntries(Object.entries({ ...item, ...patch }).filter(([, v]) => v !== undefined)) as T) : item));
}

/** The findings of indicator row `i` (any of its cells), in the wording under the row. */
export function rowFindings(findings: readonly UiFinding[], i: number): UiFinding[] {
  return findings.filter((f) => f.path === `indicators[${i}]` || f.path.startsWith(`indicators[${i}].`)).map((f) => ({ ...f, text: f.cell ?? f.text }));
}

/** The head grid's four columns: label, value, label, value (its first row spans the last three). */
export function HeadColumns(): ReactNode {
  return (
    <colgroup>
      <col className="head-label" />
      <col />
      <col className="head-label" />
      <col />
    </colgroup>
  );
}

/** A field of the head grid: its label and an editable text cell with its findings. */
export function HeadField({ label, path, value, onChange, findings, multiline, colSpan = 1 }: { label: string; path: string; value: string | undefined; onChange: ((v: string) => void) | undefined; findings: FindingIndex; multiline?: boolean; colSpan?: number }): ReactNode {
  return (
    <>
      <th className="form-label">{label}</th>
      <td className="form-value" colSpan={colSpan}>
        <TextCell value={value} onChange={onChange ? (v) => onChange(v ?? '') : undefined} findings={findings.get(path)} testId={`field-${path}`} path={path} label={label} multiline={multiline} />
        <FindingLines findings={findings.get(path)} />
      </td>
    </>
  );
}

/**
 * A date typed as text (监控截止日期): read by the core's reader (2024-07-31, 2024.7.31,
 * 2024年7月31日); a text that is no date stays in the cell, red, with the reason, and the stored
 * date stays the last one that read.
 */
export function DateCell({ value, onChange, findings, testId, path, label }: { value: string; onChange: ((v: string) => void) | undefined; findings: readonly UiFinding[] | undefined; testId: string; path: string; label: string }) {
  const { t } = useI18n();
  const [draft, setDraft] = useState<string | null>(null);
  if (!onChange) return <span className="cell-text" data-testid={testId}>{value}</span>;
  const reading = draft === null ? null : readDate(draft);
  const wrong = reading !== null && !reading.ok;
  return (
    <>
      <Input
        value={draft ?? value}
        status={wrong ? 'error' : worst(findings)}
        variant="borderless"
        className="cell-input"
        data-testid={testId}
        data-path={path}
        aria-label={label}
        aria-invalid={wrong || undefined}
        onBlur={() => setDraft((d) => (d !== null && readDate(d).ok ? null : d))}
        onChange={(e) => {
          setDraft(e.target.value);
          const read = readDate(e.target.value);
          if (read.ok) onChange(read.value);
        }}
      />
      {wrong && <div className="number-reading finding-line finding-error" role="alert" data-testid={`${testId}-reading`}>{t('cycle.notDate')}</div>}
    </>
  );
}

/** One indicator of a cycle form: its cells by column, its findings, its buttons. */
export interface GridRow {
  key: string;
  id?: string | undefined;
  /** On a phone's card: its head (the indicator's name) and the line under it (its category). */
  title: string;
  subtitle: string;
  cells: Record<string, ReactNode>;
  findings: UiFinding[];
  actions?: ReactNode;
}

interface GridProps {
  /** `targets` or `monitoring`: the test ids (`targets-indicators`, `targets-row`, `targets-row-findings`). */
  kind: string;
  className: string;
  columns: readonly string[];
  column: (field: string) => string;
  rows: readonly GridRow[];
  /** Columns the card's head already says (read-only words of the indicator), left out of its fields. */
  inTitle?: readonly string[];
  /** Findings of the whole table (the weights' total), under it. */
  tableFindings?: readonly UiFinding[] | undefined;
  actionsTitle?: string | undefined;
}

/**
 * The indicator table as printed (a row an indicator, its findings on a line under it); at phone
 * width a card an indicator instead, its fields one under another with the same cells, so that
 * nothing is typed into a column a few characters wide.
 */
export function IndicatorGrid({ kind, className, columns, column, rows, inTitle = [], tableFindings, actionsTitle }: GridProps) {
  const { t } = useI18n();
  const narrow = useNarrow();
  const width = columns.length + (actionsTitle ? 1 : 0);
  if (narrow) {
    const fields = columns.filter((f) => !inTitle.includes(f));
    return (
      <div className="cycle-cards" data-testid={`${kind}-indicators`}>
        {rows.map((r, i) => (
          <section key={r.key} className="cycle-card" data-testid={`${kind}-row`} data-row={i} data-id={r.id}>
            <div className="cycle-card-head">
              <div>
                <div className="cycle-card-title">{t('cycle.cardTitle', { row: i + 1, name: r.title })}</div>
                {r.subtitle && <div className="muted cycle-card-subtitle">{r.subtitle}</div>}
              </div>
              {r.actions}
            </div>
            <dl className="cycle-card-fields">
              {fields.map((f) => (
                <div key={f} className="cycle-card-field">
                  <dt>{column(f)}</dt>
                  <dd>{r.cells[f]}</dd>
                </div>
              ))}
            </dl>
            {r.findings.length > 0 && <div data-testid={`${kind}-row-findings`} data-row={i}><FindingLines findings={r.findings} /></div>}
          </section>
        ))}
        <FindingLines findings={tableFindings} />
      </div>
    );
  }
  return (
    <table className={`form-grid indicator-table cycle-indicators ${className}`} data-testid={`${kind}-indicators`}>
      <thead>
        <tr>
          {columns.map((field) => <th key={field} className={`col-${field}`}>{column(field)}</th>)}
          {actionsTitle && <th className="col-actions">{actionsTitle}</th>}
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => [
          <tr key={r.key} data-testid={`${kind}-row`} data-row={i} data-id={r.id}>
            {columns.map((field) => <td key={field} className={`col-${field}`}>{r.cells[field]}</td>)}
            {actionsTitle && <td className="col-actions">{r.actions}</td>}
          </tr>,
          r.findings.length > 0 && (
            <tr key={`${r.key}-findings`} className="row-findings" data-testid={`${kind}-row-findings`} data-row={i}>
              <td colSpan={width}><FindingLines findings={r.findings} /></td>
            </tr>
          ),
        ])}
      </tbody>
      {tableFindings && tableFindings.length > 0 && (
        <tfoot>
          <tr><td colSpan={width}><FindingLines findings={tableFindings} /></td></tr>
        </tfoot>
      )}
    </table>
  );
}
