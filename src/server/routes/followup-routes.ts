/**
 * After the review (issue 17; docs/api.md, "After the review"): rectification items (整改) raised on
 * a form, answered by the unit, accepted or sent back by the reviewer, listed and exported; and the
 * bureau's results application (结果应用) of a form.
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { IdParams, PageQuery, Paged } from '../api-schemas.ts';
import type { AppEnv } from '../app-env.ts';
import {
  AcceptRectificationBody, AnswerRectificationBody, FollowupAuditEntry, FormRectifications, RaiseRectificationBody, Rectification,
  RectificationExportQuery, RectificationListQuery, RectificationParams, ResultsApplication, ResultsApplicationAnswer, ResultsApplicationBody,
  SendBackRectificationBody,
} from '../followup-schemas.ts';
import { requireUser } from '../middleware/session.ts';
import { requestLang } from '../request-lang.ts';
import type { Services } from '../services.ts';
import { XLSX_TYPE } from '../services/export-service.ts';
import { binary, errors, json, privateFile } from './responses.ts';

const tags = ['rectification'];

export function followupRoutes(app: OpenAPIHono<AppEnv>, services: Services): void {
  const { rectifications, resultsApplications } = services;
  const body = <T extends z.ZodType>(schema: T) => ({ body: { content: { 'application/json': { schema } }, required: true } });

  app.openapi(
    createRoute({
      method: 'post', path: '/api/evaluations/{id}/rectifications', tags,
      summary: 'Raise a rectification item on a sent form (the finance reviewer; a department reviewer for its units): problem, requirement, due date, optionally an indicator or a re-check draw',
      request: { params: IdParams, ...body(RaiseRectificationBody) },
      responses: { 201: json(Rectification, 'the item raised (open)'), ...errors(400, 401, 403, 404, 409, 422) },
    }),
    async (c) => c.json(await rectifications.raise(requireUser(c), c.req.valid('param').id, c.req.valid('json')), 201),
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/api/evaluations/{id}/rectifications', tags,
      summary: 'The form’s rectification items, those the same project’s earlier forms left unclosed, and whether the user may raise one',
      request: { params: IdParams },
      responses: { 200: json(FormRectifications, 'the items'), ...errors(401, 404) },
    }),
    async (c) => c.json(await rectifications.forForm(requireUser(c), c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/api/rectifications', tags,
      summary: 'The rectification items the user may see, by year, unit and status (open, answered, closed, overdue); by due date, one page at a time',
      request: { query: RectificationListQuery },
      responses: { 200: json(Paged(Rectification, 'RectificationPage'), 'items'), ...errors(400, 401) },
    }),
    async (c) => {
      const { year, unit, status, limit, offset } = c.req.valid('query');
      return c.json(await rectifications.list(requireUser(c), { year, unit, status }, { limit, offset }), 200);
    },
  );

  // Before /api/rectifications/{id}, which would take `export.xlsx` for an id.
  app.openapi(
    createRoute({
      method: 'get', path: '/api/rectifications/export.xlsx', tags,
      summary: 'The same list as XLSX, every row (at most 50,000: 422 TOO_MANY_ROWS beyond), with the overdue mark',
      request: { query: RectificationExportQuery },
      responses: { 200: binary(XLSX_TYPE, 'the workbook'), ...errors(400, 401, 422) },
    }),
    async (c) => {
      const user = requireUser(c);
      const { year, unit, status } = c.req.valid('query');
      const { today, items } = await rectifications.exportRows(user, { year, unit, status });
      // exceljs is loaded at the first workbook asked for (test/server/serve-modules.test.ts).
      const { rectificationListXlsx } = await import('../../export/xlsx/rectification-list.ts');
      const bytes = await rectificationListXlsx(items, today, requestLang(c));
      const file = { bytes, fileName: `rectifications-${year ?? 'all'}-${today}.xlsx`, contentType: XLSX_TYPE };
      return privateFile(c, services.security, user, 'rectifications.xlsx', { year: year ?? null, unit: unit ?? null, status: status ?? null, rows: items.length }, file);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/api/rectifications/{id}', tags, summary: 'A rectification item (whoever may see its form)',
      request: { params: RectificationParams },
      responses: { 200: json(Rectification, 'the item'), ...errors(401, 404) },
    }),
    async (c) => c.json(await rectifications.get(requireUser(c), c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/api/rectifications/{id}/audit', tags, summary: 'The item’s audit log: raised, answered, sent back, accepted; oldest first, one page at a time',
      request: { params: RectificationParams, query: z.object(PageQuery) },
      responses: { 200: json(Paged(FollowupAuditEntry, 'FollowupAuditPage'), 'entries'), ...errors(400, 401, 404) },
    }),
    async (c) => c.json(await rectifications.audit(requireUser(c), c.req.valid('param').id, c.req.valid('query')), 200),
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/api/rectifications/{id}/answer', tags,
      summary: 'Answer an open item with the measures taken and the form’s evidence files (the unit’s preparer or approver): answered',
      request: { params: RectificationParams, ...body(AnswerRectificationBody) },
      responses: { 200: json(Rectification, 'the item'), ...errors(400, 401, 403, 404, 409, 422) },
    }),
    async (c) => c.json(await rectifications.answer(requireUser(c), c.req.valid('param').id, c.req.valid('json')), 200),
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/api/rectifications/{id}/accept', tags,
      summary: 'Accept an answered item (the finance reviewer; a department reviewer for its units): closed',
      request: { params: RectificationParams, ...body(AcceptRectificationBody) },
      responses: { 200: json(Rectification, 'the item'), ...errors(400, 401, 403, 404, 409) },
    }),
    async (c) => c.json(await rectifications.accept(requireUser(c), c.req.valid('param').id, c.req.valid('json')), 200),
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/api/rectifications/{id}/send-back', tags,
      summary: 'Send an answered item back with a reason (the finance reviewer; a department reviewer for its units): open again',
      request: { params: RectificationParams, ...body(SendBackRectificationBody) },
      responses: { 200: json(Rectification, 'the item'), ...errors(400, 401, 403, 404, 409) },
    }),
    async (c) => c.json(await rectifications.sendBack(requireUser(c), c.req.valid('param').id, c.req.valid('json')), 200),
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/api/evaluations/{id}/results-application', tags,
      summary: 'The bureau’s results application of the form (the reviewer and the admin; null when none is recorded)',
      request: { params: IdParams },
      responses: { 200: json(ResultsApplicationAnswer, 'the record or null'), ...errors(401, 403, 404) },
    }),
    async (c) => c.json(await resultsApplications.get(requireUser(c), c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      method: 'put', path: '/api/evaluations/{id}/results-application', tags,
      summary: 'Record the results application of an approved or published form (the reviewer): a category and text, versioned',
      request: { params: IdParams, ...body(ResultsApplicationBody) },
      responses: { 200: json(ResultsApplication, 'the record'), ...errors(400, 401, 403, 404, 409) },
    }),
    async (c) => c.json(await resultsApplications.put(requireUser(c), c.req.valid('param').id, c.req.valid('json')), 200),
  );
}
