/**
 * The values the form states but jixiao computes: the execution rate, the execution score
 * (national), the totals and the grade. On every edit they follow the computation, so what is
 * saved adds up. An imported form keeps its stated values until someone edits it, so a wrong
 * stated total is reported (TOTAL_MISMATCH) rather than silently fixed.
 */
import { dec, points } from '../../core/decimal.ts';
import type { Evaluation } from '../../core/model/evaluation.ts';
import type { Computed } from '../../core/scoring/compute.ts';
import { gradeFor } from '../../core/scoring/grade.ts';
import type { Template } from '../../core/templates/template.ts';

export function withDerived(evaluation: Evaluation, computed: Computed, template: Template): Evaluation {
  const project = { ...evaluation.project };
  if (computed.executionRate === null) delete project.executionRate;
  else project.executionRate = computed.executionRate;
  // The computed total counts the *stated* execution score; the one derived here replaces it.
  const executionScore = template.execution.scored ? (computed.executionScore ?? 0) : 0;
  const total = dec(computed.indicatorScore).plus(executionScore);
  const out: Evaluation = {
    ...evaluation,
    project,
    totals: { ...evaluation.totals, weight: computed.weight, score: points(total) },
    // The form prints the grade word in Chinese whatever the UI language.
    grade: gradeFor(total, template).label.zh,
  };
  if (template.execution.scored) {
    const weight = evaluation.execution?.weight ?? template.execution.weight;
    out.execution = { ...evaluation.execution, weight, ...(computed.executionScore === null ? {} : { score: computed.executionScore }) };
  }
  return out;
}
