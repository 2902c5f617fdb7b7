/**
 * MONITOR_EXECUTION_LAG, MONITOR_EXPECTED_OVERSPEND, MONITOR_OFF_TRACK, MONITOR_LIKELIHOOD: a
 * monitoring document on its own (PRODUCT.md, "The cycle").
 *
 * Spending is judged per funding row, or on the project's own figures where there are no rows.
 * Whether an expected year-end value reaches its target is the target's comparison
 * (scoring/reach-target.ts); where the two cannot be compared (a free-text target) nothing is said.
 */
import type { Monitoring, MonitoringIndicator } from '../model/monitoring.ts';
import { fenOf, hundredthsOfNumber, hundredthsText, mulDivRound } from '../numbers/hundredths.ts';
import { reachesTarget, type Reach } from '../scoring/reach-target.ts';
import { DEFAULT_EXECUTION_LAG_POINTS, type Template } from '../templates/template.ts';
import { calendarDate, daysElapsed, daysInYear } from '../year/calendar.ts';
import { finding, type Finding } from './finding.ts';

/** One line of spending: a funding row, or the project. */
export interface Spending {
  /** `funding[2]` or `project`. */
  at: string;
  budget: string | undefined;
  executedToDate: string | undefined;
  expectedYearEnd: string | undefined;
}

/** The lines spending is judged on: every funding row, or the project's own figures where there are none. */
export function spendingLines(monitoring: Monitoring): Spending[] {
  const rows = monitoring.funding ?? [];
  if (rows.length > 0) return rows.map((row, i) => ({ at: `funding[${i}]`, ...row }));
  const { budgetCurrentYear, executedToDate, expectedYearEnd } = monitoring.project;
  return [{ at: 'project', budget: budgetCurrentYear, executedToDate, expectedYearEnd }];
}

export function checkMonitoring(monitoring: Monitoring, template: Template): Finding[] {
  const spending = spendingLines(monitoring);
  return [...executionLag(monitoring, spending, template), ...expectedOverspend(spending), ...indicatorChecks(monitoring)];
}

/** The time progress at the as-of date: days of the year elapsed (the date itself counts) and the days of the year. */
export function timeProgress(monitoring: Pick<Monitoring, 'year' | 'asOf'>): { elapsed: number; days: number } | null {
  const date = calendarDate(monitoring.asOf);
  return date ? { elapsed: daysElapsed(monitoring.year, date), days: daysInYear(monitoring.year) } : null;
}

/** The points spending may be behind the time progress: the template's, else PRODUCT.md's 10. */
export function executionLagMargin(template: Template): number {
  return template.documents?.monitoring?.executionLagPoints ?? DEFAULT_EXECUTION_LAG_POINTS;
}

/**
 * Executed ÷ budget more than `margin` points behind elapsed ÷ days, exactly: with margin m in
 * hundredths of a point, time − rate > m/100 points ⇔ 10000·elapsed·budget − 10000·executed·days > m·days·budget.
 * Amounts in fen; no budget (or none above zero), nothing to judge.
 */
export function spendingLags(executedFen: number, budgetFen: number, time: { elapsed: number; days: number }, marginPoints: number): boolean {
  if (budgetFen <= 0) return false;
  const [executed, budget, elapsed, days] = [BigInt(executedFen), BigInt(budgetFen), BigInt(time.elapsed), BigInt(time.days)];
  return 10000n * elapsed * budget - 10000n * executed * days > BigInt(hundredthsOfNumber(marginPoints)!) * days * budget;
}

/** Expected year-end execution above the budget (both in fen). */
export function overspends(expectedFen: number, budgetFen: number): boolean {
  return expectedFen > budgetFen;
}

function executionLag(monitoring: Monitoring, spending: readonly Spending[], template: Template): Finding[] {
  const time = timeProgress(monitoring);
  const margin = executionLagMargin(template);
  if (!time) return [];
  const out: Finding[] = [];
  for (const line of spending) {
    const budget = fenOf(line.budget);
    const executed = fenOf(line.executedToDate);
    if (budget === null || executed === null || !spendingLags(executed, budget, time, margin)) continue;
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
    if (budget === null || expected === null || !overspends(expected, budget)) return [];
    return [finding('MONITOR_EXPECTED_OVERSPEND', `${line.at}.expectedYearEnd`, { expected: line.expectedYearEnd!, budget: line.budget! })];
  });
}

/** What monitoring says of one indicator; nothing (null, false, false) where the target cannot be compared. */
export interface IndicatorJudgement {
  /** The expected year-end value reaches the target (reach-target.ts). */
  reached: Reach;
  /** Not reached and no deviation cause given: MONITOR_OFF_TRACK. */
  offTrackWithoutCause: boolean;
  /** `certain` while not reached, or `impossible` while reached: MONITOR_LIKELIHOOD. */
  likelihoodContradicts: boolean;
}

export function judgeIndicator(indicator: MonitoringIndicator): IndicatorJudgement {
  const reached = reachesTarget(indicator.target, indicator.expectedYearEnd);
  if (reached === null) return { reached, offTrackWithoutCause: false, likelihoodContradicts: false };
  return {
    reached,
    offTrackWithoutCause: !reached && indicator.deviationCauses.length === 0,
    likelihoodContradicts: reached ? indicator.likelihood === 'impossible' : indicator.likelihood === 'certain',
  };
}

function indicatorChecks(monitoring: Monitoring): Finding[] {
  const out: Finding[] = [];
  monitoring.indicators.forEach((indicator, i) => {
    const { reached, offTrackWithoutCause, likelihoodContradicts } = judgeIndicator(indicator);
    if (reached === null) return;
    const params = { name: indicator.name, target: indicator.target, expected: indicator.expectedYearEnd };
    if (offTrackWithoutCause) out.push(finding('MONITOR_OFF_TRACK', `indicators[${i}].deviationCauses`, params));
    if (likelihoodContradicts) {
      out.push(finding('MONITOR_LIKELIHOOD', `indicators[${i}].likelihood`, { ...params, likelihood: indicator.likelihood }, { variant: indicator.likelihood }));
    }
  });
  return out;
}
