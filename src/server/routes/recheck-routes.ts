/** Re-check (抽查复核): draws, re-check scores and the gap report; the finance bureau's reviewers only. */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { PageQuery, Paged } from '../api-schemas.ts';
import type { AppEnv } from '../app-env.ts';
import { requireUser } from '../middleware/session.ts';
import {
  DrawBody, RecheckAudit, RecheckDetail, RecheckDraw, RecheckEvaluationParams, RecheckForm, RecheckListQuery,
  RecheckParams, RecheckReport, RecheckYears, ReportQuery, ScoresBody,
} from '../recheck-schemas.ts';
import { requestLang } from '../request-lang.ts';
import type { Services } from '../services.ts';
import { XLSX_TYPE } from '../services/export-service.ts';
import { binary, errors, json, privateFile } from './responses.ts';

const tags = ['rechecks'];

export function recheckRoutes(app: OpenAPIHono<AppEnv>, services: Services): void {
  app.openapi(
    createRoute({
      method: 'post', path: '/api/rechecks', tags,
      summary: 'Draw the re-check sample of a year’s approved and published evaluations (seeded, stratified by unit and budget band)',
      request: { body: { content: { 'application/json': { schema: DrawBody } }, required: true } },
      responses: { 201: json(RecheckDetail, 'the stored draw'), ...errors(400, 401, 403, 422) },
    }),
    async (c) => {
      const user = requireUser(c);
      return c.json(await services.rechecks.draw(user, c.req.valid('json'), requestLang(c)), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/api/rechecks', tags, summary: 'The draws (of a year), newest first, one page at a time',
      request: { query: RecheckListQuery },
      responses: { 200: json(Paged(RecheckDraw, 'RecheckDrawPage'), 'draws'), ...errors(400, 401, 403) },
    }),
    async (c) => {
      const { year, limit, offset } = c.req.valid('query');
      return c.json(await services.rechecks.list(requireUser(c), year, requestLang(c), { limit, offset }), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/api/rechecks/years', tags,
      summary: 'The years with approved or published forms or with draws, newest first (the re-check page opens on the first)',
      responses: { 200: json(RecheckYears, 'the years'), ...errors(401, 403) },
    }),
    async (c) => c.json(await services.rechecks.years(requireUser(c)), 200),
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/api/rechecks/{id}', tags, summary: 'A draw with one page of its forms (draw order): self and re-check score of every indicator',
      request: { params: RecheckParams, query: z.object(PageQuery) },
      responses: { 200: json(RecheckDetail, 'the draw'), ...errors(400, 401, 403, 404) },
    }),
    async (c) => c.json(await services.rechecks.get(requireUser(c), c.req.valid('param').id, requestLang(c), c.req.valid('query')), 200),
  );

  app.openapi(
    createRoute({
      method: 'put', path: '/api/rechecks/{id}/evaluations/{evaluationId}', tags,
      summary: 'Record re-check scores of a drawn form (a reason wherever a score differs from the self score)',
      request: { params: RecheckEvaluationParams, body: { content: { 'application/json': { schema: ScoresBody } }, required: true } },
      responses: { 200: json(RecheckForm, 'the form with its re-check scores'), ...errors(400, 401, 403, 404) },
    }),
    async (c) => {
      const user = requireUser(c);
      const { id, evaluationId } = c.req.valid('param');
      const scores = c.req.valid('json').scores.map((s) => ({ indicator: s.indicator, score: s.score, reason: s.reason ?? null }));
      return c.json(await services.rechecks.record(user, id, evaluationId, scores, requestLang(c)), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/api/rechecks/{id}/report', tags, summary: 'The gap per form and per unit; forms over the threshold flagged',
      request: { params: RecheckParams, query: ReportQuery },
      responses: { 200: json(RecheckReport, 'the report'), ...errors(400, 401, 403, 404) },
    }),
    async (c) => c.json(await services.rechecks.report(requireUser(c), c.req.valid('param').id, c.req.valid('query').threshold), 200),
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/api/rechecks/{id}/report.xlsx', tags, summary: 'The gap report as XLSX (by unit, forms, indicators)',
      request: { params: RecheckParams, query: ReportQuery },
      responses: { 200: binary(XLSX_TYPE, 'the workbook'), ...errors(400, 401, 403, 404) },
    }),
    async (c) => {
      const user = requireUser(c);
      const report = await services.rechecks.report(user, c.req.valid('param').id, c.req.valid('query').threshold);
      // exceljs is loaded at the first workbook asked for (test/server/serve-modules.test.ts).
      const { recheckReportXlsx } = await import('../../export/xlsx/recheck-report.ts');
      const bytes = await recheckReportXlsx(report, requestLang(c));
      const file = { bytes, fileName: `recheck-${report.year}-${report.drawId.slice(0, 8)}.xlsx`, contentType: XLSX_TYPE };
      return privateFile(c, services.security, user, 'recheck.xlsx', { drawId: report.drawId }, file);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/api/rechecks/{id}/audit', tags, summary: 'The draw’s audit log: the draw and every change of a re-check score, oldest first, one page at a time',
      request: { params: RecheckParams, query: z.object(PageQuery) },
      responses: { 200: json(Paged(RecheckAudit, 'RecheckAuditPage'), 'entries'), ...errors(400, 401, 403, 404) },
    }),
    async (c) => c.json(await services.rechecks.audit(requireUser(c), c.req.valid('param').id, c.req.valid('query')), 200),
  );
}
