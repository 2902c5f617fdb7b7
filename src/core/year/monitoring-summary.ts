/**
 * What the bureau's dashboard needs of one mid-year monitoring (PRODUCT.md, "The cycle"): the
 * project's spending against the time progress, and how many indicators are off track. Flat and
 * JSON-serialisable, so that storage keeps it as columns of the stored monitoring row and the
 * dashboard sums them in SQL by department and unit: money in 元 and rates and points in percent
 * as decimal strings with 2 decimals (exact; storage turns money into fen to sum it), counts as
 * integers, null where the document does not state a figure.
 *
 * The judgements are the checks' (checks/monitoring.ts): `spendingBehind` is true exactly when
 * checkMonitoring finds MONITOR_EXECUTION_LAG, `overspendExpected` exactly when it finds
 * MONITOR_EXPECTED_OVERSPEND, and an indicator is off track when its expected year-end value does
 * not reach its target by the target's own comparison (scoring/reach-target.ts).
 */
import { executionLagMargin, judgeIndicator, overspends, spendingLags, spendingLines, timeProgress } from '../checks/monitoring.ts';
import type { Monitoring } from '../model/monitoring.ts';
import { fenOf, hundredthsText, mulDivRound } from '../numbers/hundredths.ts';
import { amountText } from '../numbers/read-number.ts';
import { matchKey } from '../targets/normalize.ts';
import type { Template } from '../templates/template.ts';

export interface MonitoringSummary {
  asOf: string;
  /**
   * The project's total (元): the funding row 年度资金总额 where there is one; else the sum of the
   * rows (they are then its parts); else the project's own figures.
   */
  budget: string | null;
  executedToDate: string | null;
  expectedYearEnd: string | null;
  /** executedToDate ÷ budget in percent ("41.07"); null without a budget above zero or without the executed amount. */
  executionRate: string | null;
  /** Days elapsed ÷ days of the year at `asOf`, in percent ("58.20"). */
  timeProgress: string | null;
  /** timeProgress − executionRate in points, as the two are shown ("17.13"; negative: ahead of time). */
  pointsBehind: string | null;
  /** Some spending line is more than the template's margin behind the time progress (MONITOR_EXECUTION_LAG). */
  spendingBehind: boolean;
  /** Some spending line is expected above its budget by year end (MONITOR_EXPECTED_OVERSPEND). */
  overspendExpected: boolean;
  /** The total's expected year-end execution above its budget (元; "0.00" when within it). */
  expectedOverspend: string | null;
  indicators: number;
  /** The expected year-end value does not reach the target (with or without a cause given). */
  indicatorsOffTrack: number;
  /** Off track and no deviation cause given (MONITOR_OFF_TRACK). */
  indicatorsOffTrackWithoutCause: number;
  /** Likelihood 完全不可能. */
  indicatorsImpossible: number;
  /** The target and the expected value cannot be compared (a free-text target, a blank value). */
  indicatorsNotComparable: number;
}

/** The summary's keys, in a stable order: the columns storage keeps beside the monitoring's document. */
export const MONITORING_SUMMARY_KEYS = [
  'asOf', 'budget', 'executedToDate', 'expectedYearEnd', 'executionRate', 'timeProgress', 'pointsBehind',
  'spendingBehind', 'overspendExpected', 'expectedOverspend',
  'indicators', 'indicatorsOffTrack', 'indicatorsOffTrackWithoutCause', 'indicatorsImpossible', 'indicatorsNotComparable',
] as const satisfies ReadonlyArray<keyof MonitoringSummary>;

export function summarizeMonitoring(monitoring: Monitoring, template: Template): MonitoringSummary {
  const total = totalSpending(monitoring, template);
  const time = timeProgress(monitoring);
  const rate = total.budget !== null && total.executed !== null && total.budget > 0 ? mulDivRound(total.executed, 10_000, total.budget) : null;
  const timeHundredths = time ? mulDivRound(time.elapsed, 10_000, time.days) : null;
  const margin = executionLagMargin(template);
  let spendingBehind = false;
  let overspendExpected = false;
  for (const line of spendingLines(monitoring)) {
    const [budget, executed, expected] = [fenOf(line.budget), fenOf(line.executedToDate), fenOf(line.expectedYearEnd)];
    if (time && budget !== null && executed !== null && spendingLags(executed, budget, time, margin)) spendingBehind = true;
    if (budget !== null && expected !== null && overspends(expected, budget)) overspendExpected = true;
  }
  const counts = { indicatorsOffTrack: 0, indicatorsOffTrackWithoutCause: 0, indicatorsImpossible: 0, indicatorsNotComparable: 0 };
  for (const indicator of monitoring.indicators) {
    const judged = judgeIndicator(indicator);
    if (judged.reached === null) counts.indicatorsNotComparable++;
    if (judged.reached === false) counts.indicatorsOffTrack++;
    if (judged.offTrackWithoutCause) counts.indicatorsOffTrackWithoutCause++;
    if (indicator.likelihood === 'impossible') counts.indicatorsImpossible++;
  }
  return {
    asOf: monitoring.asOf,
    budget: yuan(total.budget),
    executedToDate: yuan(total.executed),
    expectedYearEnd: yuan(total.expected),
    executionRate: rate === null ? null : hundredthsText(rate),
    timeProgress: timeHundredths === null ? null : hundredthsText(timeHundredths),
    pointsBehind: rate === null || timeHundredths === null ? null : hundredthsText(timeHundredths - rate),
    spendingBehind,
    overspendExpected,
    expectedOverspend: total.budget === null || total.expected === null ? null : amountText(Math.max(0, total.expected - total.budget)),
    indicators: monitoring.indicators.length,
    ...counts,
  };
}

const yuan = (fen: number | null) => (fen === null ? null : amountText(fen));

interface Total {
  budget: number | null;
  executed: number | null;
  expected: number | null;
}

/** The words of the 年度资金总额 row on any of the template's layouts. */
function totalRowKeys(template: Template): Set<string> {
  const labels = [template.documents?.monitoring?.fieldLabels, template.documents?.targets?.fieldLabels, template.fieldLabels];
  const keys = new Set<string>();
  for (const label of labels.map((l) => l?.['form.funding.total'])) {
    if (label) for (const word of [label.zh, ...label.aliases]) keys.add(matchKey(word));
  }
  return keys;
}

function totalSpending(monitoring: Monitoring, template: Template): Total {
  const rows = monitoring.funding ?? [];
  if (rows.length === 0) {
    const p = monitoring.project;
    return { budget: fenOf(p.budgetCurrentYear), executed: fenOf(p.executedToDate), expected: fenOf(p.expectedYearEnd) };
  }
  const keys = totalRowKeys(template);
  const totalRow = rows.find((row) => keys.has(matchKey(row.source)));
  const chosen = totalRow ? [totalRow] : rows;
  // A blank amount of a row adds nothing; all blank is not stated.
  const sum = (amounts: Array<string | undefined>): number | null => {
    const fen = amounts.map(fenOf).filter((f): f is number => f !== null);
    return fen.length === 0 ? null : fen.reduce((a, b) => a + b, 0);
  };
  return {
    budget: sum(chosen.map((r) => r.budget)),
    executed: sum(chosen.map((r) => r.executedToDate)),
    expected: sum(chosen.map((r) => r.expectedYearEnd)),
  };
}
