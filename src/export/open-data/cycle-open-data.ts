/**
 * Open data of the cycle's documents, as the evaluations' (open-data-rows.ts): one row per
 * indicator with its project and document repeated, the column titles in the locale files
 * (`openData.<column>`), as CSV (formulas escaped by csv-file.ts) or JSON. Pure: no I/O.
 */
import { format, type Lang } from '../../core/locale/messages.ts';
import type { Monitoring } from '../../core/model/monitoring.ts';
import type { Targets } from '../../core/model/targets.ts';
import { categoryLabel } from '../../core/templates/labels.ts';
import type { TemplateRegistry } from '../../core/templates/registry.ts';
import { csvFile } from '../csv-file.ts';
import type { CycleDocuments } from '../cycle/cycle-forms.ts';

export const TARGETS_COLUMNS = [
  'year', 'template', 'budgetUnit', 'department', 'project', 'budgetRequested',
  'indicatorNo', 'category', 'subcategory', 'indicator', 'target', 'weight', 'rule',
] as const;

export const MONITORING_COLUMNS = [
  'year', 'template', 'asOf', 'budgetUnit', 'department', 'project', 'budgetCurrentYear', 'executedToDate', 'expectedExecution',
  'indicatorNo', 'category', 'subcategory', 'indicator', 'target', 'progress', 'expectedYearEnd', 'deviationCauses', 'likelihood', 'remark',
] as const;

type Row = Record<string, string>;

/** The document's budget: its first funding row (年度资金总额), else the project's own figure. */
function first<T>(rows: readonly T[] | undefined): T | undefined {
  return rows?.[0];
}

function head(document: Targets | Monitoring, templates: TemplateRegistry) {
  const template = templates.get(document.template);
  const category = (key: string) => (template ? categoryLabel(template, key).zh : key);
  const base = { year: String(document.year), template: document.template, budgetUnit: document.project.budgetUnit ?? '', department: document.project.department ?? '', project: document.project.name };
  return { base, category };
}

function targetsRows(documents: readonly Targets[], templates: TemplateRegistry): Row[] {
  return documents.flatMap((document) => {
    const { base, category } = head(document, templates);
    const budgetRequested = first(document.funding)?.budget ?? document.project.budgetCurrentYear ?? '';
    return document.indicators.map((indicator, i) => ({
      ...base, budgetRequested, indicatorNo: String(i + 1), category: category(indicator.category), subcategory: indicator.subcategory ?? '',
      indicator: indicator.name, target: indicator.target, weight: String(indicator.weight), rule: indicator.rule ?? '',
    }));
  });
}

function monitoringRows(documents: readonly Monitoring[], templates: TemplateRegistry, lang: Lang): Row[] {
  return documents.flatMap((document) => {
    const { base, category } = head(document, templates);
    const row = first(document.funding);
    const spending = {
      asOf: document.asOf,
      budgetCurrentYear: row?.budget ?? document.project.budgetCurrentYear ?? '',
      executedToDate: row?.executedToDate ?? document.project.executedToDate ?? '',
      expectedExecution: row?.expectedYearEnd ?? document.project.expectedYearEnd ?? '',
    };
    return document.indicators.map((indicator, i) => ({
      ...base, ...spending, indicatorNo: String(i + 1), category: category(indicator.category), subcategory: indicator.subcategory ?? '',
      indicator: indicator.name, target: indicator.target, progress: indicator.progress, expectedYearEnd: indicator.expectedYearEnd,
      deviationCauses: indicator.deviationCauses.map((c) => format(`cause.${c}`, {}, lang)).join(lang === 'zh' ? '、' : ', '),
      likelihood: format(`likelihood.${indicator.likelihood}`, {}, lang),
      remark: indicator.remark ?? '',
    }));
  });
}

export function cycleOpenDataRows(file: CycleDocuments, templates: TemplateRegistry, lang: Lang): Row[] {
  return file.kind === 'targets' ? targetsRows(file.documents, templates) : monitoringRows(file.documents, templates, lang);
}

export function cycleOpenDataCsv(file: CycleDocuments, templates: TemplateRegistry, lang: Lang): string {
  const columns = file.kind === 'targets' ? TARGETS_COLUMNS : MONITORING_COLUMNS;
  const rows = cycleOpenDataRows(file, templates, lang);
  return csvFile([columns.map((c) => format(`openData.${c}`, {}, lang)), ...rows.map((row) => columns.map((c) => row[c]))]);
}
