/**
 * Which approved targets an evaluation is checked against (`jixiao check EVAL --targets T`): the
 * targets of the same year and template whose project has the same 项目代码, or, where either
 * has no code, the same name (compared as printed words are: full/half width and spaces aside).
 * None, or more than one, is said rather than guessed.
 */
import type { Evaluation } from '../core/model/evaluation.ts';
import type { Targets } from '../core/model/targets.ts';
import { normalizeText } from '../core/targets/normalize.ts';

export type TargetsMatch = { index: number } | { index: null; reason: 'none' | 'several'; candidates: number[] };

function sameProject(evaluation: Evaluation, targets: Targets): boolean {
  const [a, b] = [evaluation.project.code?.trim(), targets.project.code?.trim()];
  if (a && b) return a === b;
  return normalizeText(evaluation.project.name) === normalizeText(targets.project.name);
}

export function matchTargets(evaluation: Evaluation, targets: readonly Targets[]): TargetsMatch {
  const candidates = targets.flatMap((t, i) => (t.year === evaluation.year && t.template === evaluation.template && sameProject(evaluation, t) ? [i] : []));
  if (candidates.length === 1) return { index: candidates[0]! };
  return { index: null, reason: candidates.length === 0 ? 'none' : 'several', candidates };
}
