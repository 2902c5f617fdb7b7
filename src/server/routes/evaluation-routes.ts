/** Evaluations of the signed-in user: list, read, create, edit, transitions, copy, audit, exports. */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { AuditEntry, CreateBody, EvaluationDetail, IdParams, LangQuery, ListQuery, PageQuery, Paged, SummaryPage, TransitionBody, UpdateBody, Status } from '../api-schemas.ts';
import type { Context } from 'hono';
import type { Evaluation } from '../../core/model/evaluation.ts';
import type { AppEnv } from '../app-env.ts';
import { requireUser } from '../middleware/session.ts';
import { requestLang } from '../request-lang.ts';
import type { Services } from '../services.ts';
import { XLSX_TYPE } from '../services/export-service.ts';
import { binary, errors, json, privateFile } from './responses.ts';
import { versionRoutes } from './version-routes.ts';

const tags = ['evaluations'];

/**
 * The evaluation as the client sent it, once the schema has passed it. The schema has no
 * transforms, but zod's copy puts known fields before unknown ones; the sent object keeps the
 * author's field order (as `jixiao check` does with files).
 */
async function asSent(c: Context<AppEnv>): Promise<Evaluation> {
  return ((await c.req.json()) as { evaluation: Evaluation }).evaluation;
}

export function evaluationRoutes(app: OpenAPIHono<AppEnv>, services: Services): void {
  app.openapi(
    createRoute({
      method: 'get', path: '/api/evaluations', tags, summary: 'The evaluations the user may see, one page at a time (newest year first, then by project)',
      request: { query: ListQuery },
      responses: { 200: json(SummaryPage, 'a page of summaries'), ...errors(400, 401) },
    }),
    async (c) => {
      const user = requireUser(c);
      const { year, status, unit, needsMyAction, limit, offset } = c.req.valid('query');
      return c.json(await services.evaluations.list(user, { year, status, unitId: unit }, { limit, offset }, needsMyAction ?? false), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/api/evaluations', tags, summary: 'Create a draft in the preparer’s unit',
      request: { body: { content: { 'application/json': { schema: CreateBody } }, required: true } },
      responses: { 201: json(z.object({ id: z.string() }), 'created'), ...errors(400, 401, 403) },
    }),
    async (c) => {
      const user = requireUser(c);
      c.req.valid('json');
      return c.json(await services.evaluations.create(user, await asSent(c)), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/api/evaluations/{id}', tags, summary: 'An evaluation with what the checks say and what the user may do',
      request: { params: IdParams, query: LangQuery },
      responses: { 200: json(EvaluationDetail, 'the evaluation'), ...errors(401, 404) },
    }),
    async (c) => {
      const user = requireUser(c);
      const detail = await services.evaluations.get(user, c.req.valid('param').id, requestLang(c));
      return c.json(detail as z.infer<typeof EvaluationDetail>, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'put', path: '/api/evaluations/{id}', tags, summary: 'Save a draft or returned evaluation (optimistic concurrency on version)',
      request: { params: IdParams, body: { content: { 'application/json': { schema: UpdateBody } }, required: true } },
      responses: {
        200: json(z.object({ version: z.number().int() }), 'saved'),
        ...errors(400, 401, 403, 404, 409),
      },
    }),
    async (c) => {
      const user = requireUser(c);
      const { version } = c.req.valid('json');
      return c.json(await services.evaluations.update(user, c.req.valid('param').id, version, await asSent(c)), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/api/evaluations/{id}/transitions', tags, summary: 'Submit, forward (the department), return (with a reason), approve, publish or unpublish (with a reason), on the version the actor saw',
      request: { params: IdParams, query: LangQuery, body: { content: { 'application/json': { schema: TransitionBody } }, required: true } },
      responses: { 200: json(z.object({ status: Status, version: z.number().int() }), 'the new status'), ...errors(400, 401, 403, 404, 409, 422) },
    }),
    async (c) => {
      const user = requireUser(c);
      const { action, comment, version } = c.req.valid('json');
      return c.json(await services.evaluations.transition(user, c.req.valid('param').id, action, comment, version, requestLang(c)), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/api/evaluations/{id}/copy-to-next-year', tags, summary: 'A draft for the next year with the project, indicators and targets (once: a second copy is 409 ALREADY_COPIED naming the existing one)',
      request: { params: IdParams },
      responses: { 201: json(z.object({ id: z.string() }), 'the new draft'), ...errors(401, 403, 404, 409) },
    }),
    async (c) => c.json(await services.evaluations.copyToNextYear(requireUser(c), c.req.valid('param').id), 201),
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/api/evaluations/{id}/audit', tags, summary: 'The audit log, oldest first, with field-level changes, one page at a time',
      request: { params: IdParams, query: z.object(PageQuery) },
      responses: { 200: json(Paged(AuditEntry, 'AuditPage'), 'audit entries'), ...errors(400, 401, 404) },
    }),
    async (c) => c.json(await services.evaluations.audit(requireUser(c), c.req.valid('param').id, c.req.valid('query')), 200),
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/api/evaluations/{id}/export.pdf', tags, summary: 'The official form as PDF',
      request: { params: IdParams, query: LangQuery },
      responses: { 200: binary('application/pdf', 'the form'), ...errors(401, 404, 422) },
    }),
    async (c) => {
      const user = requireUser(c);
      const { id } = c.req.valid('param');
      return privateFile(c, services.security, user, 'evaluation.pdf', { evaluationId: id }, await services.exports.pdf(user, id, requestLang(c)));
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/api/evaluations/{id}/export.xlsx', tags, summary: 'The official form as XLSX',
      request: { params: IdParams, query: LangQuery },
      responses: { 200: binary(XLSX_TYPE, 'the form'), ...errors(401, 404) },
    }),
    async (c) => {
      const user = requireUser(c);
      const { id } = c.req.valid('param');
      return privateFile(c, services.security, user, 'evaluation.xlsx', { evaluationId: id }, await services.exports.xlsx(user, id));
    },
  );

  versionRoutes(app, services);
}
