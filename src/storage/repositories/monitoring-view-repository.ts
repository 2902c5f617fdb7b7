/**
 * The dashboard's monitoring view (issue 16): a year's stored monitoring summed in SQL by
 * department and by unit over the summary's columns (monitoring-columns.ts), and the projects off
 * track or behind the time progress one page at a time. Whatever the size of the year, the answer
 * is one row per department (or per unit of one department) and one page of projects. A unit's
 * department is the top of its path in the unit tree (`/deptId/…`): a unit directly under the
 * bureau is its own department. The sums come back as the core's MonitoringSums, which turns them
 * into figures (core/year/monitoring-overview.ts: the reference the SQL is tested against).
 */
import { sql, type Expression, type ExpressionBuilder, type RawBuilder, type SelectQueryBuilder, type SqlBool } from 'kysely';
import { safeInteger } from '../../core/numbers/hundredths.ts';
import type { CycleScope } from '../../core/workflow/cycle-workflow.ts';
import type { MonitoringSums } from '../../core/year/monitoring-overview.ts';
import { isPostgres } from '../dialect.ts';
import { startingWith } from '../like.ts';
import { monitoringSummaryOf, MONITORING_COLUMNS } from '../monitoring-columns.ts';
import type { Db } from '../open-database.ts';
import type { Page } from '../paging.ts';
import type { Tables } from '../tables.ts';
import { visibleCycle } from './cycle-repository.ts';
import type { Unit } from './unit-repository.ts';

type Visible = Exclude<CycleScope, { nothing: true }>;

export interface MonitoringViewFilter {
  year: number;
  /** Only the units of this department (its subtree). */
  departmentId?: string | undefined;
  unitId?: string | undefined;
}

/** Which projects the list holds: off track or behind (the default), or one of the two, or those expected to overspend. */
export const MONITORING_LISTS = ['attention', 'offTrack', 'behind', 'overspend'] as const;
export type MonitoringList = (typeof MONITORING_LISTS)[number];

export interface MonitoringGroup {
  /** The department or the unit. */
  key: Unit;
  /** Units with monitoring in the group (1 for a unit). */
  units: number;
  sums: MonitoringSums;
}

export type MonitoringProject = ReturnType<typeof monitoringSummaryOf> & {
  id: string;
  unit: Unit;
  year: number;
  projectCode: string;
  project: string;
  template: string;
  status: string;
};

/** The first id of a unit's path `/deptId/…/`: its department. */
function departmentOf(db: Db): RawBuilder<string> {
  return isPostgres(db)
    ? sql<string>`split_part(${sql.ref('units.path')}, '/', 2)`
    : sql<string>`substr(${sql.ref('units.path')}, 2, instr(substr(${sql.ref('units.path')}, 2), '/') - 1)`;
}

const count = (condition: RawBuilder<unknown>) => sql<number | string>`sum(case when ${condition} then 1 else 0 end)`;
const sumOf = (column: string) => sql<number | string | null>`sum(${sql.ref(column)})`;

/** The sums of a group, as MonitoringSums counts them (monitoring-overview.ts, addRow). */
function sumColumns() {
  const c = (column: string) => sql.ref(`cycle_documents.${column}`);
  const stated = sql`${c('execution_rate_h')} is not null`;
  return [
    sql<number | string>`count(*)`.as('projects'),
    count(sql`${c('indicators_off_track')} > 0`).as('off_track'),
    count(sql`${c('indicators_off_track_without_cause')} > 0`).as('off_track_without_cause'),
    count(sql`${c('indicators_impossible')} > 0`).as('impossible'),
    count(sql`${c('spending_behind')} = 1`).as('behind'),
    count(sql`${c('overspend_expected')} = 1`).as('overspend'),
    sumOf('cycle_documents.expected_overspend_fen').as('overspend_fen'),
    count(stated).as('with_spending'),
    sql<number | string | null>`sum(case when ${stated} then ${c('budget_fen')} end)`.as('budget_fen'),
    sql<number | string | null>`sum(case when ${stated} then ${c('executed_fen')} end)`.as('executed_fen'),
  ] as const;
}

