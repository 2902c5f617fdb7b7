/** RATE_MISMATCH, EXECUTION_SCORE, OVERSPENT, HIGH_SCORE_LOW_EXECUTION: budget execution. */
import { compareHundredths, dec, hundredthsOf, mulDivRound, plainDecimal, pointsHundredths, round } from '../decimal.ts';
import type { Project } from '../model/evaluation.ts';
import { exactExecutionRate, executionScore, fenExactExecutionScore, fenRate } from '../scoring/execution.ts';
import { finding, type Check, type Finding } from './finding.ts';

/**
 * The stated rate agrees when it is the exact rate rounded to the decimals it was written with
 * (at most 2): "62.16" and "62.2" both agree with 62.1621…, "62.17" does not.
 */
export const rateMismatch: Check = ({ evaluation, computed }) => {
  const stated = evaluation.project.executionRate?.trim();
  if (!stated) return [];
  const agrees = rateAgrees(evaluation.project, stated);
  if (agrees === null || agrees) return [];
  return [finding('RATE_MISMATCH', 'project.executionRate', {
    stated,
    computed: computed.executionRate ?? '',
    executed: evaluation.project.executed ?? '',
    budget: evaluation.project.budgetCurrentYear ?? '',
  })];
};

/** Whether the stated rate agrees; null without a rate. In integers where the figures are plain. */
function rateAgrees(project: Project, stated: string): boolean | null {
  const figures = fenRate(project);
  if (figures === null) return null;
  const written = plainDecimal(stated);
  if (figures !== undefined && written !== null) {
    const places = Math.min(written.places, 2);
    // The stated rate rounded half-up to `places`, in units of 10^-places.
    const signed = written.negative ? -written.digits : written.digits;
    const statedRounded = written.places <= 2 ? signed : mulDivRound(signed, 1, 10 ** (written.places - 2));
    const exactRounded = places === 2 ? figures.rate : mulDivRound(figures.executed, places === 1 ? 1000 : 100, figures.budget);
    if (!Number.isNaN(statedRounded) && !Number.isNaN(exactRounded)) return statedRounded === exactRounded;
  }
  const exact = exactExecutionRate(project);
  if (exact === null) return null;
  const places = Math.min(dec(stated).decimalPlaces(), 2);
  return round(exact, places).equals(round(dec(stated), places));
}

/**
 * min(rate, 100 %) × weight. Offices compute it from the printed (rounded) rate or from the
 * exact ratio; the two can differ in the last cent, and either is accepted.
 */
export const executionScoreCheck: Check = ({ evaluation, template, computed }) => {
  const stated = evaluation.execution?.score;
  if (!template.execution.scored || stated === undefined || computed.executionScore === null) return [];
  const figures = fenRate(evaluation.project);
  if (figures === null) return [];
  const weight = evaluation.execution?.weight ?? template.execution.weight;
  const weightH = pointsHundredths(weight);
  if (figures !== undefined && weightH !== null) {
    // A stated score with more than 2 decimals equals neither (both have at most 2).
    const statedH = pointsHundredths(stated);
    if (statedH !== null && (statedH === Math.round(computed.executionScore * 100) || statedH === fenExactExecutionScore(figures, weightH))) return [];
  } else {
    const exact = exactExecutionRate(evaluation.project);
    if (exact === null) return [];
    const accepted = [computed.executionScore, executionScore(exact, weight).toNumber()];
    if (accepted.some((score) => dec(stated).equals(score))) return [];
  }
  return [finding('EXECUTION_SCORE', 'execution.score', { stated, computed: computed.executionScore, rate: computed.executionRate ?? '', weight })];
};

function spentAbove(executed: string | undefined, budget: string | undefined): executed is string {
  if (!executed?.trim() || !budget?.trim()) return false;
  const a = hundredthsOf(executed);
  const b = hundredthsOf(budget);
  return a !== null && b !== null ? a > b : dec(executed).greaterThan(dec(budget));
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
  if (computed.indicatorShare === null || computed.executionRate === null) return [];
  const share = hundredthsOf(computed.indicatorShare);
  const rate = hundredthsOf(computed.executionRate);
  const margin = template.scoring.highScoreLowExecutionMargin;
  if (share !== null && rate !== null ? compareHundredths(share - rate, margin) <= 0
    : dec(computed.indicatorShare).minus(dec(computed.executionRate)).lessThanOrEqualTo(margin)) return [];
  return [finding('HIGH_SCORE_LOW_EXECUTION', 'project.executionRate', {
    share: computed.indicatorShare,
    score: computed.indicatorScore,
    weight: computed.indicatorWeight,
    rate: computed.executionRate,
    margin: template.scoring.highScoreLowExecutionMargin,
  })];
};
