/** The zod schemas of the dashboard (docs/api.md, "Dashboard"): the year's overview and its paged table. */
import { z } from '@hono/zod-openapi';
import { compareExact, exactOf } from '../core/numbers/exact-decimal.ts';
import { TABLE_SORTS } from '../storage/repositories/dashboard-repository.ts';
import { MONITORING_LISTS } from '../storage/repositories/monitoring-view-repository.ts';
import { FiscalYear, PageQuery, Status, Summary, Unit } from './api-schemas.ts';

const year = FiscalYear.optional();
const money = z.string().openapi({ description: 'a decimal string in 元, exact' });

export const DashboardQuery = z.object({ year });

/** The table's filter and order, shared by the page and the CSV/XLSX files. */
const tableQuery = {
  year,
  status: Status.optional(),
  unit: z.string().min(1).max(100).optional().openapi({ description: 'a unit id' }),
  project: z.string().min(1).max(200).optional().openapi({ description: 'part of the project name' }),
  sort: z.enum(TABLE_SORTS).default('score'),
  order: z.enum(['asc', 'desc']).default('desc'),
  ...cellQuery(),
};

/**
 * A cell of the scatter (or any band): exact decimal bounds, `from` inclusive, `to` exclusive, on the
 * rate and score clamped to 0–100 as the scatter clamps them (a rate above 100 % is in the last cell,
 * e.g. rateFrom=100&rateTo=102). Plain decimals with at most two places, never read as floats.
 */
function cellQuery() {
  const bound = (what: string) =>
    z.string().regex(/^\d{1,4}(?:\.\d{1,2})?$/u, 'a decimal from 0 to 9999.99, at most two places').optional().openapi({ description: what, example: '40' });
  return {
    rateFrom: bound('lowest execution rate, percent, inclusive'),
    rateTo: bound('execution rate below this, percent (above 100: no upper bound)'),
    scoreFrom: bound('lowest score, inclusive'),
    scoreTo: bound('score below this (above 100: no upper bound)'),
  };
}

/** `from` below `to` on each axis: an empty band is a mistake, said as such (400 naming the bound). */
function boundsInOrder(q: { rateFrom?: string | undefined; rateTo?: string | undefined; scoreFrom?: string | undefined; scoreTo?: string | undefined }, ctx: z.RefinementCtx): void {
  const below = (a: string, b: string) => compareExact(exactOf(a)!, exactOf(b)!) < 0;
  if (q.rateFrom !== undefined && q.rateTo !== undefined && !below(q.rateFrom, q.rateTo)) ctx.addIssue({ code: 'custom', path: ['rateTo'], message: 'rateTo must be above rateFrom' });
  if (q.scoreFrom !== undefined && q.scoreTo !== undefined && !below(q.scoreFrom, q.scoreTo)) ctx.addIssue({ code: 'custom', path: ['scoreTo'], message: 'scoreTo must be above scoreFrom' });
}

export const DashboardTableQuery = z.object({ ...tableQuery, ...PageQuery }).superRefine(boundsInOrder);

export const DashboardExportQuery = z.object({ ...tableQuery, lang: z.enum(['zh', 'en']).optional() }).superRefine(boundsInOrder);

/** The years the user has forms of, newest first (the year choices of the dashboard). */
export const DashboardYears = z
  .object({ years: z.array(z.object({ year: z.number().int(), count: z.number().int().openapi({ description: 'forms of the year the user may see' }) })) })
  .openapi('DashboardYears');

export const Dashboard = z
  .object({
    year: z.number().int().nullable(),
    total: z.number().int().openapi({ description: 'forms of the year the user may see' }),
    byStatus: z.record(Status, z.number().int()),
    byGrade: z.array(z.object({ grade: z.string(), count: z.number().int() })),
    totals: z.object({ budget: money, executed: money }),
    scatter: z.object({
      bin: z.number().int().openapi({ description: 'cell width on both axes (percent of execution, points of score)' }),
      cells: z.array(
        z.object({
          rate: z.number().openapi({ description: "the cell's lowest execution rate, percent (0–100; above 100 % falls in the last cell)" }),
          score: z.number().openapi({ description: "the cell's lowest score" }),
          count: z.number().int(),
          highScoreLowExecution: z.number().int().openapi({ description: 'forms of the cell whose score exceeds the rate by more than 5 points' }),
        }),
      ),
    }),
    unitCount: z.number().int().openapi({ description: 'units with forms in the year' }),
    budgetByUnit: z.array(z.object({ unit: Unit, budget: money, executed: money })).openapi({ description: 'the 20 units with the largest budgets, largest first' }),
  })
  .openapi('Dashboard');