const SUM_NAMES = ['projects', 'off_track', 'off_track_without_cause', 'impossible', 'behind', 'overspend', 'overspend_fen', 'with_spending', 'budget_fen', 'executed_fen'] as const;

type SumRow = Record<'projects' | 'off_track' | 'off_track_without_cause' | 'impossible' | 'behind' | 'overspend' | 'with_spending', number | string> &
  Record<'overspend_fen' | 'budget_fen' | 'executed_fen', number | string | null>;

/** Exact while the sums stay safe integers (PostgreSQL gives sum(bigint) as text); beyond, it throws as the core does. */
const whole = (v: number | string | null): number => (v === null ? 0 : safeInteger(Number(v)));

function sumsOf(r: SumRow): MonitoringSums {
  return {
    projects: whole(r.projects), offTrack: whole(r.off_track), offTrackWithoutCause: whole(r.off_track_without_cause), impossible: whole(r.impossible),
    behindTimeProgress: whole(r.behind), overspendExpected: whole(r.overspend), overspendFen: whole(r.overspend_fen),
    withSpending: whole(r.with_spending), budgetFen: whole(r.budget_fen), executedFen: whole(r.executed_fen),
  };
}

export class MonitoringViewRepository {
  constructor(private readonly db: Db) {}

  /** The years the actor has monitoring of, newest first. */
  async years(scope: CycleScope): Promise<number[]> {
    if (scope.nothing) return [];
    const rows = await this.db.selectFrom('cycle_documents').select('cycle_documents.year').distinct().where((eb) => visibleCycle(eb, 'monitoring', scope, {})).orderBy('cycle_documents.year', 'desc').execute();
    return rows.map((r) => Number(r.year));
  }

  /**
   * The year's sums per department, ordered by the department's name then id: grouped by unit
   * first (from the view's index alone), then the units' groups joined to their paths and summed
   * by department — a province's 40,000 rows meet the units table 2,000 times, not 40,000.
   */
  async byDepartment(scope: CycleScope, filter: MonitoringViewFilter): Promise<MonitoringGroup[]> {
    if (scope.nothing) return [];
    const department = departmentOf(this.db);
    const byUnit = this.db
      .selectFrom('cycle_documents')
      .select(['cycle_documents.unit_id', ...sumColumns()])
      .where((eb) => this.condition(eb as never, scope, filter))
      .groupBy('cycle_documents.unit_id')
      .as('u');
    const total = (column: string) => sql<number | string | null>`sum(${sql.ref(`u.${column}`)})`.as(column);
    const rows = (await this.db
      .selectFrom(byUnit)
      .innerJoin('units', 'units.id', 'u.unit_id')
      .select([department.as('department_id'), sql<number | string>`count(*)`.as('units'), ...SUM_NAMES.map(total)])
      .groupBy(department)
      .execute()) as unknown as Array<SumRow & { department_id: string; units: number | string }>;
    return this.named(rows.map((r) => ({ id: r.department_id, units: whole(r.units), sums: sumsOf(r) })));
  }

  /** The year's sums per unit (of one department when the filter says so), ordered by the unit's name then id. */
  async byUnit(scope: CycleScope, filter: MonitoringViewFilter): Promise<MonitoringGroup[]> {
    if (scope.nothing) return [];
    const rows = await this.db
      .selectFrom('cycle_documents')
      .select(['cycle_documents.unit_id', ...sumColumns()])
      .where((eb) => this.condition(eb as never, scope, filter))
      .groupBy('cycle_documents.unit_id')
      .execute();
    return this.named(rows.map((r) => ({ id: r.unit_id, units: 1, sums: sumsOf(r as SumRow) })));
  }

