/**
 * The dashboard's queries. Whatever the size of a year (a province: 50,000 forms), the aggregates
 * and the chart data come back small — grouped in SQL — and the table one page at a time, sorted
 * and filtered in SQL, with its total count. Money is summed over whole fen (exact on both
 * databases); the scatter is a grid of cells counted in SQL rather than one point per form.
 */
import { sql, type Expression, type ExpressionBuilder, type SelectQueryBuilder, type SqlBool } from 'kysely';
import { compareExact, exactInteger, exactOf } from '../../core/numbers/exact-decimal.ts';
import type { Scope, Status } from '../../core/workflow/workflow.ts';
import { fenToYuan } from '../columns.ts';
import { isPostgres } from '../dialect.ts';
import { visibleEvaluations, type EvaluationFilter } from '../visibility.ts';
import type { Db } from '../open-database.ts';
import type { Tables } from '../tables.ts';
import type { Unit } from './unit-repository.ts';
import { toSummary, type EvaluationSummary, type SummaryRow } from './evaluation-repository.ts';

/** The dashboard's filter: a year (the latest when not given) and the table's filters. */
export interface DashboardFilter extends EvaluationFilter {
  year: number | undefined;
  /** A cell (or a band) of the scatter: the forms whose clamped rate and score fall in it. */
  cell?: CellFilter | undefined;
}

/**
 * Bounds on execution rate and score, as exact decimal strings (percent and points): `from` is
 * inclusive, `to` exclusive, as the scatter's cells are. They apply to the values clamped the way
 * the scatter clamps them (0–100: a rate above 100 % is in the last cell, whose `to` is above 100),
 * so a cell of the scatter holds exactly the forms this filter finds. A form without a rate is in
 * no cell, and in no table filtered by rate.
 */
export interface CellFilter {
  rateFrom?: string | undefined;
  rateTo?: string | undefined;
  scoreFrom?: string | undefined;
  scoreTo?: string | undefined;
}

/** Whether a decimal string (checked by the route) is above a whole number, compared exactly. */
const above = (text: string, n: number): boolean => compareExact(exactOf(text) ?? exactInteger(0), exactInteger(n)) > 0;

/** The conditions of a cell filter on the clamped values (see CellFilter). */
function cellConditions(eb: ExpressionBuilder<Tables, 'evaluations'>, cell: CellFilter | undefined): Array<Expression<SqlBool>> {
  if (!cell) return [];
  const out: Array<Expression<SqlBool>> = [];
  const bounds = (column: 'evaluations.execution_rate' | 'evaluations.score', from: string | undefined, to: string | undefined) => {
    if (from === undefined && to === undefined) return;
    out.push(eb(column, 'is not', null));
    // clamp(v) ≥ from: anything from 0 down is no bound; clamp(v) < to: anything above 100 is none.
    if (from !== undefined && above(from, 0)) out.push(eb(column, '>=', sql<string>`cast(${from} as numeric)`));
    if (to !== undefined && !above(to, 100)) out.push(eb(column, '<', sql<string>`cast(${to} as numeric)`));
    // No clamped value is above 100.
    if (from !== undefined && above(from, 100)) out.push(sql<SqlBool>`1 = 0`);
  };
  bounds('evaluations.execution_rate', cell.rateFrom, cell.rateTo);
  bounds('evaluations.score', cell.scoreFrom, cell.scoreTo);
  return out;
}

/** What the table reads: the visible forms under the filter, in the cell when one is given. */
const tableCondition = (eb: ExpressionBuilder<Tables, 'evaluations'>, scope: Exclude<Scope, { nothing: true }>, filter: DashboardFilter): Expression<SqlBool> =>
  filter.cell ? eb.and([visibleEvaluations(eb, scope, filter), ...cellConditions(eb, filter.cell)]) : visibleEvaluations(eb, scope, filter);

export interface YearCount {
  year: number;
  count: number;
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
/** A row of the dashboard's table: an evaluation's summary. */
export type TableRow = EvaluationSummary;

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


export interface Overview {
  counts: StatusGradeCount[];
  cells: ScatterCell[];
  budget: string;
  executed: string;
}

export class DashboardRepository {
  constructor(private readonly db: Db) {}

