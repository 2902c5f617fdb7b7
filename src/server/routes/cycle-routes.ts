/** The cycle's targets (/api/targets) and monitoring (/api/monitoring) documents of the signed-in user (issue 16). */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { CycleKind } from '../../core/workflow/cycle-workflow.ts';
import { AuditEntry, IdParams, LangQuery, PageQuery, Paged } from '../api-schemas.ts';
import type { AppEnv } from '../app-env.ts';
import { CycleListQuery, CycleStatus, cycleSchemas } from '../cycle-schemas.ts';
import { requireUser } from '../middleware/session.ts';
import { requestLang } from '../request-lang.ts';
import type { CycleDocument, CycleService } from '../services/cycle-service.ts';
import type { Services } from '../services.ts';
import { VersionParams } from '../version-schemas.ts';
import { errors, json } from './responses.ts';

const WORDS: Record<CycleKind, string> = { targets: 'performance targets (绩效目标申报)', monitoring: 'mid-year monitoring (绩效运行监控)' };

export function cycleRoutes(app: OpenAPIHono<AppEnv>, services: Services): void {
  kindRoutes(app, 'targets', services.targets);
  kindRoutes(app, 'monitoring', services.monitoring);

  app.openapi(
    createRoute({
      method: 'post', path: '/api/targets/{id}/evaluation', tags: ['targets'],
      summary: 'Create the year-end self-evaluation from the newest approved targets (indicator ids kept); its checks then compare it with them. Once: a second is 409 ALREADY_CREATED',
      request: { params: IdParams },
      responses: { 201: json(z.object({ id: z.string() }), 'the new evaluation (a draft)'), ...errors(401, 403, 404, 409) },
    }),
    async (c) => c.json(await services.targets.createEvaluation(requireUser(c), c.req.valid('param').id), 201),
  );

  const monitoring = cycleSchemas('monitoring');
  app.openapi(
    createRoute({
      method: 'post', path: '/api/targets/{id}/monitoring', tags: ['targets'],
      summary: 'Create the mid-year monitoring draft from the newest approved targets (indicator table with ids, the funding rows’ budgets, the year’s monitoring date). Once per project and year: 409 ALREADY_CREATED',
      request: { params: IdParams, query: LangQuery },
      responses: { 201: json(monitoring.Created, 'the new monitoring (a draft), with what the checks say'), ...errors(401, 403, 404, 409) },
    }),
    async (c) => c.json(await services.targets.createMonitoring(requireUser(c), c.req.valid('param').id, services.monitoring, requestLang(c)) as never, 201),
  );
}

