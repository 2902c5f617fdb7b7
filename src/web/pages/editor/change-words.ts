/**
 * A field change in the UI's words, for the audit log and the version diff: the form's label of the
 * field, prefixed by the indicator's name inside an indicator ("宣传场次 · 自评分", not "自评分"),
 * and the values as people read them — status and level words instead of codes, the template's name
 * instead of its id, 是/否 for yes-or-no fields, amounts with thousands separators, rates with %,
 * grades in the UI's language, a blank as 空. Ids and internal keys are never shown: a change of
 * an indicator's lineage id is no change to the reader and is left out (`shownChanges`).
 */
import type { Template } from '../../../core/templates/template.ts';
import { categoryLabel, fieldLabel } from '../../../core/templates/labels.ts';
import { STATUSES, type FieldChange, type Status } from '../../api/types.ts';
import { templates } from '../../form/templates.ts';
import { gradeWord } from '../../format/grades.ts';
import { formatAmount, formatRate } from '../../format/numbers.ts';
import type { I18n } from '../../locale/i18n.tsx';

type Words = Pick<I18n, 't' | 'label' | 'lang' | 'word'>;

const INDICATOR_PATH = /^indicators\[(\d+)\]/u;
const isStatus = (v: unknown): v is Status => (STATUSES as readonly unknown[]).includes(v);
/** `indicators[3].score` → `indicators[].score`, as the templates' labels are keyed. */
const generic = (path: string) => path.replace(/\[\d+\]/gu, '[]');

/** Paths whose values are amounts in 元 (decimal strings). */
const AMOUNT = /^(?:project\.(?:budget\w*|executed)|funding\[\]\.\w+)$/u;
/** Internal fields: ids the reader never typed (an indicator's lineage id). */
const INTERNAL = /(?:^|\.)id$/u;

/** The changes worth showing: internal ids left out. */
export function shownChanges<C extends FieldChange>(changes: readonly C[]): C[] {
  return changes.filter((c) => !INTERNAL.test(c.path));
}

export function changeField(change: FieldChange, template: Template, { t, label }: Pick<I18n, 't' | 'label'>): string {
  if (change.path === 'status') return t('list.col.status');
  if (change.path === 'deleted') return t('audit.field.deleted');
  if (change.path === 'copiedFrom') return t('audit.field.copiedFrom');
  if (change.path === 'template') return t('audit.field.template');
  const field = label(labelOf(template, change.path));
  const m = INDICATOR_PATH.exec(change.path);
  if (!m) return field;
  // Entries written before indicators were named carry only the position.
  const indicator = change.indicator?.name ?? t('versions.indicatorN', { n: Number(m[1]) + 1 });
  return t('versions.indicatorField', { indicator, field });
}

/**
 * The form's label of a path; a field this template does not print (an actual value kept in the data
 * only) takes another template's word for it; an indicator's own path is "指标"; else the path.
 */
function labelOf(template: Template, path: string) {
  const key = generic(path);
  if (template.fieldLabels[key] ?? template.fieldLabels[path]) return fieldLabel(template, path);
  for (const id of templates.ids()) {
    const other = templates.get(id)!.fieldLabels[key];
    if (other) return other;
  }
  if (/^indicators\[\d+\]$/u.test(path)) return template.fieldLabels['indicators'] ?? fieldLabel(template, path);
  return fieldLabel(template, path);
}

export function changeValue(change: FieldChange, side: 'from' | 'to', words: Words, template?: Template): string {
  const { t, lang, label, word } = words;
  const v = change[side];
  if (v === undefined || v === null || v === '') return t('audit.blank');
  const key = generic(change.path);
  if (change.path === 'status' && isStatus(v)) return t(`status.${v}`);
  if (change.path === 'deleted' && typeof v === 'boolean') return t(v ? 'audit.deleted' : 'audit.notDeleted');
  // Another form: named as such (the log links it), never by its id.
  if (change.path === 'copiedFrom') return t('audit.copiedFromForm');
  if (change.path === 'template' && typeof v === 'string') {
    const named = templates.get(v);
    return named ? label(named.name) : v;
  }
  if (typeof v === 'boolean') return t(v ? 'common.yes' : 'common.no');
  if (key === 'grade' && typeof v === 'string') return gradeWord(v, lang);
  if (key === 'indicators[].level' && typeof v === 'string') {
    const level = word(`level.${v}`);
    return level === `level.${v}` ? v : level;
  }
  if (key === 'indicators[].category' && typeof v === 'string' && template) return label(categoryLabel(template, v));
  if (AMOUNT.test(key) && (typeof v === 'string' || typeof v === 'number')) return formatAmount(v) || String(v);
  if (key === 'project.executionRate' && (typeof v === 'string' || typeof v === 'number')) return formatRate(v);
  if (typeof v === 'object') {
    // A whole indicator (or row) added or removed: its name says more than its JSON.
    const name = (v as { name?: unknown }).name;
    if (typeof name === 'string' && name) return name;
    return Array.isArray(v) ? t('audit.items', { count: v.length }) : t('audit.someFields');
  }
  return String(v);
}
