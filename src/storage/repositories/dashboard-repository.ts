/**
 * The dashboard's queries. Whatever the size of a year (a province: 50,000 forms), the aggregates
 * and the chart data come back small — grouped in SQL — and the table one page at a time, sorted
 * and filtered in SQL, with its total count. Money is summed over whole fen (exact on both
 * databases); the scatter is a grid of cells counted in SQL rather than one point per form.
 */
import { sql, type Expression, type ExpressionBuilder, type SelectQueryBuilder, type SqlBool } from 'kysely';
import type { Scope, Status } from '../../core/workflow/workflow.ts';
import { decimalText, fenToYuan, pointsNumber } from '../columns.ts';
import type { Db } from '../open-database.ts';
import type { Tables } from '../tables.ts';
import type { Unit } from './unit-repository.ts';

export interface DashboardFilter {
  year: number | undefined;
  status?: Status | undefined;
  unitId?: string | undefined;
  /** Part of the project's name. */
  project?: string | undefined;
}

/** The table's sort keys (the columns the UI sorts on) and what they sort by. */
export const TABLE_SORTS = ['project', 'unit', 'status', 'budget', 'executionRate', 'score', 'grade', 'updatedAt'] as const;
export type TableSort = (typeof TABLE_SORTS)[number];
const SORT_COLUMN = {
  project: 'evaluations.project',
  unit: 'units.name',
  status: 'evaluations.status',
  budget: 'evaluations.budget_fen',
  executionRate: 'evaluations.execution_rate',
  score: 'evaluations.score',
  grade: 'evaluations.grade',
  updatedAt: 'evaluations.updated_at',
} as const satisfies Record<TableSort, string>;
const NULLABLE = new Set<TableSort>(['budget', 'executionRate']);

export interface TableOrder {
  sort: TableSort;
  order: 'asc' | 'desc';
}

/** A row of the table: the summary of a form (docs/api.md, `Summary`). */
export interface TableRow {
  id: string;
  year: number;
  unit: Unit;
  project: string;
  template: string;
  status: Status;
  version: number;
  score: number;
  grade: string;
  executionRate: string | null;
  budget: string | null;
  updatedAt: string;
}

export interface StatusGradeCount {
  status: Status;
  grade: string;
  count: number;
}

export interface ScatterCell {
  /** The cell's lower bounds, in percent and points (a cell is `bin` wide on each axis). */
  rate: number;
  score: number;
  count: number;
  /** Forms of the cell whose score exceeds the execution rate by more than 5 points. */
  highScoreLowExecution: number;
}

export interface UnitBudget {
  unit: Unit;
  budget: string;
  executed: string;
}

type Eb = ExpressionBuilder<Tables & { units: Tables['units'] }, 'evaluations'>;
type Visible = Exclude<Scope, { nothing: true }>;

/** LIKE's wildcards in the user's text taken literally (escaped with `\`). */
const likeContaining = (text: string) => `%${text.replace(/[\\%_]/gu, (c) => `\\${c}`)}%`;

/** What the actor may see and what the query asks for, as one condition; deleted forms are never counted. */
function visible(eb: Eb, scope: Visible, filter: DashboardFilter) {
  const conditions: Array<Expression<SqlBool>> = [eb('evaluations.deleted_at', 'is', null)];
  if (scope.unitId !== null) conditions.push(eb('evaluations.unit_id', '=', scope.unitId));
  if (scope.statuses !== null) conditions.push(eb('evaluations.status', 'in', [...scope.statuses]));
  if (filter.year !== undefined) conditions.push(eb('evaluations.year', '=', filter.year));
  if (filter.status !== undefined) conditions.push(eb('evaluations.status', '=', filter.status));
  if (filter.unitId !== undefined) conditions.push(eb('evaluations.unit_id', '=', filter.unitId));
  if (filter.project) conditions.push(sql<boolean>`${sql.ref('evaluations.project')} like ${likeContaining(filter.project)} escape '\\'`);
  return eb.and(conditions);
}

export class DashboardRepository {
  constructor(private readonly db: Db) {}

  /** The forms counted by status and grade together (one small GROUP BY), with their budget and spending in fen. */
  async countByStatusAndGrade(scope: Scope, filter: DashboardFilter): Promise<{ counts: StatusGradeCount[]; budget: string; executed: string }> {
    if (scope.nothing) return { counts: [], budget: '0.00', executed: '0.00' };
    const rows = await this.db
      .selectFrom('evaluations')
      .select((eb) => [
        'evaluations.status',
        'evaluations.grade',
        eb.fn.countAll<number | string>().as('count'),
        eb.fn.coalesce(eb.fn.sum<number | string>('evaluations.budget_fen'), eb.lit(0)).as('budget_fen'),
        eb.fn.coalesce(eb.fn.sum<number | string>('evaluations.executed_fen'), eb.lit(0)).as('executed_fen'),
      ])
      .where((eb) => visible(eb, scope, filter))
      .groupBy(['evaluations.status', 'evaluations.grade'])
      .execute();
    let budget = 0n;
    let executed = 0n;
    for (const r of rows) {
      budget += BigInt(r.budget_fen);
      executed += BigInt(r.executed_fen);
    }
    return {
      counts: rows.map((r) => ({ status: r.status, grade: r.grade, count: Number(r.count) })),
      budget: fenToYuan(budget.toString())!,
      executed: fenToYuan(executed.toString())!,
    };
  }

