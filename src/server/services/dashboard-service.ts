/**
 * The dashboard of a year over what the user may see: counts by status and grade and budget by
 * unit aggregated in SQL, the points of the score–execution chart, and the table (also as CSV
 * and XLSX).
 */
import { STATUSES, visibleScope, type Status } from '../../core/workflow/workflow.ts';
import { repositories } from '../../storage/repositories.ts';
import type { User } from '../../storage/repositories/user-repository.ts';
import { actorOf, type ServiceContext } from '../service-context.ts';
import { summaryView } from './evaluation-views.ts';

export class DashboardService {
  constructor(private readonly ctx: ServiceContext) {}

  /** Without a year: the latest year the user has evaluations of. */
  async dashboard(user: User, year: number | undefined) {
    const scope = visibleScope(actorOf(user));
    const repo = repositories(this.ctx.db).evaluations;
    const shown = year ?? (await repo.latestYear(scope));
    const filter = { year: shown ?? undefined };
    const [statusCounts, byGrade, budgetByUnit, records] = await Promise.all([
      repo.countByStatus(scope, filter),
      repo.countByGrade(scope, filter),
      repo.budgetByUnit(scope, filter),
      repo.list(scope, filter),
    ]);
    const byStatus = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
    for (const { status, count } of statusCounts) byStatus[status] = count;
    const rows = records.map(summaryView);
    return {
      year: shown,
      byStatus,
      byGrade,
      points: rows.map((r) => ({ id: r.id, project: r.project, unit: r.unit, executionRate: r.executionRate, score: r.score, grade: r.grade })),
      budgetByUnit,
      rows,
    };
  }
}
