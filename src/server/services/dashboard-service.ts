/**
 * The dashboard of a year over what the user may see. Its overview (counts by status and grade,
 * the money, the score–execution grid, the units with the largest budgets) is grouped in SQL and
 * stays small at any size; its table is read one page at a time (and whole only for the CSV and
 * XLSX files).
 */
import { STATUSES, visibleScope, type Scope, type Status } from '../../core/workflow/workflow.ts';
import { repositories } from '../../storage/repositories.ts';
import type { CellFilter, DashboardFilter, TableOrder } from '../../storage/repositories/dashboard-repository.ts';
import type { User } from '../../storage/repositories/user-repository.ts';
import { actorOf, type ServiceContext } from '../service-context.ts';

/** The scatter's cells are this many percent (rate) and points (score) wide: 51 × 51 cells at most. */
export const SCATTER_BIN = 2;
/** The budget chart shows this many units, those with the largest budgets. */
export const BUDGET_UNITS = 20;

export interface TableQuery extends TableOrder {
  year: number | undefined;
  status?: Status | undefined;
  unitId?: string | undefined;
  project?: string | undefined;
  /** A cell of the scatter: exact decimal bounds on the clamped rate and score. */
  cell?: CellFilter | undefined;
}

export class DashboardService {
  constructor(private readonly ctx: ServiceContext) {}

  /** Without a year: the latest year the user has evaluations of. */
  async dashboard(user: User, year: number | undefined) {
    const { scope, shown } = await this.yearOf(user, year);
    const repo = repositories(this.ctx.db).dashboard;
    const filter = { year: shown ?? undefined };
    const [overview, budgets] = await Promise.all([repo.overview(scope, filter, SCATTER_BIN), repo.budgetByUnit(scope, filter, BUDGET_UNITS)]);
    const byStatus = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
    const grades = new Map<string, number>();
    for (const { status, grade, count } of overview.counts) {
      byStatus[status] += count;
      grades.set(grade, (grades.get(grade) ?? 0) + count);
    }
    return {
      year: shown,
      total: overview.counts.reduce((n, c) => n + c.count, 0),
      byStatus,
      byGrade: [...grades].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([grade, count]) => ({ grade, count })),
      totals: { budget: overview.budget, executed: overview.executed },
      scatter: { bin: SCATTER_BIN, cells: overview.cells },
      unitCount: budgets.unitCount,
      budgetByUnit: budgets.units,
    };
  }

  /** The years the user has forms of, newest first: the dashboard's choices, grouped in SQL. */
  async years(user: User) {
    return { years: await repositories(this.ctx.db).dashboard.years(visibleScope(actorOf(user))) };
  }

  /** One page of the year's table and how many rows it has in all. */
  async table(user: User, query: TableQuery, page: { limit: number; offset: number }) {
    const { scope, shown, filter } = await this.tableFilter(user, query);
    const repo = repositories(this.ctx.db).dashboard;
    const [total, items] = await Promise.all([repo.count(scope, filter), repo.rows(scope, filter, query, page)]);
    return { year: shown, total, limit: page.limit, offset: page.offset, items };
  }

  /** Every row of the table in its order (for the CSV and XLSX files), with the templates that name their grades. */
  async allRows(user: User, query: TableQuery) {
    const { scope, shown, filter } = await this.tableFilter(user, query);
    return { year: shown, rows: await repositories(this.ctx.db).dashboard.rows(scope, filter, query), templates: this.ctx.templates };
  }

  private async tableFilter(user: User, query: TableQuery): Promise<{ scope: Scope; shown: number | null; filter: DashboardFilter }> {
    const { scope, shown } = await this.yearOf(user, query.year);
    return { scope, shown, filter: { year: shown ?? undefined, status: query.status, unitId: query.unitId, project: query.project, cell: query.cell } };
  }

  private async yearOf(user: User, year: number | undefined): Promise<{ scope: Scope; shown: number | null }> {
    const scope = visibleScope(actorOf(user));
    return { scope, shown: year ?? (await repositories(this.ctx.db).evaluations.latestYear(scope)) };
  }
}
