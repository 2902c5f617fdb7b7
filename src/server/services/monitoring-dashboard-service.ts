/**
 * The dashboard's monitoring view (issue 16; PRODUCT.md, "The cycle"): a year's mid-year
 * monitoring by department, one department's units, and the projects off track or spending behind
 * the time progress. What the user may see is what the monitoring lists show them (cycleScope): the
 * bureau every sent monitoring, a department its units' sent ones, a unit's roles their own unit's.
 * Grouped in SQL (monitoring-view-repository.ts); the figures made from the sums by the core.
 */
import { cycleScope } from '../../core/workflow/cycle-workflow.ts';
import { addSums, emptySums, figuresOf } from '../../core/year/monitoring-overview.ts';
import type { Page } from '../../storage/paging.ts';
import { repositories } from '../../storage/repositories.ts';
import type { MonitoringGroup, MonitoringList } from '../../storage/repositories/monitoring-view-repository.ts';
import type { User } from '../../storage/repositories/user-repository.ts';
import { actorOf, type ServiceContext } from '../service-context.ts';

export interface MonitoringViewQuery {
  year?: number | undefined;
  /** Drill into one department: its units. */
  department?: string | undefined;
}

export interface MonitoringProjectsQuery extends MonitoringViewQuery {
  unit?: string | undefined;
  list: MonitoringList;
}

const withFigures = ({ key, units, sums }: MonitoringGroup) => ({ ...key, units, figures: figuresOf(sums) });

export class MonitoringDashboardService {
  constructor(private readonly ctx: ServiceContext) {}

  /** Without a year: the latest the user has monitoring of. The totals add up the departments (exact integers). */
  async overview(user: User, query: MonitoringViewQuery) {
    const { scope, year, years } = await this.yearOf(user, query.year);
    const repo = repositories(this.ctx.db).monitoringView;
    if (year === null) return { year, years, totals: figuresOf(emptySums()), departments: [], department: null, units: [] };
    const [departments, units] = await Promise.all([
      repo.byDepartment(scope, { year }),
      query.department === undefined ? Promise.resolve([]) : repo.byUnit(scope, { year, departmentId: query.department }),
    ]);
    const totals = emptySums();
    for (const d of departments) addSums(totals, d.sums);
    const department = query.department === undefined ? null : (departments.find((d) => d.key.id === query.department)?.key ?? null);
    return { year, years, totals: figuresOf(totals), departments: departments.map(withFigures), department, units: department === null ? [] : units.map(withFigures) };
  }

  /** One page of the projects on the list, with how many there are. */
  async projects(user: User, query: MonitoringProjectsQuery, page: Page) {
    const { scope, year } = await this.yearOf(user, query.year, false);
    const repo = repositories(this.ctx.db).monitoringView;
    if (year === null) return { year, list: query.list, total: 0, ...page, items: [] };
    const filter = { year, departmentId: query.department, unitId: query.unit };
    const [total, items] = await Promise.all([repo.countProjects(scope, filter, query.list), repo.projects(scope, filter, query.list, page)]);
    return { year, list: query.list, total, ...page, items };
  }

  /** The year asked, else the latest; the years are read only when wanted or needed (one more pass over the index). */
  private async yearOf(user: User, asked: number | undefined, wanted = true) {
    const scope = cycleScope(actorOf(user), 'monitoring');
    const years = wanted || asked === undefined ? await repositories(this.ctx.db).monitoringView.years(scope) : [];
    return { scope, years, year: asked ?? years[0] ?? null };
  }
}
