/**
 * The zod schemas of the follow-up routes (issue 17; docs/api.md, "After the review"): rectification
 * items (整改), results application (结果应用) and the year's results report. Requests, answers, OpenAPI.
 */
import { z } from '@hono/zod-openapi';
import { RECTIFICATION_FILTERS, RECTIFICATION_STATUSES, RESULTS_CATEGORIES } from '../core/followup/rectification.ts';
import { FiscalYear, PageQuery, Unit } from './api-schemas.ts';

const year = FiscalYear;
const person = z.object({ username: z.string(), displayName: z.string() });
/** A calendar day, YYYY-MM-DD, that exists. */
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD')
  .refine((text) => {
    const time = Date.parse(`${text}T00:00:00Z`);
    // Month 13 is no date at all (toISOString would throw); 02-30 is read as March: both refused.
    return Number.isFinite(time) && new Date(time).toISOString().startsWith(text);
  }, { message: 'no such day' });
const text = (max: number) => z.string().trim().min(1).max(max);

export const RectificationStatus = z.enum(RECTIFICATION_STATUSES).openapi('RectificationStatus');
export const ResultsCategory = z.enum(RESULTS_CATEGORIES).openapi('ResultsCategory');

export const RaiseRectificationBody = z.object({
  problem: text(2000),
  requirement: text(2000),
  dueDate: day,
  /** The indicator's lineage id (`indicators[].id` of the form); absent: the item is on the whole form. */
  indicator: z.string().min(1).max(100).optional(),
  /** The re-check draw whose result the item comes from (the form must be in its sample). */
  recheckDraw: z.string().min(1).max(100).optional(),
});
export const AnswerRectificationBody = z.object({
  measures: text(5000),
  /** Ids of the form's evidence files (uploaded with POST /api/evaluations/:id/evidence) the answer cites. */
  evidence: z.array(z.string().min(1).max(100)).max(50).default([]),
  /** The item's version as read: a stale answer is 409. */
  version: z.number().int().min(1).optional(),
});
export const AcceptRectificationBody = z.object({ comment: z.string().trim().max(2000).optional(), version: z.number().int().min(1).optional() });
export const SendBackRectificationBody = z.object({ reason: text(2000), version: z.number().int().min(1).optional() });

export const RectificationListQuery = z.object({
  year: year.optional(),
  /** A unit's id. */
  unit: z.string().max(100).optional(),
  status: z.enum(RECTIFICATION_FILTERS).optional(),
  lang: z.enum(['zh', 'en']).optional(),
  ...PageQuery,
});
export const RectificationExportQuery = RectificationListQuery.omit({ limit: true, offset: true });
export const RectificationParams = z.object({ id: z.string().min(1).max(100) });

export const Rectification = z
  .object({
    id: z.string(),
    evaluationId: z.string(),
    year: z.number().int(),
    unit: Unit,
    project: z.string(),
    projectCode: z.string().nullable(),
    indicator: z.object({ id: z.string(), name: z.string() }).nullable(),
    recheckDraw: z.string().nullable(),
    problem: z.string(),
    requirement: z.string(),
    dueDate: z.string(),
    status: RectificationStatus,
    overdue: z.boolean().openapi({ description: 'still open after its due date (the bureau’s calendar day)' }),
    measures: z.string().nullable(),
    evidence: z.array(z.object({ id: z.string(), fileName: z.string() })),
    sendBackReason: z.string().nullable(),
    raisedBy: person,
    raisedAt: z.string(),
    answeredBy: person.nullable(),
    answeredAt: z.string().nullable(),
    closedBy: person.nullable(),
    closedAt: z.string().nullable(),
    version: z.number().int(),
    /** What the requesting user may do with it now. */
    allowedActions: z.array(z.enum(['answer', 'accept', 'send-back'])),
  })
  .openapi('Rectification');

/** The items on a form, and those its project's earlier forms left unclosed (a reminder on next year's form). */
export const FormRectifications = z
  .object({ items: z.array(Rectification), earlier: z.array(Rectification), mayRaise: z.boolean() })
  .openapi('FormRectifications');

export const FollowupAuditEntry = z
  .object({ at: z.string(), user: person, action: z.string(), comment: z.string().nullable(), changes: z.record(z.string(), z.unknown()) })
  .openapi('FollowupAuditEntry');

export const ResultsApplicationBody = z.object({
  category: ResultsCategory,
  text: text(5000),
  /** The record's version as read (absent when there is none yet): a stale write is 409. */
  version: z.number().int().min(1).optional(),
});
const resultsApplicationShape = z.object({
  evaluationId: z.string(),
  year: z.number().int(),
  category: ResultsCategory,
  text: z.string(),
  version: z.number().int(),
  recordedBy: person,
  recordedAt: z.string(),
});
export const ResultsApplication = resultsApplicationShape.openapi('ResultsApplication');
/** Unnamed shape where null is allowed (see api-schemas.ts on zod-to-openapi and nullable components). */
export const ResultsApplicationAnswer = z.object({ application: resultsApplicationShape.nullable() }).openapi('ResultsApplicationAnswer');

export const ReportParams = z.object({ year });
export const ReportQuery = z.object({ lang: z.enum(['zh', 'en']).optional() });
