/** What the public reads without logging in: published evaluations, their forms as PDF. */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { IdParams, LangQuery, PublicEvaluation, PublicListQuery, SummaryPage } from '../api-schemas.ts';
import type { AppEnv } from '../app-env.ts';
import { requestLang } from '../request-lang.ts';
import type { Services } from '../services.ts';
import { binary, errors, fileResponse, json } from './responses.ts';

const tags = ['public'];

export function publicRoutes(app: OpenAPIHono<AppEnv>, services: Services): void {
  app.openapi(
    createRoute({
      method: 'get', path: '/api/public/evaluations', tags, summary: 'Published evaluations, one page at a time (offset up to 10,000: past it, filter by year or unit)',
      request: { query: PublicListQuery },
      responses: { 200: json(SummaryPage, 'a page of summaries'), ...errors(400) },
    }),
    async (c) => {
      const { year, unit, limit, offset } = c.req.valid('query');
      return c.json(await services.evaluations.list(null, { year, unitId: unit }, { limit, offset }), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/api/public/evaluations/{id}', tags, summary: 'A published evaluation',
      request: { params: IdParams, query: LangQuery },
      responses: { 200: json(PublicEvaluation, 'the evaluation'), ...errors(404) },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const detail = await services.evaluations.get(null, id, requestLang(c));
      // issue 14: with the evidence files the reviewer marked public.
      return c.json({ ...detail, evidence: await services.evidence.publicList(id) } as z.infer<typeof PublicEvaluation>, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/api/public/evaluations/{id}/export.pdf', tags, summary: 'The published form as PDF',
      request: { params: IdParams, query: LangQuery },
      responses: { 200: binary('application/pdf', 'the form'), ...errors(404, 422) },
    }),
    async (c) => fileResponse(c, await services.exports.pdf(null, c.req.valid('param').id, requestLang(c))),
  );
}
