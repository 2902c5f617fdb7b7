/**
 * Budget execution in integers: amounts in fen, the rate in hundredths of a percent, the
 * execution score in hundredths of a point (numbers/hundredths.ts).
 */
import type { Project } from '../model/evaluation.ts';
import { divRound, unitsText } from '../numbers/exact-decimal.ts';
import { fenOf, hundredthsText, mulDivRound } from '../numbers/hundredths.ts';

export interface ExecutionFigures {
  executed: number;
  budget: number;
  /** The rate as the form prints it: round(executed ÷ budget × 100, 2), half-up; 6216 for "62.16". */
  rate: number;
  /** The same as text, "62.16": exact even for a rate beyond any real one (rate is then approximate). */
  rateText: string;
}

/** The figures of a project with both amounts and a positive budget, else null. */
export function executionFigures(project: Project): ExecutionFigures | null {
  const budget = fenOf(project.budgetCurrentYear);
  const executed = fenOf(project.executed);
  if (budget === null || executed === null || budget <= 0) return null;
  // In doubles while executed × 10,000 is a safe integer (any amount under 9 × 10^11 元, so every real
  // form: the checks run this per form); beyond, in bigints. Past 2^53 hundredths (9 × 10^13 %) the
  // number is no longer exact, which changes no comparison with a threshold; the text stays exact.
  if (Number.isSafeInteger(executed * 10_000)) {
    const rate = mulDivRound(executed, 10_000, budget);
    return { executed, budget, rate, rateText: hundredthsText(rate) };
  }
  const rate = divRound(BigInt(executed) * 10_000n, BigInt(budget));
  return { executed, budget, rate: Number(rate), rateText: unitsText(rate, 2) };
}

/**
 * min(rate, 100 %) × weight from the printed rate, half-up (weight in hundredths too). A negative
 * rate (more refunded than spent) earns nothing rather than negative points; the rate itself is
 * shown as it is.
 */
export function executionScore(rate: number, weight: number): number {
  return mulDivRound(Math.max(0, Math.min(rate, 10_000)), weight, 10_000);
}

/** The same from the exact ratio: min(executed, budget) × weight ÷ budget, never below 0. */
export function exactExecutionScore(figures: ExecutionFigures, weight: number): number {
  return mulDivRound(Math.max(0, Math.min(figures.executed, figures.budget)), weight, figures.budget);
}

/** round(executed ÷ budget × 100, places) in units of 10^-places of a percent, exactly. */
export function rateAt(figures: ExecutionFigures, places: number): bigint {
  return divRound(BigInt(figures.executed) * 10n ** BigInt(places + 2), BigInt(figures.budget));
}
