/**
 * Next year's draft from this year's evaluation ("copy to next year"): the project, its goal and
 * its indicators with targets, weights and rules stay; everything that records what happened
 * (actuals, scores, remarks, spending, totals, grade, the narratives, the date) is cleared. This
 * year's budget becomes the previous year's budget. Each indicator keeps its `id` (the lineage:
 * src/core/lineage), so next year's editor finds this year's target and actual by it.
 */
import type { Evaluation } from '../model/evaluation.ts';

export function nextYearDraft(evaluation: Evaluation): Evaluation {
  const { totals: _totals, grade: _grade, achievements: _a, problems: _p, improvements: _i, actualOutcome: _o, evaluatedOn: _d, ...kept } = evaluation;
  const { executed: _executed, executionRate: _rate, ...project } = evaluation.project;
  return {
    ...kept,
    year: evaluation.year + 1,
    project: { ...project, ...(project.budgetCurrentYear ? { budgetPreviousYear: project.budgetCurrentYear } : {}) },
    ...(evaluation.funding ? { funding: evaluation.funding.map(({ executed: _e, ...row }) => row) } : {}),
    ...(evaluation.execution ? { execution: { weight: evaluation.execution.weight } } : {}),
    indicators: evaluation.indicators.map(({ actual: _actual, score: _score, remark: _remark, level: _level, ...indicator }) => indicator),
  };
}
