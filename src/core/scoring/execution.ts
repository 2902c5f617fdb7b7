/** Budget execution: the rate, and (where the template scores it) the execution score. */
import { dec, HUNDRED, hundredthsOf, minDec, mulDivRound, round, type Decimal } from '../decimal.ts';
import type { Project } from '../model/evaluation.ts';

function filled(amount: string | undefined): amount is string {
  return amount !== undefined && amount.trim() !== '';
}

/** executed / budgetCurrentYear × 100, exact (not yet rounded); null without a positive budget. */
export function exactExecutionRate(project: Project): Decimal | null {
  if (!filled(project.budgetCurrentYear) || !filled(project.executed)) return null;
  const budget = dec(project.budgetCurrentYear);
  if (budget.lessThanOrEqualTo(0)) return null;
  return dec(project.executed).dividedBy(budget).times(HUNDRED);
}

/** The rate as the form prints it: percent, 2 decimals, half-up. */
export function executionRate(project: Project): Decimal | null {
  const exact = exactExecutionRate(project);
  return exact === null ? null : round(exact);
}

/** min(rate, 100 %) × weight, 2 decimals, half-up. */
export function executionScore(rate: Decimal, weight: number): Decimal {
  return round(minDec(rate, HUNDRED).dividedBy(HUNDRED).times(dec(weight)));
}

/** The execution figures in integers: amounts in fen, the printed rate in hundredths of a percent. */
export interface FenRate {
  executed: number;
  budget: number;
  /** round(executed ÷ budget × 100, 2) × 100: 6216 for "62.16". */
  rate: number;
}

/**
 * The rate without decimal objects, exactly: round(executed_fen × 10000 ÷ budget_fen), half-up.
 * null where exactExecutionRate is null (no positive budget); undefined where the amounts are not
 * plain decimal strings with at most 2 decimals (then use the decimal functions above).
 */
export function fenRate(project: Project): FenRate | null | undefined {
  if (!filled(project.budgetCurrentYear) || !filled(project.executed)) return null;
  const budget = hundredthsOf(project.budgetCurrentYear);
  const executed = hundredthsOf(project.executed);
  if (budget === null || executed === null) return undefined;
  if (budget <= 0) return null;
  const rate = mulDivRound(executed, 10_000, budget);
  return Number.isNaN(rate) ? undefined : { executed, budget, rate };
}

/** executionScore from the printed rate, in hundredths of a point (weight in hundredths too). */
export function fenExecutionScore(rate: number, weight: number): number {
  return mulDivRound(Math.min(rate, 10_000), weight, 10_000);
}

/** executionScore from the exact ratio: min(executed, budget) × weight ÷ budget, in hundredths. */
export function fenExactExecutionScore(figures: FenRate, weight: number): number {
  return mulDivRound(Math.min(figures.executed, figures.budget), weight, figures.budget);
}
