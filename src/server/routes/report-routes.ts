/** The year's results report (年度绩效评价结果报告, issue 17) as PDF and XLSX: the finance bureau's (reviewer, admin). */
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../app-env.ts';
import { ReportParams, ReportQuery } from '../followup-schemas.ts';
import { requireUser } from '../middleware/session.ts';
import { requestLang } from '../request-lang.ts';
import type { Services } from '../services.ts';
import { XLSX_TYPE } from '../services/export-service.ts';
import { PDF_TYPE, type ReportFormat } from '../services/report-service.ts';
import { binary, errors, privateFile } from './responses.ts';

const tags = ['years'];

const SUMMARIES: Record<ReportFormat, string> = {
  pdf: 'The year’s results report as an A4 PDF: coverage by department, grades, budget and execution, the lowest execution and the high-score low-execution projects, the re-check’s gaps by unit, rectification items, results applied; tables and charts (reviewer, admin)',
  xlsx: 'The year’s results report’s tables as XLSX, one sheet per table (reviewer, admin)',
};

export function reportRoutes(app: OpenAPIHono<AppEnv>, services: Services): void {
  for (const format of ['pdf', 'xlsx'] as const) {
    app.openapi(
      createRoute({
        method: 'get', path: `/api/years/{year}/report.${format}`, tags, summary: SUMMARIES[format],
        request: { params: ReportParams, query: ReportQuery },
        responses: { 200: binary(format === 'pdf' ? PDF_TYPE : XLSX_TYPE, 'the report'), ...errors(400, 401, 403) },
      }),
      async (c) => {
        const user = requireUser(c);
        const { year } = c.req.valid('param');
        const file = await services.reports.file(user, year, format, requestLang(c));
        return privateFile(c, services.security, user, `results-report.${format}`, { year }, file);
      },
    );
  }
}
