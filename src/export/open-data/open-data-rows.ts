/**
 * Open data: one row per indicator, with the keys of its project and form repeated, as a
 * disclosure page offers it for download (CSV) or as JSON. Pure: no I/O.
 */
import { computeEvaluation } from '../../core/scoring/compute.ts';
import type { Evaluation } from '../../core/model/evaluation.ts';
import { categoryLabel } from '../../core/templates/labels.ts';
import type { TemplateRegistry } from '../../core/templates/registry.ts';

/** The columns in order; their titles are in the locale files (`openData.<column>`). */
export const OPEN_DATA_COLUMNS = [
  'year', 'template', 'budgetUnit', 'department', 'project', 'budgetCurrentYear', 'executed', 'executionRate',
  'indicatorNo', 'category', 'subcategory', 'indicator', 'target', 'actual', 'weight', 'score', 'remark',
  'totalScore', 'grade',
] as const;

export type OpenDataColumn = (typeof OPEN_DATA_COLUMNS)[number];
export type OpenDataRow = Record<OpenDataColumn, string>;

export function openDataRows(evaluations: readonly Evaluation[], templates: TemplateRegistry): OpenDataRow[] {
  return evaluations.flatMap((evaluation) => {
    const template = templates.get(evaluation.template);
    const computed = template ? computeEvaluation(evaluation, template) : null;
    const { project } = evaluation;
    const form = {
      year: String(evaluation.year),
      template: evaluation.template,
      budgetUnit: project.budgetUnit ?? '',
      department: project.department ?? '',
      project: project.name,
      budgetCurrentYear: project.budgetCurrentYear ?? '',
      executed: project.executed ?? '',
      executionRate: computed?.executionRate ?? project.executionRate ?? '',
      totalScore: computed ? String(computed.score) : String(evaluation.totals?.score ?? ''),
      grade: evaluation.grade ?? computed?.grade.label.zh ?? '',
    };
    return evaluation.indicators.map((indicator, i): OpenDataRow => ({
      ...form,
      indicatorNo: String(i + 1),
      category: indicator.category && template ? categoryLabel(template, indicator.category).zh : (indicator.category ?? ''),
      subcategory: indicator.subcategory ?? '',
      indicator: indicator.name,
      target: indicator.target ?? '',
      actual: indicator.actual ?? '',
      weight: indicator.weight === undefined ? '' : String(indicator.weight),
      score: indicator.score === undefined ? '' : String(indicator.score),
      remark: indicator.remark ?? '',
    }));
  });
}