  /**
   * The year's counts by status and grade, its money, and execution rate against score as cells
   * `bin` wide on both axes (clamped to 0–100: a rate above 100 % falls in the last cell; forms
   * without a rate are in the counts but not in the cells) — all from one GROUP BY over the
   * covering index: one pass over the year instead of one per figure (a province's year: 80 ms
   * on SQLite against 114 + 161 ms as two queries).
   */
  async overview(scope: Scope, filter: DashboardFilter, bin: number): Promise<Overview> {
    if (scope.nothing) return { counts: [], cells: [], budget: '0.00', executed: '0.00' };
    const cell = (column: 'evaluations.execution_rate' | 'evaluations.score') =>
      // A cell's number: floor(value / bin). SQLite's CAST truncates, which is the floor for the
      // values that stay unclamped (≥ 0) and 3× faster there than floor(); PostgreSQL's would round.
      isPostgres(this.db) ? sql<number | string | null>`floor(${sql.ref(column)} / ${sql.lit(bin)})` : sql<number | string | null>`cast(${sql.ref(column)} / ${sql.lit(bin)} as integer)`;
    const rateCell = cell('evaluations.execution_rate');
    const scoreCell = cell('evaluations.score');
    const rows = await this.db
      .selectFrom('evaluations')
      .select((eb) => [
        'evaluations.status',
        'evaluations.grade',
        rateCell.as('rate_cell'),
        scoreCell.as('score_cell'),
        eb.fn.countAll<number | string>().as('count'),
        eb.fn.coalesce(eb.fn.sum<number | string>('evaluations.budget_fen'), eb.lit(0)).as('budget_fen'),
        eb.fn.coalesce(eb.fn.sum<number | string>('evaluations.executed_fen'), eb.lit(0)).as('executed_fen'),
        eb.fn.sum<number | string>(sql`case when ${sql.ref('evaluations.score')} - ${sql.ref('evaluations.execution_rate')} > 5 then 1 else 0 end`).as('odd'),
      ])
      .where((eb) => visibleEvaluations(eb as never, scope, filter))
      .groupBy(['evaluations.status', 'evaluations.grade', rateCell, scoreCell])
      .execute();
    // The groups are few (statuses × grades × occupied cells); they are folded here.
    const last = Math.floor(100 / bin) * bin;
    const clamp = (n: number | string) => Math.min(last, Math.max(0, Number(n) * bin));
    const counts = new Map<string, StatusGradeCount>();
    const cells = new Map<string, ScatterCell>();
    let budget = 0n;
    let executed = 0n;
    for (const r of rows) {
      const count = Number(r.count);
      budget += BigInt(r.budget_fen);
      executed += BigInt(r.executed_fen);
      const byGrade = counts.get(`${r.status}/${r.grade}`) ?? { status: r.status, grade: r.grade, count: 0 };
      byGrade.count += count;
      counts.set(`${r.status}/${r.grade}`, byGrade);
      if (r.rate_cell === null || r.score_cell === null) continue;
      const rate = clamp(r.rate_cell);
      const score = clamp(r.score_cell);
      const one = cells.get(`${rate}/${score}`) ?? { rate, score, count: 0, highScoreLowExecution: 0 };
      one.count += count;
      one.highScoreLowExecution += Number(r.odd ?? 0);
      cells.set(`${rate}/${score}`, one);
    }
    return {
      counts: [...counts.values()],
      cells: [...cells.values()].sort((a, b) => a.rate - b.rate || a.score - b.score),
      budget: fenToYuan(budget.toString())!,
      executed: fenToYuan(executed.toString())!,
    };
  }

