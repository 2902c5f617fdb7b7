/** The dashboard of a year and its table as CSV and XLSX. */
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { Dashboard, YearQuery } from '../api-schemas.ts';
import type { AppEnv } from '../app-env.ts';
import { requireUser } from '../middleware/session.ts';
import { requestLang } from '../request-lang.ts';
import type { Services } from '../services.ts';
import { dashboardCsv, dashboardXlsx } from '../services/dashboard-table.ts';
import { XLSX_TYPE } from '../services/export-service.ts';
import { binary, errors, fileResponse, json } from './responses.ts';

const tags = ['dashboard'];

export function dashboardRoutes(app: OpenAPIHono<AppEnv>, services: Services): void {
  app.openapi(
    createRoute({
      method: 'get', path: '/api/dashboard', tags, summary: 'Counts by status and grade, budget by unit, the chart points and the table of a year',
      request: { query: YearQuery },
      responses: { 200: json(Dashboard, 'the dashboard'), ...errors(400, 401) },
    }),
    async (c) => c.json(await services.dashboard.dashboard(requireUser(c), c.req.valid('query').year), 200),
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/api/dashboard/export.csv', tags, summary: 'The dashboard table as CSV (UTF-8 with a BOM)',
      request: { query: YearQuery },
      responses: { 200: binary('text/csv', 'the table'), ...errors(400, 401) },
    }),
    async (c) => {
      const { year, rows } = await services.dashboard.dashboard(requireUser(c), c.req.valid('query').year);
      const bytes = new TextEncoder().encode(dashboardCsv(rows, requestLang(c)));
      return fileResponse(c, { bytes, fileName: `dashboard-${year ?? 'all'}.csv`, contentType: 'text/csv; charset=utf-8' });
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/api/dashboard/export.xlsx', tags, summary: 'The dashboard table as XLSX',
      request: { query: YearQuery },
      responses: { 200: binary(XLSX_TYPE, 'the table'), ...errors(400, 401) },
    }),
    async (c) => {
      const { year, rows } = await services.dashboard.dashboard(requireUser(c), c.req.valid('query').year);
      return fileResponse(c, { bytes: await dashboardXlsx(rows, requestLang(c)), fileName: `dashboard-${year ?? 'all'}.xlsx`, contentType: XLSX_TYPE });
    },
  );
}