  /**
   * One page of the projects on a list: the most indicators off track first, then the furthest
   * behind the time progress (those without a rate last), then by project and id (pages never overlap).
   */
  async projects(scope: CycleScope, filter: MonitoringViewFilter, list: MonitoringList, page: Page): Promise<MonitoringProject[]> {
    if (scope.nothing) return [];
    const ordered = <Q extends SelectQueryBuilder<any, any, any>>(q: Q): Q =>
      q
        .orderBy(sql.ref('cycle_documents.indicators_off_track'), 'desc')
        .orderBy(sql`${sql.ref('cycle_documents.points_behind_h')} is null`)
        .orderBy(sql.ref('cycle_documents.points_behind_h'), 'desc')
        .orderBy(sql.ref('cycle_documents.project'))
        .orderBy(sql.ref('cycle_documents.id')) as Q;
    // The page's ids are chosen from the view's index alone (on SQLite the summary's columns stand
    // after the document in the row: reading them from every row walked its overflow pages), then
    // only the page's rows are read whole.
    const chosen = ordered(
      this.db.selectFrom('cycle_documents').select('cycle_documents.id as page_id').where((eb) => eb.and([this.condition(eb as never, scope, filter), listCondition(eb as never, list)])),
    )
      .limit(page.limit)
      .offset(page.offset)
      .as('page');
    const rows = await ordered(
      this.db
        .selectFrom('cycle_documents')
        .innerJoin(chosen, 'page.page_id', 'cycle_documents.id')
        .innerJoin('units', 'units.id', 'cycle_documents.unit_id')
        .select([
          'cycle_documents.id', 'cycle_documents.unit_id', 'units.name as unit_name', 'cycle_documents.year', 'cycle_documents.project_code',
          'cycle_documents.project', 'cycle_documents.template', 'cycle_documents.status',
          ...MONITORING_COLUMNS.map((c) => `cycle_documents.${c}` as const),
        ]),
    ).execute();
    return rows.map((r) => ({
      id: r.id, unit: { id: r.unit_id, name: r.unit_name }, year: Number(r.year), projectCode: r.project_code, project: r.project, template: r.template, status: r.status,
      ...monitoringSummaryOf(r),
    }));
  }

  async countProjects(scope: CycleScope, filter: MonitoringViewFilter, list: MonitoringList): Promise<number> {
    if (scope.nothing) return 0;
    const row = await this.db
      .selectFrom('cycle_documents')
      .select(sql<number | string>`count(*)`.as('n'))
      .where((eb) => eb.and([this.condition(eb as never, scope, filter), listCondition(eb as never, list)]))
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  private condition(eb: ExpressionBuilder<Tables, 'cycle_documents'>, scope: Visible, filter: MonitoringViewFilter): Expression<SqlBool> {
    const conditions: Array<Expression<SqlBool>> = [visibleCycle(eb as never, 'monitoring', scope, { year: filter.year, unitId: filter.unitId })];
    if (filter.departmentId !== undefined) {
      const below = eb.selectFrom('units as department').select('department.id').where(startingWith('department.path', `/${filter.departmentId}/`));
      conditions.push(eb('cycle_documents.unit_id', 'in', below));
    }
    return eb.and(conditions);
  }

  /** The groups with their units' names, by name then id. */
  private async named(groups: Array<{ id: string; units: number; sums: MonitoringSums }>): Promise<MonitoringGroup[]> {
    const names = new Map<string, string>();
    for (let i = 0; i < groups.length; i += 1000) {
      const ids = groups.slice(i, i + 1000).map((g) => g.id);
      for (const u of await this.db.selectFrom('units').select(['id', 'name']).where('id', 'in', ids).execute()) names.set(u.id, u.name);
    }
    return groups
      .map((g) => ({ key: { id: g.id, name: names.get(g.id) ?? g.id }, units: g.units, sums: g.sums }))
      .sort((a, b) => (a.key.name < b.key.name ? -1 : a.key.name > b.key.name ? 1 : a.key.id < b.key.id ? -1 : a.key.id > b.key.id ? 1 : 0));
  }
}

function listCondition(eb: ExpressionBuilder<Tables, 'cycle_documents'>, list: MonitoringList): Expression<SqlBool> {
  switch (list) {
    case 'attention':
      return eb.or([eb('cycle_documents.indicators_off_track', '>', 0), eb('cycle_documents.spending_behind', '=', 1)]);
    case 'offTrack':
      return eb('cycle_documents.indicators_off_track', '>', 0);
    case 'behind':
      return eb('cycle_documents.spending_behind', '=', 1);
    case 'overspend':
      return eb('cycle_documents.overspend_expected', '=', 1);
  }
}
