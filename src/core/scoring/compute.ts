/**
 * What jixiao computes for a form: totals, block subtotals, grade, execution rate and score,
 * and a suggested score per indicator. Stated values on the form are not used here; the checks
 * compare them with these.
 */
import { dec, fixed2, formatHundredths, HUNDRED, mulDivRound, points, pointsHundredths, round, roundedHundredths, sumPoints, type Decimal } from '../decimal.ts';
import type { Evaluation } from '../model/evaluation.ts';
import type { Template } from '../templates/template.ts';
import { executionRate, executionScore, fenExecutionScore, fenRate } from './execution.ts';
import { gradeFor, gradeForHundredths, type GradeBand } from './grade.ts';
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
}

export function computeEvaluation(evaluation: Evaluation, template: Template): Computed {
  const indicators = evaluation.indicators;
  // Points and amounts in integer hundredths: exact, and no decimal object per step.
  let weight = 0;
  let score = 0;
  for (const indicator of indicators) {
    weight += Math.round((indicator.weight ?? 0) * 100);
    score += Math.round((indicator.score ?? 0) * 100);
  }
  const execution = executionHundredths(evaluation, template);
  if (execution === undefined) return computeWithDecimals(evaluation, template);
  const total = score + (execution.counted ?? 0);
  const share = weight === 0 ? NaN : mulDivRound(score, 10_000, weight);
  let suggestions: Suggestion[] | undefined;
  return {
    weight: (weight + execution.weight) / 100,
    score: total / 100,
    grade: gradeForHundredths(total, template),
    executionRate: execution.rate === null ? null : formatHundredths(execution.rate),
    executionScore: execution.score === null ? null : execution.score / 100,
    executionWeight: execution.weight / 100,
    indicatorWeight: weight / 100,
    indicatorScore: score / 100,
    // fixed2 of the unrounded share: a negative share that rounds to zero prints "-0.00".
    indicatorShare: weight === 0 ? null : formatHundredths(share, score !== 0 && score < 0 !== weight < 0),
    blocks: blockSubtotals(evaluation, template),
    // Worked out when first asked for: the checks do not need them, the editor and reports do.
    get suggestions() {
      return (suggestions ??= indicators.map((i) => suggestScore(i, template)));
    },
  };
}

/**
 * executionPart and the rounded rate in hundredths (of a point, of a percent); undefined where an
 * amount or the execution weight is not plain (then computeWithDecimals).
 */
function executionHundredths(evaluation: Evaluation, template: Template) {
  const figures = fenRate(evaluation.project);
  if (figures === undefined) return undefined;
  const rate = figures === null ? null : figures.rate;
  if (!template.execution.scored) return { weight: 0, score: null, counted: null, rate };
  const weight = pointsHundredths(evaluation.execution?.weight ?? template.execution.weight);
  if (weight === null) return undefined;
  const stated = evaluation.execution?.score;
  const statedScore = stated === undefined ? null : roundedHundredths(stated);
  const score = rate === null ? statedScore : fenExecutionScore(rate, weight);
  return { weight, score, counted: statedScore ?? score, rate };
}

/** The same with decimal objects, for amounts beyond the plain ones (exported for the property tests). */
export function computeWithDecimals(evaluation: Evaluation, template: Template): Computed {
  const indicators = evaluation.indicators;
  const indicatorWeight = dec(sumPoints(indicators.map((i) => i.weight ?? 0)));
  const indicatorScore = dec(sumPoints(indicators.map((i) => i.score ?? 0)));
  const rate = executionRate(evaluation.project);
  const execution = executionPart(evaluation, template, rate);
  const total = indicatorScore.plus(execution.counted ?? 0);
  let suggestions: Suggestion[] | undefined;
  return {
    weight: points(indicatorWeight.plus(execution.weight)),
    score: points(total),
    grade: gradeFor(total, template),
    executionRate: rate === null ? null : fixed2(rate),
    executionScore: execution.score === null ? null : points(execution.score),
    executionWeight: points(execution.weight),
    indicatorWeight: points(indicatorWeight),
    indicatorScore: points(indicatorScore),
    indicatorShare: indicatorWeight.isZero() ? null : fixed2(indicatorScore.dividedBy(indicatorWeight).times(HUNDRED)),
    blocks: blockSubtotals(evaluation, template),
    // Worked out when first asked for: the checks do not need them, the editor and reports do.
    get suggestions() {
      return (suggestions ??= indicators.map((i) => suggestScore(i, template)));
    },
  };
}

/**
 * The execution weight, the correct execution score, and the score that counts in the total.
 * The total is the sum of the scores on the form, like the indicator scores, so the stated
 * execution score counts where there is one; EXECUTION_SCORE reports it when it is wrong,
 * rather than every total after it failing too.
 */
function executionPart(evaluation: Evaluation, template: Template, rate: Decimal | null) {
  if (!template.execution.scored) return { weight: dec(0), score: null, counted: null };
  const weight = evaluation.execution?.weight ?? template.execution.weight;
  const stated = evaluation.execution?.score;
  const statedScore = stated === undefined ? null : round(dec(stated));
  const score = rate === null ? statedScore : executionScore(rate, weight);
  return { weight: dec(weight), score, counted: statedScore ?? score };
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
      weight += Math.round((indicator.weight ?? 0) * 100);
      score += Math.round((indicator.score ?? 0) * 100);
    }
    return { categories: cap.categories, cap: cap.points, weight: weight / 100, score: score / 100, indicators: members };
  });
}
