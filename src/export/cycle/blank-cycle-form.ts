/**
 * A template's blank targets or monitoring form: the year left open, the layout's funding rows
 * (年度资金总额, 其中：财政拨款 …) and one row per 二级指标 of each 一级指标 to fill in.
 */
import { MONITORING_SCHEMA_ID, type Monitoring } from '../../core/model/monitoring.ts';
import { TARGETS_SCHEMA_ID, type Targets } from '../../core/model/targets.ts';
import type { Template } from '../../core/templates/template.ts';
import { documentLayout, LayoutWords, monitoringForm, targetsForm, type CycleForm, type CycleKind } from './cycle-form.ts';

/** Where a blank form prints the year: room to write it in. */
const OPEN_YEAR = '    ';

export function blankCycleForm(template: Template, kind: CycleKind): CycleForm {
  const layout = documentLayout(template, kind);
  const words = new LayoutWords(layout, 'zh', {});
  const sources = layout.fundingRows.map((key) => words.word(key));
  const rows = template.categories.flatMap((c) => (c.subcategories.length > 0 ? c.subcategories : ['']).map((subcategory) => ({ category: c.key, subcategory, name: '', target: '' })));
  const head = { template: template.id, year: 0, project: { name: '' }, annualGoal: '' };
  // A blank form is no valid document (its amounts and words are blank): the casts say so.
  if (kind === 'targets') {
    const blank = { ...head, schema: TARGETS_SCHEMA_ID, funding: sources.map((source) => ({ source, budget: '' })), indicators: rows } as unknown as Targets;
    return { ...targetsForm(blank, template, 'zh', { year: OPEN_YEAR }) };
  }
  const asOf = `0000-${template.documents?.monitoring?.defaultAsOf ?? '07-31'}`;
  const funding = sources.map((source) => ({ source, budget: '', executedToDate: '', expectedYearEnd: '' }));
  const blank = { ...head, schema: MONITORING_SCHEMA_ID, asOf, progressSummary: '', funding, indicators: rows.map((r) => ({ ...r, progress: '', expectedYearEnd: '', deviationCauses: [] })) } as unknown as Monitoring;
  const form = monitoringForm(blank, template, 'zh', { year: OPEN_YEAR });
  return { ...form, fields: form.fields.map((f) => (f.value.source === 'asOf' ? { ...f, value: { ...f.value, text: '' } } : f)) };
}