  /**
   * Execution rate against score as cells `bin` wide on both axes (clamped to 0–100: a rate above
   * 100 % falls in the last cell), each with its count. Forms without an execution rate are left out.
   */
  async scatter(scope: Scope, filter: DashboardFilter, bin: number): Promise<ScatterCell[]> {
    if (scope.nothing) return [];
    const rateCell = sql<number | string>`floor(${sql.ref('evaluations.execution_rate')} / ${sql.lit(bin)})`;
    const scoreCell = sql<number | string>`floor(${sql.ref('evaluations.score')} / ${sql.lit(bin)})`;
    const rows = await this.db
      .selectFrom('evaluations')
      .select((eb) => [
        rateCell.as('rate_cell'),
        scoreCell.as('score_cell'),
        eb.fn.countAll<number | string>().as('count'),
        eb.fn.sum<number | string>(sql`case when ${sql.ref('evaluations.score')} - ${sql.ref('evaluations.execution_rate')} > 5 then 1 else 0 end`).as('odd'),
      ])
      .where((eb) => eb.and([visible(eb, scope, filter), eb('evaluations.execution_rate', 'is not', null)]))
      .groupBy([rateCell, scoreCell])
      .execute();
    // Clamping after the GROUP BY: the few cells outside 0–100 merge into the edge cells here.
    const last = Math.floor(100 / bin) * bin;
    const clamp = (cell: number | string) => Math.min(last, Math.max(0, Number(cell) * bin));
    const cells = new Map<string, ScatterCell>();
    for (const r of rows) {
      const rate = clamp(r.rate_cell);
      const score = clamp(r.score_cell);
      const key = `${rate}/${score}`;
      const cell = cells.get(key) ?? { rate, score, count: 0, highScoreLowExecution: 0 };
      cell.count += Number(r.count);
      cell.highScoreLowExecution += Number(r.odd ?? 0);
      cells.set(key, cell);
    }
    return [...cells.values()].sort((a, b) => a.rate - b.rate || a.score - b.score);
  }

  /** The `limit` units with the largest budgets (then by name), and how many units have forms. */
  async budgetByUnit(scope: Scope, filter: DashboardFilter, limit: number): Promise<{ units: UnitBudget[]; unitCount: number }> {
    if (scope.nothing) return { units: [], unitCount: 0 };
    const budgetSum = sql<number | string>`coalesce(sum(${sql.ref('evaluations.budget_fen')}), 0)`;
    const rows = await this.db
      .selectFrom('evaluations')
      .innerJoin('units', 'units.id', 'evaluations.unit_id')
      .select((eb) => [
        'units.id',
        'units.name',
        budgetSum.as('budget_fen'),
        eb.fn.coalesce(eb.fn.sum<number | string>('evaluations.executed_fen'), eb.lit(0)).as('executed_fen'),
        // Counted over the grouped rows before LIMIT: every unit with a form.
        sql<number | string>`count(*) over ()`.as('unit_count'),
      ])
      .where((eb) => visible(eb, scope, filter))
      .groupBy(['units.id', 'units.name'])
      .orderBy(budgetSum, 'desc')
      .orderBy('units.name')
      .limit(limit)
      .execute();
    return {
      units: rows.map((r) => ({ unit: { id: r.id, name: r.name }, budget: fenToYuan(r.budget_fen)!, executed: fenToYuan(r.executed_fen)! })),
      unitCount: rows.length === 0 ? 0 : Number(rows[0]!.unit_count),
    };
  }

  /** How many forms the table has under the filter. */
  async count(scope: Scope, filter: DashboardFilter): Promise<number> {
    if (scope.nothing) return 0;
    const row = await this.db
      .selectFrom('evaluations')
      .select((eb) => eb.fn.countAll<number | string>().as('count'))
      .where((eb) => visible(eb, scope, filter))
      .executeTakeFirst();
    return Number(row?.count ?? 0);
  }

  /**
   * The table's rows in `order` (blank amounts and rates last either way, then by id so that pages
   * never overlap), one page of them when `page` is given.
   */
  async rows(scope: Scope, filter: DashboardFilter, order: TableOrder, page?: { limit: number; offset: number }): Promise<TableRow[]> {
    if (scope.nothing) return [];
    const column = SORT_COLUMN[order.sort];
    const ordered = <Q extends SelectQueryBuilder<any, any, any>>(q: Q): Q => {
      let out = q;
      if (NULLABLE.has(order.sort)) out = out.orderBy(sql`${sql.ref(column)} is null`) as Q;
      out = out.orderBy(sql.ref(column), order.order).orderBy('evaluations.id') as Q;
      return page ? (out.limit(page.limit).offset(page.offset) as Q) : out;
    };
    const rows = await ordered(
      this.db
        .selectFrom('evaluations')
        .innerJoin('units', 'units.id', 'evaluations.unit_id')
        .select([
          'evaluations.id', 'evaluations.unit_id', 'units.name as unit_name', 'evaluations.year', 'evaluations.project',
          'evaluations.template', 'evaluations.status', 'evaluations.version', 'evaluations.score', 'evaluations.grade',
          'evaluations.execution_rate', 'evaluations.budget_fen', 'evaluations.updated_at',
        ])
        .where((eb) => visible(eb, scope, filter)),
    ).execute();
    return rows.map((r) => ({
      id: r.id,
      year: Number(r.year),
      unit: { id: r.unit_id, name: r.unit_name },
      project: r.project,
      template: r.template,
      status: r.status,
      version: Number(r.version),
      score: pointsNumber(r.score),
      grade: r.grade,
      executionRate: decimalText(r.execution_rate),
      budget: fenToYuan(r.budget_fen),
      updatedAt: r.updated_at,
    }));
  }
}
