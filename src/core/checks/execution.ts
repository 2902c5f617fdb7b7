/** RATE_MISMATCH, EXECUTION_SCORE, OVERSPENT, HIGH_SCORE_LOW_EXECUTION: budget execution. */
import { dec, round } from '../decimal.ts';
import { exactExecutionRate, executionScore } from '../scoring/execution.ts';
import { finding, type Check, type Finding } from './finding.ts';

/**
 * The stated rate agrees when it is the exact rate rounded to the decimals it was written with
 * (at most 2): "62.16" and "62.2" both agree with 62.1621…, "62.17" does not.
 */
export const rateMismatch: Check = ({ evaluation, computed }) => {
  const stated = evaluation.project.executionRate?.trim();
  const exact = exactExecutionRate(evaluation.project);
  if (!stated || exact === null) return [];
  const places = Math.min(dec(stated).decimalPlaces(), 2);
  if (round(exact, places).equals(round(dec(stated), places))) return [];
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
  const exact = exactExecutionRate(evaluation.project);
  if (!template.execution.scored || stated === undefined || exact === null || computed.executionScore === null) return [];
  const weight = evaluation.execution?.weight ?? template.execution.weight;
  const accepted = [computed.executionScore, executionScore(exact, weight).toNumber()];
  if (accepted.some((score) => dec(stated).equals(score))) return [];
  return [finding('EXECUTION_SCORE', 'execution.score', { stated, computed: computed.executionScore, rate: computed.executionRate ?? '', weight })];
};

export const overspent: Check = ({ evaluation }) => {
  const { project } = evaluation;
  const rows: Array<[string, string | undefined, string | undefined]> = [
    ['project.executed', project.executed, project.budgetCurrentYear],
    ...(evaluation.funding ?? []).map((row, i): [string, string | undefined, string | undefined] => [`funding[${i}].executed`, row.executed, row.adjusted]),
  ];
  return rows.flatMap(([path, executed, budget]): Finding[] =>
    executed?.trim() && budget?.trim() && dec(executed).greaterThan(dec(budget))
      ? [finding('OVERSPENT', path, { executed, budget })]
      : [],
  );
};

export const highScoreLowExecution: Check = ({ template, computed }) => {
  if (computed.indicatorShare === null || computed.executionRate === null) return [];
  const gap = dec(computed.indicatorShare).minus(dec(computed.executionRate));
  if (gap.lessThanOrEqualTo(template.scoring.highScoreLowExecutionMargin)) return [];
  return [finding('HIGH_SCORE_LOW_EXECUTION', 'project.executionRate', {
    share: computed.indicatorShare,
    score: computed.indicatorScore,
    weight: computed.indicatorWeight,
    rate: computed.executionRate,
    margin: template.scoring.highScoreLowExecutionMargin,
  })];
};