  /**
   * The `limit` units with the largest budgets (ties by unit id), largest first, and how many units
   * have forms. Grouped over the evaluations alone; only the chosen units are joined to their names.
   */
  async budgetByUnit(scope: Scope, filter: DashboardFilter, limit: number): Promise<{ units: UnitBudget[]; unitCount: number }> {
    if (scope.nothing) return { units: [], unitCount: 0 };
    // On SQLite `+unit_id` keeps the planner on the covering index of the year: grouping along
    // evaluations_unit_year_idx instead read every row from the table (a province: 866 ms against 21 ms).
    const unitKey = isPostgres(this.db) ? sql.ref('evaluations.unit_id') : sql`+${sql.ref('evaluations.unit_id')}`;
    const budgetSum = sql<number | string>`coalesce(sum(${sql.ref('evaluations.budget_fen')}), 0)`;
    const top = this.db
      .selectFrom('evaluations')
      .select((eb) => [
        'evaluations.unit_id',
        budgetSum.as('budget_fen'),
        eb.fn.coalesce(eb.fn.sum<number | string>('evaluations.executed_fen'), eb.lit(0)).as('executed_fen'),
        // Counted over the groups before LIMIT: every unit with a form.
        sql<number | string>`count(*) over ()`.as('unit_count'),
      ])
      .where((eb) => visibleEvaluations(eb as never, scope, filter))
      .groupBy(unitKey)
      .orderBy(budgetSum, 'desc')
      .orderBy('evaluations.unit_id')
      .limit(limit)
      .as('top');
    const rows = await this.db
      .selectFrom(top)
      .innerJoin('units', 'units.id', 'top.unit_id')
      .select(['units.id', 'units.name', 'top.budget_fen', 'top.executed_fen', 'top.unit_count'])
      .orderBy('top.budget_fen', 'desc')
      .orderBy('top.unit_id')
      .execute();
    return {
      units: rows.map((r) => ({ unit: { id: r.id, name: r.name }, budget: fenToYuan(r.budget_fen)!, executed: fenToYuan(r.executed_fen)! })),
      unitCount: rows.length === 0 ? 0 : Number(rows[0]!.unit_count),
    };
  }

  /** The years the actor has forms of, newest first, with how many: one GROUP BY over the year index. */
  async years(scope: Scope): Promise<YearCount[]> {
    if (scope.nothing) return [];
    const rows = await this.db
      .selectFrom('evaluations')
      .select((eb) => ['evaluations.year', eb.fn.countAll<number | string>().as('count')])
      .where((eb) => visibleEvaluations(eb as never, scope, {}))
      .groupBy('evaluations.year')
      .orderBy('evaluations.year', 'desc')
      .execute();
    return rows.map((r) => ({ year: Number(r.year), count: Number(r.count) }));
  }

  /** How many forms the table has under the filter. */
  async count(scope: Scope, filter: DashboardFilter): Promise<number> {
    if (scope.nothing) return 0;
    const row = await this.db
      .selectFrom('evaluations')
      .select((eb) => eb.fn.countAll<number | string>().as('count'))
      .where((eb) => tableCondition(eb as never, scope, filter))
      .executeTakeFirst();
    return Number(row?.count ?? 0);
  }

  /**
   * The table's rows in `order` (blank amounts and rates last either way, then by id so that pages
   * never overlap), one page of them when `page` is given. A page's ids are chosen first, sorting
   * only the ids and the sort key, and only its rows are read whole with their units' names (a
   * province's last page by score: 167 ms against 466 ms sorting whole rows).
   */
  async rows(scope: Scope, filter: DashboardFilter, order: TableOrder, page?: { limit: number; offset: number }): Promise<TableRow[]> {
    if (scope.nothing) return [];
    const ordered = <Q extends SelectQueryBuilder<any, any, any>>(q: Q, column: string): Q => {
      let out = q;
      if (NULLABLE.has(order.sort)) out = out.orderBy(sql`${sql.ref(column)} is null`) as Q;
      return out.orderBy(sql.ref(column), order.order).orderBy(sql.ref('evaluations.id')) as Q;
    };
    const SUMMARY = [
      'evaluations.id', 'evaluations.unit_id', 'evaluations.year', 'evaluations.project', 'evaluations.template', 'evaluations.status',
      'evaluations.version', 'evaluations.score', 'evaluations.grade', 'evaluations.execution_rate', 'evaluations.budget_fen', 'evaluations.updated_at',
    ] as const;
    const column = SORT_COLUMN[order.sort];
    const whole = this.db.selectFrom('evaluations').innerJoin('units', 'units.id', 'evaluations.unit_id').select([...SUMMARY, 'units.name as unit_name']);
    let rows: SummaryRow[];
    if (!page) {
      rows = await ordered(whole.where((eb) => tableCondition(eb as never, scope, filter)), column).execute();
    } else {
      // The page's ids are sorted alone (a narrow sort, from the covering index), then read with their units.
      const ids = order.sort === 'unit' ? this.db.selectFrom('evaluations').innerJoin('units', 'units.id', 'evaluations.unit_id') : this.db.selectFrom('evaluations');
      const chosen = ordered(ids.select('evaluations.id as page_id').where((eb) => tableCondition(eb as never, scope, filter)), column)
        .limit(page.limit)
        .offset(page.offset)
        .as('page');
      rows = await ordered(whole.innerJoin(chosen, 'page.page_id', 'evaluations.id'), column).execute();
    }
    return rows.map(toSummary);
  }
}