export const DashboardTable = z
  .object({
    year: z.number().int().nullable(),
    total: z.number().int().openapi({ description: 'rows under the filter, all pages' }),
    limit: z.number().int(),
    offset: z.number().int(),
    items: z.array(Summary),
  })
  .openapi('DashboardTable');

// The monitoring view (issue 16): a year's mid-year monitoring by department and unit, and the projects off track or behind.

const rate = z.string().nullable().openapi({ description: 'percent, a decimal string with 2 places, exact; null where not stated' });

export const MonitoringQuery = z.object({
  year,
  department: z.string().min(1).max(100).optional().openapi({ description: "a department's unit id: its units are listed too" }),
});

export const MonitoringProjectsQuery = z.object({
  year,
  department: z.string().min(1).max(100).optional().openapi({ description: "a department's unit id: only its units' projects" }),
  unit: z.string().min(1).max(100).optional().openapi({ description: 'a unit id' }),
  list: z.enum(MONITORING_LISTS).default('attention').openapi({ description: 'attention: off track or behind the time progress; offTrack; behind; overspend' }),
  ...PageQuery,
});

export const MonitoringFigures = z
  .object({
    projects: z.number().int().openapi({ description: 'projects monitored' }),
    offTrack: z.number().int().openapi({ description: 'projects with an indicator whose expected year-end value misses its target' }),
    offTrackWithoutCause: z.number().int().openapi({ description: '… with no deviation cause given (MONITOR_OFF_TRACK)' }),
    impossible: z.number().int().openapi({ description: 'projects with an indicator judged 完全不可能' }),
    behindTimeProgress: z.number().int().openapi({ description: 'projects whose spending is behind the time progress (MONITOR_EXECUTION_LAG)' }),
    overspendExpected: z.number().int().openapi({ description: 'projects expected to overspend (MONITOR_EXPECTED_OVERSPEND)' }),
    expectedOverspend: money,
    withSpending: z.number().int().openapi({ description: 'projects whose execution rate is stated: the budget and executed sums are theirs' }),
    budget: money,
    executedToDate: money,
    executionRate: rate,
  })
  .openapi('MonitoringFigures');

const MonitoringGroup = Unit.extend({ units: z.number().int().openapi({ description: 'units with monitoring in the group' }), figures: MonitoringFigures });

export const MonitoringView = z
  .object({
    year: z.number().int().nullable().openapi({ description: 'the year shown: the one asked, else the latest the user has monitoring of' }),
    years: z.array(z.number().int()).openapi({ description: 'the years the user has monitoring of, newest first' }),
    totals: MonitoringFigures,
    departments: z.array(MonitoringGroup).openapi({ description: 'by department (the top of the unit tree), by name' }),
    department: Unit.nullable().openapi({ description: 'the department asked for, when it has monitoring the user sees' }),
    units: z.array(MonitoringGroup).openapi({ description: "the department's units, by name (empty without `department`)" }),
  })
  .openapi('MonitoringView');

export const MonitoringProject = z
  .object({
    id: z.string().openapi({ description: 'the monitoring document (/api/monitoring/{id})' }),
    unit: Unit,
    year: z.number().int(),
    projectCode: z.string(),
    project: z.string(),
    template: z.string(),
    status: z.string(),
    asOf: z.string().nullable(),
    budget: money.nullable(),
    executedToDate: money.nullable(),
    expectedYearEnd: money.nullable(),
    executionRate: rate,
    timeProgress: rate,
    pointsBehind: z.string().nullable().openapi({ description: 'time progress − execution rate, points (negative: ahead)' }),
    spendingBehind: z.boolean(),
    overspendExpected: z.boolean(),
    expectedOverspend: money.nullable(),
    indicators: z.number().int(),
    indicatorsOffTrack: z.number().int(),
    indicatorsOffTrackWithoutCause: z.number().int(),
    indicatorsImpossible: z.number().int(),
    indicatorsNotComparable: z.number().int(),
  })
  .openapi('MonitoringProject');

export const MonitoringProjects = z
  .object({
    year: z.number().int().nullable(),
    list: z.enum(MONITORING_LISTS),
    total: z.number().int(),
    limit: z.number().int(),
    offset: z.number().int(),
    items: z.array(MonitoringProject),
  })
  .openapi('MonitoringProjects');
