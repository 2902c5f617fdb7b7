/**
 * Beside this year's figures: last year's target, actual and score of each indicator (lineage), and
 * the re-check scores of the form (src/server/services/lineage-service.ts says who sees what).
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { IdParams, Status } from '../api-schemas.ts';
import type { AppEnv } from '../app-env.ts';
import { requireUser } from '../middleware/session.ts';
import type { Services } from '../services.ts';
import { errors, json } from './responses.ts';

const tags = ['evaluations'];

const PreviousIndicator = z
  .object({
    previousIndex: z.number().int(),
    previousName: z.string(),
    previousTarget: z.string().nullable(),
    previousActual: z.string().nullable(),
    previousScore: z.number().nullable(),
    matchedBy: z.enum(['id', 'name']),
  })
  .openapi('PreviousIndicator');

export const PreviousYear = z
  .object({
    previous: z
      .object({
        id: z.string(),
        year: z.number().int(),
        project: z.string(),
        status: Status,
        via: z.enum(['copy', 'name']),
        indicators: z.array(
          z.object({
            index: z.number().int(),
            id: z.string().nullable(),
            category: z.string().nullable(),
            subcategory: z.string().nullable(),
            name: z.string(),
            target: z.string().nullable(),
            actual: z.string().nullable(),
            weight: z.number().nullable(),
            score: z.number().nullable(),
          }),
        ),
      })
      .nullable(),
    indicators: z.array(PreviousIndicator.nullable()),
  })
  .openapi('PreviousYear');

export const EvaluationRechecks = z
  .object({
    draws: z.array(
      z.object({
        drawId: z.string(),
        year: z.number().int(),
        drawnAt: z.string(),
        evaluationVersion: z.number().int(),
        complete: z.boolean(),
        selfTotal: z.number(),
        recheckTotal: z.number().nullable(),
        gap: z.number().nullable(),
        indicators: z.array(z.object({ index: z.number().int(), selfScore: z.number().nullable(), recheckScore: z.number().nullable(), reason: z.string().nullable() })),
      }),
    ),
  })
  .openapi('EvaluationRechecks');

export function lineageRoutes(app: OpenAPIHono<AppEnv>, services: Services): void {
  app.openapi(
    createRoute({
      method: 'get', path: '/api/evaluations/{id}/previous-year', tags,
      summary: 'Last year’s evaluation of the project and, per indicator of this one, last year’s target, actual and score (matched by id, else by words)',
      request: { params: IdParams },
      responses: { 200: json(PreviousYear, 'last year, or previous: null'), ...errors(401, 404) },
    }),
    async (c) => c.json(await services.lineage.previousYear(requireUser(c), c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/api/evaluations/{id}/recheck-scores', tags,
      summary: 'The re-check scores of the form per draw that drew it (the unit sees a draw once its form is re-checked in full)',
      request: { params: IdParams },
      responses: { 200: json(EvaluationRechecks, 'draws with scores'), ...errors(401, 404) },
    }),
    async (c) => c.json(await services.lineage.recheckScores(requireUser(c), c.req.valid('param').id), 200),
  );
}
