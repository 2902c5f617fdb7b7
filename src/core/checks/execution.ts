/** RATE_MISMATCH, EXECUTION_SCORE, OVERSPENT, HIGH_SCORE_LOW_EXECUTION: budget execution. */
import { exactOf, trimmed, unitsAt } from '../numbers/exact-decimal.ts';
import { fenOf, hundredthsOfNumber, hundredthsText, pointsHundredths } from '../numbers/hundredths.ts';
import { exactExecutionScore, rateAt, type ExecutionFigures } from '../scoring/execution.ts';
import { finding, type Check, type Finding } from './finding.ts';

/**
 * The stated rate agrees when it is the exact rate rounded to the decimals it was written with
 * (at most 2; trailing zeros do not count): "62.16" and "62.2" both agree with 62.1621…, "62.17"
 * does not. null where there is nothing to compare.
 */
function rateAgrees(figures: ExecutionFigures | null, stated: string): boolean | null {
  const written = exactOf(stated);
  if (figures === null || written === null) return null;
  const places = Math.min(trimmed(written).places, 2);
  return unitsAt(written, places) === rateAt(figures, places);
}

export const rateMismatch: Check = ({ evaluation, computed }) => {
  const stated = evaluation.project.executionRate?.trim();
  if (!stated || rateAgrees(computed.exact.execution, stated) !== false) return [];
  return [finding('RATE_MISMATCH', 'project.executionRate', {
    stated,
    computed: computed.executionRate ?? '',
    executed: evaluation.project.executed ?? '',
    budget: evaluation.project.budgetCurrentYear ?? '',
  })];
};

/**
 * min(rate, 100 %) × weight. Offices compute it from the printed (rounded) rate or from the
 * exact ratio; the two can differ in the last cent, and either is accepted.
 */
export const executionScoreCheck: Check = ({ evaluation, template, computed }) => {
  const stated = evaluation.execution?.score;
  if (!template.execution.scored || stated === undefined || computed.executionScore === null) return [];
  const figures = computed.exact.execution;
  if (figures === null) return [];
  const weight = evaluation.execution?.weight ?? template.execution.weight;
  // A stated score with more than 2 decimals equals neither (both have at most 2).
  const statedH = hundredthsOfNumber(stated);
  const accepted = [pointsHundredths(computed.executionScore), exactExecutionScore(figures, pointsHundredths(weight))];
  if (statedH !== null && accepted.includes(statedH)) return [];
  return [finding('EXECUTION_SCORE', 'execution.score', { stated, computed: computed.executionScore, rate: computed.executionRate ?? '', weight })];
};

function spentAbove(executed: string | undefined, budget: string | undefined): executed is string {
  const spent = fenOf(executed);
  const limit = fenOf(budget);
  return spent !== null && limit !== null && spent > limit;
}

export const overspent: Check = ({ evaluation }) => {
  const { project } = evaluation;
  const out: Finding[] = [];
  if (spentAbove(project.executed, project.budgetCurrentYear)) {
    out.push(finding('OVERSPENT', 'project.executed', { executed: project.executed, budget: project.budgetCurrentYear! }));
  }
  const funding = evaluation.funding ?? [];
  for (let i = 0; i < funding.length; i++) {
    const row = funding[i]!;
    if (spentAbove(row.executed, row.adjusted)) out.push(finding('OVERSPENT', `funding[${i}].executed`, { executed: row.executed, budget: row.adjusted! }));
  }
  return out;
};

export const highScoreLowExecution: Check = ({ template, computed }) => {
  const { share, execution } = computed.exact;
  if (share === null || execution === null) return [];
  const margin = template.scoring.highScoreLowExecutionMargin;
  if (share - execution.rate <= pointsHundredths(margin)) return [];
  return [finding('HIGH_SCORE_LOW_EXECUTION', 'project.executionRate', {
    share: hundredthsText(share),
    score: computed.indicatorScore,
    weight: computed.indicatorWeight,
    rate: execution.rateText,
    margin,
  })];
};
