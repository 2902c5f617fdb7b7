/** Budget execution: the rate, and (where the template scores it) the execution score. */
import { dec, HUNDRED, minDec, round, type Decimal } from '../decimal.ts';
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
