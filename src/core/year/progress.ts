/**
 * A year's progress, as the bureau follows it: per department (主管部门: a unit directly under the
 * bureau) and per unit, how many forms are not started (made and never saved since), draft,
 * submitted, forwarded by the department, returned, approved and published — and, once the year's
 * deadline (填报截止日期) has passed, how many are overdue: still with the unit (not started, draft
 * or returned). Pure: the counts come grouped from storage.
 */
import { STATUSES, type Status } from '../workflow/workflow.ts';

export const PROGRESS_COLUMNS = ['notStarted', ...STATUSES, 'total', 'overdue'] as const;
export type ProgressColumn = (typeof PROGRESS_COLUMNS)[number];
export type ProgressCounts = Record<ProgressColumn, number>;

export interface ProgressUnit {
  id: string;
  code: string;
  name: string;
  path: string;
}

export interface StatusCount {
  unitId: string;
  status: Status;
  untouched: boolean;
  count: number;
}

export interface UnitProgress {
  unit: ProgressUnit;
  counts: ProgressCounts;
}

export interface DepartmentProgress extends UnitProgress {
  units: UnitProgress[];
}

export interface Progress {
  year: number;
  deadline: string | null;
  /** The deadline has passed (on `today`): forms still with their unit are overdue. */
  pastDeadline: boolean;
  totals: ProgressCounts;
  departments: DepartmentProgress[];
}

const emptyCounts = (): ProgressCounts => Object.fromEntries(PROGRESS_COLUMNS.map((c) => [c, 0])) as ProgressCounts;

/** Still with the unit: what is overdue after the deadline. */
const WITH_UNIT: ReadonlySet<ProgressColumn> = new Set(['notStarted', 'draft', 'returned']);

function add(into: ProgressCounts, column: ProgressColumn, n: number, pastDeadline: boolean): void {
  into[column] += n;
  into.total += n;
  if (pastDeadline && WITH_UNIT.has(column)) into.overdue += n;
}

function addAll(into: ProgressCounts, from: ProgressCounts): void {
  for (const column of PROGRESS_COLUMNS) into[column] += from[column];
}

const byCode = (a: UnitProgress, b: UnitProgress) => (a.unit.code < b.unit.code ? -1 : a.unit.code > b.unit.code ? 1 : 0);

/** `units` must hold every unit of the counts and their departments (the first id of each path). */
export function yearProgress(year: number, deadline: string | null, today: string, units: ReadonlyMap<string, ProgressUnit>, counts: readonly StatusCount[]): Progress {
  const pastDeadline = deadline !== null && today > deadline;
  const perUnit = new Map<string, UnitProgress>();
  for (const c of counts) {
    const unit = units.get(c.unitId);
    if (!unit) continue;
    let entry = perUnit.get(unit.id);
    if (!entry) perUnit.set(unit.id, (entry = { unit, counts: emptyCounts() }));
    add(entry.counts, c.status === 'draft' && c.untouched ? 'notStarted' : c.status, c.count, pastDeadline);
  }
  const departments = new Map<string, DepartmentProgress>();
  const totals = emptyCounts();
  for (const entry of perUnit.values()) {
    const departmentId = entry.unit.path.split('/')[1] ?? entry.unit.id;
    const department = units.get(departmentId) ?? entry.unit;
    let group = departments.get(department.id);
    if (!group) departments.set(department.id, (group = { unit: department, counts: emptyCounts(), units: [] }));
    group.units.push(entry);
    addAll(group.counts, entry.counts);
    addAll(totals, entry.counts);
  }
  const sorted = [...departments.values()].sort(byCode);
  for (const d of sorted) d.units.sort(byCode);
  return { year, deadline, pastDeadline, totals, departments: sorted };
}

/** The date in China (the bureaus' time zone) as an ISO day: a deadline ends at the end of its day there. */
export function chinaDate(now: Date): string {
  return new Date(now.getTime() + 8 * 60 * 60 * 1000).toISOString().slice(0, 10);
}
