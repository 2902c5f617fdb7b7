/** The zod schemas of the re-check routes (docs/api.md, "Re-check"): requests, answers, OpenAPI. */
import { z } from '@hono/zod-openapi';
import { hundredthsOfNumber } from '../core/numbers/hundredths.ts';
import { FiscalYear, PageQuery } from './api-schemas.ts';
import { FIRST_FISCAL_YEAR, LAST_FISCAL_YEAR } from '../core/model/fiscal-year.ts';
import { Status, Unit } from './api-schemas.ts';

const points = z.number().min(0).max(1000);
const person = z.object({ username: z.string(), displayName: z.string() });

export const DrawBody = z.object({
  year: z.number().int().min(FIRST_FISCAL_YEAR).max(LAST_FISCAL_YEAR),
  /** Any text up to 64 characters (a number is taken as its digits); without it the server picks one. */
  seed: z.union([z.string().trim().min(1).max(64), z.number().int().nonnegative()]).transform(String).optional(),
  /** Percent: at least this share of each stratum (and of the year) is drawn, at least one per stratum. */
  minimumShare: z.number().gt(0).max(100).refine((n) => hundredthsOfNumber(n) !== null, { message: 'at most 2 decimals' }).optional(),
  /** Points: a form whose total gap is larger than this is flagged in the report. */
  flagThreshold: points.optional(),
});

export const ScoresBody = z.object({
  scores: z
    .array(z.object({ indicator: z.number().int().min(0), score: z.number(), reason: z.string().max(10_000).nullable().optional() }))
    .min(1)
    .max(1000),
});

export const RecheckListQuery = z.object({ year: FiscalYear.optional(), lang: z.enum(['zh', 'en']).optional(), ...PageQuery });
/** The years with something to re-check or look at, newest first. */
export const RecheckYears = z
  .object({
    years: z.array(
      z.object({
        year: z.number().int(),
        forms: z.number().int().openapi({ description: 'approved and published forms of the year (what a draw draws from)' }),
        draws: z.number().int().openapi({ description: 'draws made of the year' }),
      }),
    ),
  })
  .openapi('RecheckYears');
export const ReportQuery = z.object({ threshold: z.coerce.number().min(0).max(1000).optional(), lang: z.enum(['zh', 'en']).optional() });
export const RecheckParams = z.object({ id: z.string().min(1).max(100) });
export const RecheckEvaluationParams = z.object({ id: z.string().min(1).max(100), evaluationId: z.string().min(1).max(100) });

export const RecheckDraw = z
  .object({
    id: z.string(),
    year: z.number().int(),
    seed: z.string(),
    parameters: z.object({
      minimumShare: z.number(),
      flagThreshold: z.number(),
      bands: z.array(z.object({ key: z.string(), from: z.string(), label: z.string() })),
    }),
    population: z.number().int(),
    drawn: z.number().int(),
    strata: z.array(z.object({ unit: Unit, band: z.string(), bandLabel: z.string(), population: z.number().int(), evaluationIds: z.array(z.string()) })),
    drawnBy: person,
    drawnAt: z.string(),
  })
  .openapi('RecheckDraw');

export const RecheckForm = z
  .object({
    id: z.string(),
    unit: Unit,
    project: z.string(),
    template: z.string(),
    status: Status,
    version: z.number().int(),
    score: z.number(),
    budget: z.string().nullable(),
    complete: z.boolean(),
    indicators: z.array(
      z.object({
        index: z.number().int(),
        category: z.string().nullable(),
        name: z.string(),
        target: z.string().nullable(),
        actual: z.string().nullable(),
        weight: z.number().nullable(),
        selfScore: z.number().nullable(),
        recheckScore: z.number().nullable(),
        reason: z.string().nullable(),
      }),
    ),
  })
  .openapi('RecheckForm');

export const RecheckDetail = RecheckDraw.extend({
  evaluations: z.array(RecheckForm).openapi({ description: 'one page of the drawn forms, in draw order' }),
  evaluationsTotal: z.number().int().openapi({ description: 'the forms drawn, all pages' }),
  limit: z.number().int(),
  offset: z.number().int(),
}).openapi('RecheckDetail');

const summary = {
  drawn: z.number().int(),
  rechecked: z.number().int(),
  flagged: z.number().int(),
  meanGap: z.number().nullable(),
  meanAbsoluteGap: z.number().nullable(),
  maxGap: z.number().nullable(),
};

export const RecheckReport = z
  .object({
    drawId: z.string(),
    year: z.number().int(),
    seed: z.string(),
    threshold: z.number(),
    overall: z.object(summary),
    units: z.array(z.object({ unit: Unit, ...summary })),
    forms: z.array(
      z.object({
        evaluationId: z.string(),
        unit: Unit,
        project: z.string(),
        complete: z.boolean(),
        selfTotal: z.number(),
        recheckTotal: z.number().nullable(),
        gap: z.number().nullable(),
        flagged: z.boolean(),
        indicators: z.array(
          z.object({
            index: z.number().int(),
            category: z.string().nullable(),
            name: z.string(),
            weight: z.number().nullable(),
            selfScore: z.number().nullable(),
            recheckScore: z.number().nullable(),
            gap: z.number().nullable(),
            reason: z.string().nullable(),
          }),
        ),
      }),
    ),
  })
  .openapi('RecheckReport');

export const RecheckAudit = z
  .object({
    id: z.number().int(),
    evaluationId: z.string().nullable(),
    at: z.string(),
    user: person,
    action: z.string(),
    comment: z.string().nullable(),
    changes: z.array(z.object({ path: z.string(), from: z.unknown(), to: z.unknown() })),
  })
  .openapi('RecheckAuditEntry');
