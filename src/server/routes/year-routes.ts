/** The year's work: its settings, its set-up from the budget system's project list, and its progress. */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { render } from '../../core/locale/messages.ts';
import type { Progress as ProgressData, ProgressUnit } from '../../core/year/progress.ts';
import { columnName, readSetupList } from '../../import/table/setup-rows.ts';
import { LangQuery, UploadBody } from '../api-schemas.ts';
import { ApiError } from '../api-error.ts';
import type { AppEnv } from '../app-env.ts';
import { requireUser } from '../middleware/session.ts';
import { ProjectImport, ProjectImportQuery, Progress, YearBody, YearParams, YearSettings } from '../organisation-schemas.ts';
import { requestLang } from '../request-lang.ts';
import type { Services } from '../services.ts';
import { XLSX_TYPE } from '../services/export-service.ts';
import { binary, errors, json, privateFile } from './responses.ts';
import { uploadedFile, uploadMiddleware } from './upload.ts';

const tags = ['years'];
const MAX_LIST_BYTES = 20 * 1024 * 1024;

/** Units as the answer names them (not their place in the tree). */
const named = ({ id, code, name }: ProgressUnit) => ({ id, code, name });
const progressView = (p: ProgressData) => ({
  ...p,
  departments: p.departments.map((d) => ({ unit: named(d.unit), counts: d.counts, units: d.units.map((u) => ({ unit: named(u.unit), counts: u.counts })) })),
});

export function yearRoutes(app: OpenAPIHono<AppEnv>, services: Services): void {
  app.openapi(
    createRoute({
      method: 'get', path: '/api/years', tags, summary: 'The years with settings, forms or a project list, newest first',
      responses: { 200: json(z.object({ items: z.array(YearSettings) }), 'the years'), ...errors(401, 403) },
    }),
    async (c) => {
      requireUser(c);
      return c.json({ items: await services.years.list() }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/api/years/{year}', tags, summary: 'A year’s settings (defaults for a year not set up)',
      request: { params: YearParams },
      responses: { 200: json(YearSettings, 'the settings'), ...errors(400, 401, 403) },
    }),
    async (c) => {
      requireUser(c);
      return c.json(await services.years.get(c.req.valid('param').year), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'put', path: '/api/years/{year}', tags, summary: 'Set whether the department reviews first, the deadline and the monitoring date (监控时点; left out: kept) (admin)',
      request: { params: YearParams, body: { content: { 'application/json': { schema: YearBody } }, required: true } },
      responses: { 200: json(YearSettings, 'the settings'), ...errors(400, 401, 403, 422) },
    }),
    async (c) => {
      const { departmentReview, deadline, monitoringAsOf } = c.req.valid('json');
      return c.json(await services.years.set(requireUser(c), { year: c.req.valid('param').year, departmentReview, deadline, monitoringAsOf }), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/api/years/{year}/projects', tags,
      summary: 'Set the year up from the budget system’s project list (CSV or XLSX): one draft per new project, facts of known ones updated; all rows or none (admin)',
      middleware: uploadMiddleware(MAX_LIST_BYTES),
      request: { params: YearParams, query: ProjectImportQuery.extend(LangQuery.shape), body: { content: { 'multipart/form-data': { schema: UploadBody } }, required: true } },
      responses: { 200: json(ProjectImport, 'what was made and changed, and what was left alone'), ...errors(400, 401, 403, 413, 422) },
    }),
    async (c) => {
      const user = requireUser(c);
      if (user.role !== 'admin') throw new ApiError(403, 'FORBIDDEN');
      const lang = requestLang(c);
      const file = await uploadedFile(c.req.valid('form') as { file?: unknown });
      const read = await readSetupList(file.bytes, 'projects');
      if (!read.ok) throw new ApiError(422, 'UNREADABLE_LIST', { params: { reason: render(read.message, lang) } });
      const result = await services.years.importProjects(user, c.req.valid('param').year, read.read.rows, read.read.problems, c.req.valid('query').dryRun ?? false);
      const notices = result.notices.map((n) => ({ row: n.row, column: columnName('projects', n.field), message: render(n.message, lang) }));
      return c.json({ ...result, ignoredColumns: read.read.ignoredColumns, notices }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/api/years/{year}/progress', tags,
      summary: 'The year’s progress per department and unit: forms not started, draft, submitted, forwarded, returned, approved, published, overdue (admin, reviewer, department)',
      request: { params: YearParams },
      responses: { 200: json(Progress, 'the progress'), ...errors(400, 401, 403) },
    }),
    async (c) => c.json(progressView(await services.years.progress(requireUser(c), c.req.valid('param').year)), 200),
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/api/years/{year}/progress.xlsx', tags, summary: 'The progress as XLSX, with the forms still with their units',
      request: { params: YearParams, query: LangQuery },
      responses: { 200: binary(XLSX_TYPE, 'the progress'), ...errors(400, 401, 403) },
    }),
    async (c) => {
      const user = requireUser(c);
      const { year } = c.req.valid('param');
      const [progress, open] = [await services.years.progress(user, year), await services.years.withUnits(user, year)];
      // exceljs is loaded at the first workbook asked for (test/server/serve-modules.test.ts).
      const { progressXlsx } = await import('../../export/xlsx/progress-report.ts');
      const file = { bytes: await progressXlsx(progress, open, requestLang(c)), fileName: `progress-${year}.xlsx`, contentType: XLSX_TYPE };
      return privateFile(c, services.security, user, 'progress.xlsx', { year }, file);
    },
  );
}
