/** All checks of PRODUCT.md over one evaluation, in the order a reviewer reads the form. */
import type { Evaluation } from '../model/evaluation.ts';
import type { Targets } from '../model/targets.ts';
import { computeEvaluation, type Computed } from '../scoring/compute.ts';
import type { Template } from '../templates/template.ts';
import { negativeAmount } from './amounts.ts';
import { checkAgainstTargets } from './approved-targets.ts';
import { executionScoreCheck, highScoreLowExecution, overspent, rateMismatch } from './execution.ts';
import { missingField } from './fields.ts';
import type { Check, CheckContext, Finding } from './finding.ts';
import { deductionUnexplained, problemsUnstated } from './narrative.ts';
import { indicatorTargets, qualitativeBand, targetRuleMismatch, targetTooLow } from './targets.ts';
import { gradeMismatch, totalMismatch } from './totals.ts';
import { categoryWeight, scoreRange, weightTotal } from './weights.ts';

export const ALL_CHECKS: readonly Check[] = [
  missingField,
  weightTotal,
  categoryWeight,
  scoreRange,
  totalMismatch,
  gradeMismatch,
  rateMismatch,
  executionScoreCheck,
  overspent,
  negativeAmount,
  deductionUnexplained,
  highScoreLowExecution,
  problemsUnstated,
  targetRuleMismatch,
  targetTooLow,
  qualitativeBand,
];

export interface EvaluationReport {
  computed: Computed;
  findings: Finding[];
}

/**
 * The checks of one form; with the project's approved targets (the newest approved version), the
 * cross-document checks too, after the form's own — so an error there also stops submission.
 */
export function evaluate(evaluation: Evaluation, template: Template, approvedTargets?: Targets): EvaluationReport {
  const computed = computeEvaluation(evaluation, template);
  const context: CheckContext = { evaluation, template, computed, targets: indicatorTargets(evaluation) };
  const findings: Finding[] = [];
  for (const check of ALL_CHECKS) for (const f of check(context)) findings.push(f);
  if (approvedTargets) findings.push(...checkAgainstTargets(evaluation, approvedTargets));
  return { computed, findings };
}

export function hasErrors(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === 'error');
}
