/**
 * The checks of a targets declaration on its own: its weights add up as the template's form
 * wants them (WEIGHT_TOTAL, CATEGORY_WEIGHT), the same checks and messages as the evaluation's,
 * run on the evaluation the targets make (evaluation-from-targets.ts keeps the indicators in
 * their order, so every path is the targets' own path too).
 */
import type { Targets } from '../model/targets.ts';
import { computeEvaluation } from '../scoring/compute.ts';
import type { Template } from '../templates/template.ts';
import { createEvaluationFromTargets } from '../year/evaluation-from-targets.ts';
import type { Finding } from './finding.ts';
import { categoryWeight, weightTotal } from './weights.ts';

export function checkTargets(targets: Targets, template: Template): Finding[] {
  const evaluation = createEvaluationFromTargets(targets, template);
  const context = { evaluation, template, computed: computeEvaluation(evaluation, template) };
  return [...weightTotal(context), ...categoryWeight(context)];
}
