/**
 * What jixiao computes for a form: totals, block subtotals, grade, execution rate and score,
 * and a suggested score per indicator. Stated values on the form are not used here; the checks
 * compare them with these.
 */
import { dec, fixed2, HUNDRED, points, round, sumPoints, type Decimal } from '../decimal.ts';
import type { Evaluation } from '../model/evaluation.ts';
import type { Template } from '../templates/template.ts';
import { executionRate, executionScore } from './execution.ts';
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
}

export function computeEvaluation(evaluation: Evaluation, template: Template): Computed {
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
  return template.caps.map((cap) => {
    const members = evaluation.indicators.flatMap((indicator, index) =>
      indicator.category !== undefined && cap.categories.includes(indicator.category) ? [index] : [],
    );
    const pick = (field: 'weight' | 'score') => sumPoints(members.map((i) => evaluation.indicators[i]![field] ?? 0));
    return { categories: cap.categories, cap: cap.points, weight: pick('weight'), score: pick('score'), indicators: members };
  });
}
