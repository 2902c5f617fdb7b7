/**
 * MONITOR_EXECUTION_LAG, MONITOR_EXPECTED_OVERSPEND, MONITOR_OFF_TRACK, MONITOR_LIKELIHOOD: a
 * monitoring document on its own (PRODUCT.md, "The cycle").
 *
 * Spending is judged per funding row, or on the project's own figures where there are no rows.
 * Whether an expected year-end value reaches its target is the target's comparison
 * (scoring/reach-target.ts); where the two cannot be compared (a free-text target) nothing is said.
 */
import type { Monitoring } from '../model/monitoring.ts';
import { fenOf, hundredthsOfNumber, hundredthsText, mulDivRound } from '../numbers/hundredths.ts';
import { reachesTarget } from '../scoring/reach-target.ts';
import { DEFAULT_EXECUTION_LAG_POINTS, type Template } from '../templates/template.ts';
import { calendarDate, daysElapsed, daysInYear } from '../year/calendar.ts';
import { finding, type Finding } from './finding.ts';

/** One line of spending: a funding row, or the project. */
interface Spending {
  /** `funding[2]` or `project`. */
  at: string;
  budget: string | undefined;
  executedToDate: string | undefined;
  expectedYearEnd: string | undefined;
}

function spendingOf(monitoring: Monitoring): Spending[] {
  const rows = monitoring.funding ?? [];
  if (rows.length > 0) return rows.map((row, i) => ({ at: `funding[${i}]`, ...row }));
  const { budgetCurrentYear, executedToDate, expectedYearEnd } = monitoring.project;
  return [{ at: 'project', budget: budgetCurrentYear, executedToDate, expectedYearEnd }];
}

export function checkMonitoring(monitoring: Monitoring, template: Template): Finding[] {
  const spending = spendingOf(monitoring);
  return [...executionLag(monitoring, spending, template), ...expectedOverspend(spending), ...indicatorChecks(monitoring)];
}

/** The time progress at the as-of date: days of the year elapsed (the date itself counts) and the days of the year. */
export function timeProgress(monitoring: Pick<Monitoring, 'year' | 'asOf'>): { elapsed: number; days: number } | null {
  const date = calendarDate(monitoring.asOf);
  return date ? { elapsed: daysElapsed(monitoring.year, date), days: daysInYear(monitoring.year) } : null;
}

/**
 * Executed ÷ budget more than `margin` points behind elapsed ÷ days, exactly: with margin m in
 * hundredths of a point, time − rate > m/100 points ⇔ 10000·elapsed·budget − 10000·executed·days > m·days·budget.
 */
function lags(executed: bigint, budget: bigint, elapsed: bigint, days: bigint, margin: bigint): boolean {
  return 10000n * elapsed * budget - 10000n * executed * days > margin * days * budget;
}

function executionLag(monitoring: Monitoring, spending: readonly Spending[], template: Template): Finding[] {
  const time = timeProgress(monitoring);
  const margin = template.documents?.monitoring?.executionLagPoints ?? DEFAULT_EXECUTION_LAG_POINTS;
  if (!time) return [];
  const out: Finding[] = [];
  for (const line of spending) {
    const budget = fenOf(line.budget);
    const executed = fenOf(line.executedToDate);
    if (budget === null || executed === null || budget <= 0) continue;
    if (!lags(BigInt(executed), BigInt(budget), BigInt(time.elapsed), BigInt(time.days), BigInt(hundredthsOfNumber(margin)!))) continue;
    out.push(finding('MONITOR_EXECUTION_LAG', `${line.at}.executedToDate`, {
      asOf: monitoring.asOf,
      rate: hundredthsText(mulDivRound(executed, 10000, budget)),
      time: hundredthsText(mulDivRound(time.elapsed, 10000, time.days)),
      margin,
      executed: line.executedToDate!,
      budget: line.budget!,
    }));
  }
  return out;
}

function expectedOverspend(spending: readonly Spending[]): Finding[] {
  return spending.flatMap((line) => {
    const budget = fenOf(line.budget);
    const expected = fenOf(line.expectedYearEnd);
    if (budget === null || expected === null || expected <= budget) return [];
    return [finding('MONITOR_EXPECTED_OVERSPEND', `${line.at}.expectedYearEnd`, { expected: line.expectedYearEnd!, budget: line.budget! })];
  });
}

function indicatorChecks(monitoring: Monitoring): Finding[] {
  const out: Finding[] = [];
  monitoring.indicators.forEach((indicator, i) => {
    const reached = reachesTarget(indicator.target, indicator.expectedYearEnd);
    if (reached === null) return;
    const params = { name: indicator.name, target: indicator.target, expected: indicator.expectedYearEnd };
    if (!reached && indicator.deviationCauses.length === 0) out.push(finding('MONITOR_OFF_TRACK', `indicators[${i}].deviationCauses`, params));
    const contradicts = reached ? indicator.likelihood === 'impossible' : indicator.likelihood === 'certain';
    if (contradicts) {
      out.push(finding('MONITOR_LIKELIHOOD', `indicators[${i}].likelihood`, { ...params, likelihood: indicator.likelihood }, { variant: indicator.likelihood }));
    }
  });
  return out;
}
