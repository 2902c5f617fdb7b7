/**
 * The columns kept beside an evaluation's document, which lists, the dashboard and the public pages
 * filter, sort and sum on: the computed total, grade and rate (what the checks say, not what the
 * form states), and the money in whole fen. Made from the document wherever one is stored.
 */
import type { Evaluation } from '../core/model/evaluation.ts';
import { computeEvaluation } from '../core/scoring/compute.ts';
import type { Template } from '../core/templates/template.ts';
import { yuanToFen } from './columns.ts';
import type { EvaluationColumns } from './repositories/evaluation-repository.ts';

export function columnsOf(evaluation: Evaluation, template: Template): EvaluationColumns {
  const computed = computeEvaluation(evaluation, template);
  return {
    year: evaluation.year,
    project: evaluation.project.name,
    template: evaluation.template,
    score: computed.score,
    grade: computed.grade.label.zh,
    executionRate: computed.executionRate,
    budgetFen: yuanToFen(evaluation.project.budgetCurrentYear),
    executedFen: yuanToFen(evaluation.project.executed),
  };
}

