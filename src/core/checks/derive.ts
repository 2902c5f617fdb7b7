/**
 * The document as the editor keeps it, and its report. The form states values that jixiao
 * computes — the execution rate, the execution score (where the template scores it), the totals
 * and the grade; on every edit they follow the computation, so what is saved adds up. An imported
 * form keeps its stated values until someone edits it, so a wrong stated total is reported
 * (TOTAL_MISMATCH) rather than silently fixed: only the editor derives.
 */
import type { Evaluation } from '../model/evaluation.ts';
import { pointsHundredths, pointsOf } from '../numbers/hundredths.ts';
import { computeEvaluation, type Computed } from '../scoring/compute.ts';
import { gradeFor } from '../scoring/grade.ts';
import type { Template } from '../templates/template.ts';
import { evaluate, type EvaluationReport } from './run-checks.ts';

export interface Derived {
  /** The document with its computed values written in. */
  evaluation: Evaluation;
  /** The computation and the findings of that document. */
  report: EvaluationReport;
}

export function derive(evaluation: Evaluation, template: Template): Derived {
  const derived = withComputed(evaluation, computeEvaluation(evaluation, template), template);
  return { evaluation: derived, report: evaluate(derived, template) };
}

function withComputed(evaluation: Evaluation, computed: Computed, template: Template): Evaluation {
  const project = { ...evaluation.project };
  if (computed.executionRate === null) delete project.executionRate;
  else project.executionRate = computed.executionRate;
  // The computed total counts the *stated* execution score; the one derived here replaces it.
  const executionScore = template.execution.scored ? (computed.executionScore ?? 0) : 0;
  const total = pointsHundredths(computed.indicatorScore) + pointsHundredths(executionScore);
  const out: Evaluation = {
    ...evaluation,
    project,
    totals: { ...evaluation.totals, weight: computed.weight, score: pointsOf(total) },
    // The form prints the grade word in Chinese whatever the UI language.
    grade: gradeFor(total, template).label.zh,
  };
  if (template.execution.scored) {
    const weight = evaluation.execution?.weight ?? template.execution.weight;
    out.execution = { ...evaluation.execution, weight, ...(computed.executionScore === null ? {} : { score: computed.executionScore }) };
  }
  return out;
}
