/**
 * Re-check scores (复核得分) of one drawn evaluation: a score per indicator, between 0 and the
 * indicator's weight with at most 2 decimals, and a reason wherever it differs from the self score.
 * Pure: the problems come back as explanations with the path of the field.
 */
import { explain, type Explanation } from '../explanation.ts';
import type { Evaluation } from '../model/evaluation.ts';
import { hundredthsOfNumber, pointsHundredths } from '../numbers/hundredths.ts';

/** An indicator as the re-check sees it: its place in `evaluation.indicators` and the self score. */
export interface RecheckIndicator {
  index: number;
  category: string | null;
  name: string;
  target: string | null;
  actual: string | null;
  weight: number | null;
  selfScore: number | null;
}

export interface RecheckScore {
  /** The index of the indicator in `evaluation.indicators`. */
  indicator: number;
  score: number;
  reason: string | null;
}

export interface ScoreProblem {
  path: string;
  message: Explanation;
}

export function recheckIndicators(evaluation: Evaluation): RecheckIndicator[] {
  return evaluation.indicators.map((indicator, index) => ({
    index,
    category: indicator.category ?? null,
    name: indicator.name,
    target: indicator.target ?? null,
    actual: indicator.actual ?? null,
    weight: indicator.weight ?? null,
    selfScore: indicator.score ?? null,
  }));
}


export function scoreProblems(indicators: readonly RecheckIndicator[], scores: readonly RecheckScore[]): ScoreProblem[] {
  const problems: ScoreProblem[] = [];
  const seen = new Set<number>();
  scores.forEach((entry, i) => {
    const at = `scores[${i}]`;
    const indicator = indicators[entry.indicator];
    if (!Number.isInteger(entry.indicator) || indicator === undefined) {
      problems.push({ path: `${at}.indicator`, message: explain('recheck.unknownIndicator', { indicator: entry.indicator, count: indicators.length }) });
      return;
    }
    if (seen.has(entry.indicator)) problems.push({ path: `${at}.indicator`, message: explain('recheck.duplicateIndicator', { indicator: entry.indicator }) });
    seen.add(entry.indicator);
    const max = indicator.weight;
    if (hundredthsOfNumber(entry.score) === null || entry.score < 0 || (max !== null && pointsHundredths(entry.score) > pointsHundredths(max))) {
      problems.push({ path: `${at}.score`, message: explain('recheck.scoreRange', { score: entry.score, weight: max ?? '—', name: indicator.name }) });
      return;
    }
    const differs = indicator.selfScore === null || pointsHundredths(indicator.selfScore) !== pointsHundredths(entry.score);
    if (differs && !entry.reason?.trim()) {
      problems.push({ path: `${at}.reason`, message: explain('recheck.reasonRequired', { name: indicator.name, score: entry.score, self: indicator.selfScore ?? '—' }) });
    }
  });
  return problems;
}
