/**
 * What jixiao computes for a form: totals, block subtotals, grade, execution rate and score,
 * and a suggested score per indicator. Stated values on the form are not used here; the checks
 * compare them with these.
 */
import type { Evaluation } from '../model/evaluation.ts';
import { hundredthsText, mulDivRound, pointsHundredths, pointsOf } from '../numbers/hundredths.ts';
import type { Template } from '../templates/template.ts';
import { executionFigures, executionScore, type ExecutionFigures } from './execution.ts';
import { gradeFor, type GradeBand } from './grade.ts';
import { suggestScore, type Suggestion } from './suggest-score.ts';

export interface BlockSubtotal {
  categories: string[];
  cap: number;
  weight: number;
  score: number;
  /** Indices of the indicators in the block, in form order. */
  indicators: number[];
}

export interface Computed {
  /** Indicator weights plus the execution weight (national). */
  weight: number;
  /** Indicator scores plus the execution score (national). */
  score: number;
  grade: GradeBand;
  /** "62.16", or null without a budget. */
  executionRate: string | null;
  /** Where the template scores execution: min(rate, 100 %) × weight (the stated score without a rate); else null. */
  executionScore: number | null;
  executionWeight: number;
  indicatorWeight: number;
  indicatorScore: number;
  /** Indicator scores as a percent of indicator weights, 2 decimals. */
  indicatorShare: string | null;
  blocks: BlockSubtotal[];
  suggestions: Suggestion[];
  /** The same in integers, for the checks: amounts in fen, the rate and the share in hundredths of a percent. */
  exact: { execution: ExecutionFigures | null; share: number | null };
}

export function computeEvaluation(evaluation: Evaluation, template: Template): Computed {
  const indicators = evaluation.indicators;
  let weight = 0;
  let score = 0;
  for (const indicator of indicators) {
    weight += pointsHundredths(indicator.weight);
    score += pointsHundredths(indicator.score);
  }
  const execution = executionPart(evaluation, template);
  const total = score + (execution.counted ?? 0);
  const share = weight === 0 ? null : mulDivRound(score, 10_000, weight);
  let suggestions: Suggestion[] | undefined;
  return {
    weight: pointsOf(weight + execution.weight),
    score: pointsOf(total),
    grade: gradeFor(total, template),
    executionRate: execution.figures?.rateText ?? null,
    executionScore: execution.score === null ? null : pointsOf(execution.score),
    executionWeight: pointsOf(execution.weight),
    indicatorWeight: pointsOf(weight),
    indicatorScore: pointsOf(score),
    indicatorShare: share === null ? null : hundredthsText(share),
    blocks: blockSubtotals(evaluation, template),
    // Worked out when first asked for: the checks do not need them, the editor and reports do.
    get suggestions() {
      return (suggestions ??= indicators.map((i) => suggestScore(i, template)));
    },
    exact: { execution: execution.figures, share },
  };
}

/**
 * The execution figures, and in hundredths: the execution weight, the correct execution score, and the
 * score that counts in the total. The total is the sum of the scores on the form, like the
 * indicator scores, so the stated execution score counts where there is one; EXECUTION_SCORE
 * reports it when it is wrong, rather than every total after it failing too.
 */
function executionPart(evaluation: Evaluation, template: Template) {
  const figures = executionFigures(evaluation.project);
  const rate = figures?.rate ?? null;
  if (!template.execution.scored) return { figures, weight: 0, score: null, counted: null };
  const weight = pointsHundredths(evaluation.execution?.weight ?? template.execution.weight);
  const stated = evaluation.execution?.score;
  const statedScore = stated === undefined ? null : pointsHundredths(stated);
  const score = rate === null ? statedScore : executionScore(rate, weight);
  return { figures, weight, score, counted: statedScore ?? score };
}

export function blockSubtotals(evaluation: Evaluation, template: Template): BlockSubtotal[] {
  const indicators = evaluation.indicators;
  return template.caps.map((cap) => {
    const members: number[] = [];
    let weight = 0;
    let score = 0;
    for (let index = 0; index < indicators.length; index++) {
      const indicator = indicators[index]!;
      if (indicator.category === undefined || !cap.categories.includes(indicator.category)) continue;
      members.push(index);
      weight += pointsHundredths(indicator.weight);
      score += pointsHundredths(indicator.score);
    }
    return { categories: cap.categories, cap: cap.points, weight: pointsOf(weight), score: pointsOf(score), indicators: members };
  });
}
