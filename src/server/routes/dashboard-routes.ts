/** The dashboard of a year: its overview, its table one page at a time, and the table as CSV and XLSX. */
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../app-env.ts';
import {
  Dashboard, DashboardExportQuery, DashboardYears, DashboardQuery, DashboardTable, DashboardTableQuery, MonitoringProjects, MonitoringProjectsQuery, MonitoringQuery, MonitoringView,
} from '../dashboard-schemas.ts';
import { requireUser } from '../middleware/session.ts';
import { requestLang } from '../request-lang.ts';
import type { Services } from '../services.ts';
import type { TableQuery } from '../services/dashboard-service.ts';
import { dashboardCsv, dashboardXlsx } from '../services/dashboard-table.ts';
import { XLSX_TYPE } from '../services/export-service.ts';
import { binary, errors, json, privateFile } from './responses.ts';

const tags = ['dashboard'];

/** The query's filter and order in the service's words (`unit` is the unit's id). */
const tableQuery = (q: {
  year?: number | undefined; status?: TableQuery['status']; unit?: string | undefined; project?: string | undefined; sort: TableQuery['sort']; order: TableQuery['order'];
  rateFrom?: string | undefined; rateTo?: string | undefined; scoreFrom?: string | undefined; scoreTo?: string | undefined;
}): TableQuery => ({
  year: q.year, status: q.status, unitId: q.unit, project: q.project, sort: q.sort, order: q.order,
  cell: q.rateFrom ?? q.rateTo ?? q.scoreFrom ?? q.scoreTo ? { rateFrom: q.rateFrom, rateTo: q.rateTo, scoreFrom: q.scoreFrom, scoreTo: q.scoreTo } : undefined,
});

export function dashboardRoutes(app: OpenAPIHono<AppEnv>, services: Services): void {
  app.openapi(
    createRoute({
      method: 'get', path: '/api/dashboard', tags,
      summary: 'A year at a glance: counts by status and grade, the money, the score–execution grid and the units with the largest budgets',
      request: { query: DashboardQuery },
      responses: { 200: json(Dashboard, 'the overview'), ...errors(400, 401) },
    }),
    async (c) => c.json(await services.dashboard.dashboard(requireUser(c), c.req.valid('query').year), 200),
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/api/dashboard/years', tags, summary: 'The years the user has forms of, newest first, with how many (the dashboard opens on the first)',
      responses: { 200: json(DashboardYears, 'the years'), ...errors(401) },
    }),
    async (c) => c.json(await services.dashboard.years(requireUser(c)), 200),
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/api/dashboard/table', tags, summary: "One page of the year's table, filtered and sorted, with the total count",
      request: { query: DashboardTableQuery },
      responses: { 200: json(DashboardTable, 'the page'), ...errors(400, 401) },
    }),
    async (c) => {
      const q = c.req.valid('query');
      return c.json(await services.dashboard.table(requireUser(c), tableQuery(q), { limit: q.limit, offset: q.offset }), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/api/dashboard/export.csv', tags, summary: 'The whole table (its filter and order) as CSV (UTF-8 with a BOM)',
      request: { query: DashboardExportQuery },
      responses: { 200: binary('text/csv', 'the table'), ...errors(400, 401) },
    }),
    async (c) => {
      const user = requireUser(c);
      const { year, rows, templates } = await services.dashboard.allRows(user, tableQuery(c.req.valid('query')));
      const bytes = new TextEncoder().encode(dashboardCsv(rows, requestLang(c), templates));
      return privateFile(c, services.security, user, 'dashboard.csv', { year, rows: rows.length }, { bytes, fileName: `dashboard-${year ?? 'all'}.csv`, contentType: 'text/csv; charset=utf-8' });
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/api/dashboard/export.xlsx', tags, summary: 'The whole table (its filter and order) as XLSX',
      request: { query: DashboardExportQuery },
      responses: { 200: binary(XLSX_TYPE, 'the table'), ...errors(400, 401) },
    }),
    async (c) => {
      const user = requireUser(c);
      const { year, rows, templates } = await services.dashboard.allRows(user, tableQuery(c.req.valid('query')));
      const file = { bytes: await dashboardXlsx(rows, requestLang(c), templates), fileName: `dashboard-${year ?? 'all'}.xlsx`, contentType: XLSX_TYPE };
      return privateFile(c, services.security, user, 'dashboard.xlsx', { year, rows: rows.length }, file);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/api/dashboard/monitoring', tags,
      summary: "The year's mid-year monitoring by department (and one department's units): projects off track, behind the time progress, expected to overspend, and the money",
      request: { query: MonitoringQuery },
      responses: { 200: json(MonitoringView, 'the monitoring view'), ...errors(400, 401) },
    }),
    async (c) => c.json(await services.monitoringDashboard.overview(requireUser(c), c.req.valid('query')), 200),
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/api/dashboard/monitoring/projects', tags,
      summary: 'One page of the projects off track or spending behind the time progress (of a department or unit), with the total',
      request: { query: MonitoringProjectsQuery },
      responses: { 200: json(MonitoringProjects, 'the page'), ...errors(400, 401) },
    }),
    async (c) => {
      const { limit, offset, ...query } = c.req.valid('query');
      return c.json(await services.monitoringDashboard.projects(requireUser(c), query, { limit, offset }), 200);
    },
  );
}