function kindRoutes<D extends CycleDocument>(app: OpenAPIHono<AppEnv>, kind: CycleKind, service: CycleService<D>): void {
  const base = `/api/${kind}`;
  const tags = [kind];
  const s = cycleSchemas(kind);
  const words = WORDS[kind];
  /** The document as the client sent it, once the schema has passed it (its key order kept, as evaluations'). */
  const asSent = async (c: Context<AppEnv>): Promise<D> => ((await c.req.json()) as Record<string, D>)[kind]!;

  app.openapi(
    createRoute({
      method: 'get', path: base, tags, summary: `The ${words} the user may see, one page at a time (newest year first, then by project)`,
      request: { query: CycleListQuery },
      responses: { 200: json(s.Page, 'a page of summaries'), ...errors(400, 401) },
    }),
    async (c) => {
      const { year, unit, status, code, needsMyAction, limit, offset } = c.req.valid('query');
      return c.json(await service.list(requireUser(c), { year, unitId: unit, status, projectCode: code }, { limit, offset }, needsMyAction ?? false), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post', path: base, tags, summary: `Create a draft of ${words} in the preparer’s unit (one per unit, year and project)`,
      request: { query: LangQuery, body: { content: { 'application/json': { schema: s.CreateBody } }, required: true } },
      responses: { 201: json(s.Created, 'created, with what the checks say'), ...errors(400, 401, 403, 409) },
    }),
    async (c) => {
      const user = requireUser(c);
      c.req.valid('json');
      return c.json(await service.create(user, await asSent(c), requestLang(c)), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: `${base}/{id}`, tags, summary: `The ${words} with what the checks say and what the user may do`,
      request: { params: IdParams, query: LangQuery },
      responses: { 200: json(s.Detail, 'the document'), ...errors(401, 404) },
    }),
    async (c) => c.json((await service.get(requireUser(c), c.req.valid('param').id, requestLang(c))) as never, 200),
  );

  app.openapi(
    createRoute({
      method: 'put', path: `${base}/{id}`, tags, summary: `Save ${words} while the unit has it (optimistic concurrency on version); the checks come back`,
      request: { params: IdParams, query: LangQuery, body: { content: { 'application/json': { schema: s.UpdateBody } }, required: true } },
      responses: { 200: json(s.Saved, 'saved'), ...errors(400, 401, 403, 404, 409) },
    }),
    async (c) => {
      const user = requireUser(c);
      const { version } = c.req.valid('json') as { version: number };
      return c.json(await service.update(user, c.req.valid('param').id, version, await asSent(c), requestLang(c)), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete', path: `${base}/{id}`, tags, summary: `Delete a draft of ${words} (its unit’s preparer; soft: the audit log stays, the project may be declared again)`,
      request: { params: IdParams },
      responses: { 204: { description: 'deleted' }, ...errors(401, 403, 404, 409) },
    }),
    async (c) => {
      await service.remove(requireUser(c), c.req.valid('param').id);
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: 'post', path: `${base}/{id}/transitions`, tags,
      summary: kind === 'targets'
        ? 'Submit, forward (the department), return (with a reason), approve; adjust (目标调整, the preparer, with a reason) approved targets, reject an adjustment (with a reason) — on the version the actor saw'
        : 'Submit, forward (the department), return (with a reason) or accept — on the version the actor saw',
      request: { params: IdParams, query: LangQuery, body: { content: { 'application/json': { schema: s.TransitionBody } }, required: true } },
      responses: { 200: json(z.object({ status: CycleStatus, version: z.number().int() }), 'the new status'), ...errors(400, 401, 403, 404, 409, 422) },
    }),
    async (c) => {
      const { action, comment, version } = c.req.valid('json');
      return c.json(await service.transition(requireUser(c), c.req.valid('param').id, action, comment, version, requestLang(c)), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: `${base}/{id}/versions`, tags, summary: 'The frozen versions (at submit, approve, accept), oldest first, each hash checked',
      request: { params: IdParams },
      responses: { 200: json(z.object({ items: z.array(s.VersionItem) }), 'versions'), ...errors(401, 404) },
    }),
    async (c) => c.json({ items: await service.versions(requireUser(c), c.req.valid('param').id) }, 200),
  );

  app.openapi(
    createRoute({
      method: 'get', path: `${base}/{id}/versions/{number}`, tags, summary: 'One frozen version: the document, its stored hash and the hash computed now',
      request: { params: VersionParams },
      responses: { 200: json(s.VersionDetail, 'the version'), ...errors(400, 401, 404) },
    }),
    async (c) => {
      const { id, number } = c.req.valid('param');
      return c.json((await service.version(requireUser(c), id, number)) as never, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: `${base}/{id}/audit`, tags, summary: 'The audit log, oldest first, one page at a time',
      request: { params: IdParams, query: z.object(PageQuery) },
      responses: { 200: json(Paged(AuditEntry, kind === 'targets' ? 'TargetsAuditPage' : 'MonitoringAuditPage'), 'audit entries'), ...errors(400, 401, 404) },
    }),
    async (c) => c.json(await service.audit(requireUser(c), c.req.valid('param').id, c.req.valid('query')), 200),
  );
}
