/**
 * The bureau's monitoring view of a year, by department and by unit (PRODUCT.md, "The cycle";
 * issue 16): how many projects are monitored, off track, behind the time progress and expected to
 * overspend, and the money. It adds up monitoring summaries (monitoring-summary.ts); storage does
 * the same sums in SQL on the summary's columns, and this is the small-data path and the
 * reference its results are tested against.
 *
 * Money adds up in fen (exact). The budget and executed sums, and the rate made of them, cover the
 * projects whose execution rate is stated (a budget above zero and the executed amount): a project
 * without figures would lower the rate without having spent less.
 */
import { fenOf, hundredthsText, mulDivRound, safeInteger } from '../numbers/hundredths.ts';
import { amountText } from '../numbers/read-number.ts';
import type { MonitoringSummary } from './monitoring-summary.ts';

/** A summary and where its project sits: the department (主管部门) and the unit, by any key storage uses (id or name). */
export interface MonitoringOverviewRow extends MonitoringSummary {
  department: string;
  unit: string;
}

export interface MonitoringFigures {
  projects: number;
  /** Projects with at least one indicator whose expected year-end value does not reach its target. */
  offTrack: number;
  /** Projects with an indicator off track and no deviation cause given. */
  offTrackWithoutCause: number;
  /** Projects with an indicator judged impossible to reach. */
  impossible: number;
  /** Projects whose spending is behind the time progress (MONITOR_EXECUTION_LAG). */
  behindTimeProgress: number;
  /** Projects expected to overspend (MONITOR_EXPECTED_OVERSPEND). */
  overspendExpected: number;
  /** Sum of the totals' expected overspend (元). */
  expectedOverspend: string;
  /** Projects whose execution rate is stated: the budget and executed sums are theirs. */
  withSpending: number;
  budget: string;
  executedToDate: string;
  /** executedToDate ÷ budget of these sums in percent; null where no project states its spending. */
  executionRate: string | null;
}

export interface UnitMonitoring {
  unit: string;
  figures: MonitoringFigures;
}

export interface DepartmentMonitoring {
  department: string;
  figures: MonitoringFigures;
  units: UnitMonitoring[];
}

export interface MonitoringOverview {
  totals: MonitoringFigures;
  /** By department key, each with its units by key (ordered as strings: the same for the same rows). */
  departments: DepartmentMonitoring[];
}

/** Figures being added up: money in fen until the end. */
interface Sums {
  projects: number;
  offTrack: number;
  offTrackWithoutCause: number;
  impossible: number;
  behindTimeProgress: number;
  overspendExpected: number;
  overspendFen: number;
  withSpending: number;
  budgetFen: number;
  executedFen: number;
}

const emptySums = (): Sums => ({
  projects: 0, offTrack: 0, offTrackWithoutCause: 0, impossible: 0, behindTimeProgress: 0, overspendExpected: 0,
  overspendFen: 0, withSpending: 0, budgetFen: 0, executedFen: 0,
});

/** A sum beyond the exact range of doubles throws rather than losing a fen. */
const plusFen = (sum: number, amount: string | null): number => safeInteger(sum + (fenOf(amount ?? undefined) ?? 0));

/** A row into its unit's sums: each row is read once; departments and totals add up their units. */
function addRow(into: Sums, row: MonitoringSummary): void {
  into.projects++;
  if (row.indicatorsOffTrack > 0) into.offTrack++;
  if (row.indicatorsOffTrackWithoutCause > 0) into.offTrackWithoutCause++;
  if (row.indicatorsImpossible > 0) into.impossible++;
  if (row.spendingBehind) into.behindTimeProgress++;
  if (row.overspendExpected) into.overspendExpected++;
  into.overspendFen = plusFen(into.overspendFen, row.expectedOverspend);
  if (row.executionRate !== null) {
    into.withSpending++;
    into.budgetFen = plusFen(into.budgetFen, row.budget);
    into.executedFen = plusFen(into.executedFen, row.executedToDate);
  }
}

const SUM_KEYS = Object.keys(emptySums()) as Array<keyof Sums>;

function addSums(into: Sums, part: Sums): void {
  for (const key of SUM_KEYS) into[key] = safeInteger(into[key] + part[key]);
}

function figuresOf(s: Sums): MonitoringFigures {
  return {
    projects: s.projects,
    offTrack: s.offTrack,
    offTrackWithoutCause: s.offTrackWithoutCause,
    impossible: s.impossible,
    behindTimeProgress: s.behindTimeProgress,
    overspendExpected: s.overspendExpected,
    expectedOverspend: amountText(s.overspendFen),
    withSpending: s.withSpending,
    budget: amountText(s.budgetFen),
    executedToDate: amountText(s.executedFen),
    executionRate: s.budgetFen > 0 ? hundredthsText(mulDivRound(s.executedFen, 10_000, s.budgetFen)) : null,
  };
}

const byKey = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function monitoringOverview(rows: Iterable<MonitoringOverviewRow>): MonitoringOverview {
  const departments = new Map<string, Map<string, Sums>>();
  for (const row of rows) {
    let units = departments.get(row.department);
    if (!units) departments.set(row.department, (units = new Map()));
    let unit = units.get(row.unit);
    if (!unit) units.set(row.unit, (unit = emptySums()));
    addRow(unit, row);
  }
  const totals = emptySums();
  const out: DepartmentMonitoring[] = [...departments.keys()].sort(byKey).map((key) => {
    const units = departments.get(key)!;
    const sums = emptySums();
    for (const unit of units.values()) addSums(sums, unit);
    addSums(totals, sums);
    return { department: key, figures: figuresOf(sums), units: [...units.keys()].sort(byKey).map((unit) => ({ unit, figures: figuresOf(units.get(unit)!) })) };
  });
  return { totals: figuresOf(totals), departments: out };
}
