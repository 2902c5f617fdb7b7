/**
 * A field change in the UI's words, for the audit log and the version diff: the form's label of the
 * field, prefixed by the indicator's name inside an indicator ("宣传场次 · 自评分", not "自评分"),
 * status codes as status words, blanks as a dash.
 */
import type { Template } from '../../../core/templates/template.ts';
import { fieldLabel } from '../../../core/templates/labels.ts';
import { STATUSES, type FieldChange, type Status } from '../../api/types.ts';
import type { I18n } from '../../locale/i18n.tsx';

const INDICATOR_PATH = /^indicators\[(\d+)\]/u;
const isStatus = (v: unknown): v is Status => (STATUSES as readonly unknown[]).includes(v);

export function changeField(change: FieldChange, template: Template, { t, label }: Pick<I18n, 't' | 'label'>): string {
  if (change.path === 'status') return t('list.col.status');
  if (change.path === 'deleted') return t('audit.field.deleted');
  const field = label(fieldLabel(template, change.path));
  const m = INDICATOR_PATH.exec(change.path);
  if (!m) return field;
  // Entries written before indicators were named carry only the position.
  const indicator = change.indicator?.name ?? t('versions.indicatorN', { n: Number(m[1]) + 1 });
  return t('versions.indicatorField', { indicator, field });
}

export function changeValue(change: FieldChange, side: 'from' | 'to', { t }: Pick<I18n, 't'>): string {
  const v = change[side];
  if (change.path === 'status' && isStatus(v)) return t(`status.${v}`);
  if (v === undefined || v === null || v === '') return '—';
  if (typeof v === 'object') {
    // A whole indicator added or removed: its name says more than its JSON.
    const name = (v as { name?: unknown }).name;
    return typeof name === 'string' && name ? name : JSON.stringify(v);
  }
  return String(v);
}
