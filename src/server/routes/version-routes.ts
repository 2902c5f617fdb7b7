/** Frozen versions of an evaluation and their diff; soft delete and the admin's restore. */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { IdParams, PageQuery, Paged } from '../api-schemas.ts';
import type { AppEnv } from '../app-env.ts';
import { requireUser } from '../middleware/session.ts';
import type { Services } from '../services.ts';
import { DeletedSummary, DiffQuery, VersionDetail, VersionDiff, VersionListItem, VersionParams } from '../version-schemas.ts';
import { errors, json } from './responses.ts';

const tags = ['evaluations'];

export function versionRoutes(app: OpenAPIHono<AppEnv>, services: Services): void {
  app.openapi(
    createRoute({
      method: 'get', path: '/api/evaluations/{id}/versions', tags, summary: 'The frozen versions (one per submit and approve), oldest first, each hash checked',
      request: { params: IdParams },
      responses: { 200: json(z.object({ items: z.array(VersionListItem) }), 'versions'), ...errors(401, 404) },
    }),
    async (c) => c.json({ items: await services.versions.list(requireUser(c), c.req.valid('param').id) }, 200),
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/api/evaluations/{id}/versions/{number}', tags, summary: 'One frozen version: the document, its stored hash and the hash computed now',
      request: { params: VersionParams },
      responses: { 200: json(VersionDetail, 'the version'), ...errors(400, 401, 404) },
    }),
    async (c) => {
      const { id, number } = c.req.valid('param');
      const version = await services.versions.get(requireUser(c), id, number);
      return c.json(version as z.infer<typeof VersionDetail>, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/api/evaluations/{id}/diff', tags, summary: 'Field-level changes between two versions, or a version and the current form',
      request: { params: IdParams, query: DiffQuery },
      responses: { 200: json(VersionDiff, 'the changes'), ...errors(400, 401, 404) },
    }),
    async (c) => {
      const { from, to } = c.req.valid('query');
      return c.json(await services.versions.diff(requireUser(c), c.req.valid('param').id, from, to), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete', path: '/api/evaluations/{id}', tags, summary: 'Soft delete: the admin any form, a preparer the unit’s drafts',
      request: { params: IdParams },
      responses: { 204: { description: 'deleted (restorable by the admin)' }, ...errors(401, 403, 404, 409) },
    }),
    async (c) => {
      await services.evaluations.remove(requireUser(c), c.req.valid('param').id);
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/api/evaluations/{id}/restore', tags, summary: 'Restore a deleted evaluation (admin)',
      request: { params: IdParams },
      responses: { 200: json(z.object({ version: z.number().int() }), 'restored'), ...errors(401, 403, 404, 409) },
    }),
    async (c) => c.json(await services.evaluations.restore(requireUser(c), c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/api/admin/deleted', tags: ['admin'], summary: 'The deleted evaluations, most recently deleted first, one page at a time (admin)',
      request: { query: z.object(PageQuery) },
      responses: { 200: json(Paged(DeletedSummary, 'DeletedPage'), 'deleted evaluations'), ...errors(400, 401, 403) },
    }),
    async (c) => c.json(await services.evaluations.deleted(requireUser(c), c.req.valid('query')), 200),
  );
}
