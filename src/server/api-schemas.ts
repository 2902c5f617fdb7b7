/** The zod schemas of the HTTP API (docs/api.md, "Types"): they validate requests and generate /api/openapi.json. */
import { z } from '@hono/zod-openapi';
import { PublicEvidenceItem } from './evidence-schemas.ts';
import { evaluationSchema } from '../core/model/evaluation.ts';
import { FIRST_FISCAL_YEAR, LAST_FISCAL_YEAR } from '../core/model/fiscal-year.ts';
import { ACTIONS, ROLES, STATUSES, TRANSITION_ACTIONS } from '../core/workflow/workflow.ts';

// The core's schema is built before @hono/zod-openapi extends zod (no `.openapi` on it); zod's own
// metadata names it as a component all the same.
export const EvaluationDocument = evaluationSchema.meta({ id: 'Evaluation', description: 'jixiao/evaluation@1' });
export const Status = z.enum(STATUSES).openapi('Status');
export const Action = z.enum(ACTIONS).openapi('Action');
/**
 * `X.nullable()` of a named component is written wrongly by zod-to-openapi 9: met first, it marks the
 * component itself nullable (every `unit` would read `Unit | null`); met later, it is
 * `allOf: [$ref, {nullable: true}]`, which generated clients read as the component, null lost. Where a
 * component may be null, its unnamed shape is used instead: `{type: object, nullable: true, …}`.
 */
const unitShape = z.object({ id: z.string(), name: z.string() });
export const Unit = unitShape.openapi('Unit');
export const Role = z.enum(ROLES).openapi('Role');
export const User = z
  .object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    role: Role,
    unit: unitShape.nullable(),
    mustChangePassword: z.boolean().openapi({ description: 'a one-time password was given: every other route answers 403 PASSWORD_CHANGE_REQUIRED until POST /api/me/password' }),
  })
  .openapi('User');

export const Finding = z
  .object({
    code: z.string(),
    severity: z.enum(['error', 'warning']),
    path: z.string(),
    message: z.string(),
    messages: z.object({ zh: z.string(), en: z.string() }),
  })
  .openapi('Finding');

const computedShape = z.object({
  weight: z.number(),
  score: z.number(),
  grade: z.string(),
  executionRate: z.string().nullable(),
  executionScore: z.number().nullable(),
  blocks: z.array(z.object({ categories: z.array(z.string()), cap: z.number(), weight: z.number(), score: z.number() })),
  suggestions: z.array(
    z.object({
      basis: z.string(),
      score: z.number().optional(),
      range: z.tuple([z.number(), z.number()]).optional(),
      level: z.string().optional(),
      working: z.string(),
    }),
  ),
});
export const Computed = computedShape.openapi('Computed');

export const Summary = z
  .object({
    id: z.string(),
    year: z.number().int(),
    unit: Unit,
    project: z.string(),
    template: z.string(),
    status: Status,
    version: z.number().int(),
    score: z.number(),
    grade: z.string(),
    executionRate: z.string().nullable(),
    budget: z.string().nullable(),
    updatedAt: z.string(),
  })
  .openapi('Summary');

export const EvaluationDetail = z
  .object({
    id: z.string(),
    version: z.number().int(),
    status: Status,
    unit: Unit,
    evaluation: EvaluationDocument,
    computed: Computed,
    findings: z.array(Finding),
    allowedActions: z.array(Action),
    returnReason: z.string().nullable(),
    approvedTargets: z
      .object({ id: z.string(), version: z.number().int() })
      .nullable()
      .openapi({ description: 'made from targets (POST /api/targets/{id}/evaluation): the targets and the number of their newest approved version, which the checks compare the form with' }),
  })
  .openapi('EvaluationDetail');

export const PublicEvaluation = z
  .object({
    id: z.string(), unit: Unit, evaluation: EvaluationDocument, computed: Computed,
    evidence: z.array(PublicEvidenceItem).openapi({ description: 'the evidence files the reviewer marked public (issue 14)' }),
  })
  .openapi('PublicEvaluation');

export const AuditEntry = z
  .object({
    id: z.number().int(),
    at: z.string(),
    user: z.object({ username: z.string(), displayName: z.string() }),
    action: z.string(),
    comment: z.string().nullable(),
    changes: z.array(z.object({ path: z.string(), from: z.unknown(), to: z.unknown(), indicator: z.object({ index: z.number().int(), name: z.string() }).optional() })),
  })
  .openapi('AuditEntry');

export const ApiErrorBody = z
  .looseObject({
    error: z.object({
      code: z.string(),
      message: z.string(),
      issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    }),
  })
  .openapi('Error');

/** The preview of evaluations; cycle-schemas.ts adds the targets and monitoring read (ImportPreview). */
export const EvaluationImportPreview = z
  .object({
    /** Whose a saved form would be: the user's unit and its department (null: a user without a unit). */
    owner: z.object({ unit: z.string(), department: z.string().nullable() }).nullable(),
    forms: z.array(z.object({
      evaluation: EvaluationDocument, computed: computedShape.nullable(), findings: z.array(Finding), start: z.string(),
      unitMismatch: z.object({ file: z.string(), unit: z.string(), department: z.string().nullable() }).nullable()
        .openapi({ description: 'the file’s 预算单位/主管部门 is neither the user’s unit nor its department (names compared NFKC, without spaces): what the file says and whose the form would be' }),
    })),
    diagnostics: z.array(
      z.object({ severity: z.enum(['error', 'warning', 'info']), code: z.string(), location: z.string().nullable(), path: z.string().nullable(), message: z.string() }),
    ),
  });

// The dashboard's schemas are in dashboard-schemas.ts.

// Requests
export const LoginBody = z.object({ username: z.string().min(1).max(200), password: z.string().min(1).max(1000) });
export const CreateBody = z.object({ evaluation: EvaluationDocument });
export const UpdateBody = z.object({ version: z.number().int().positive(), evaluation: EvaluationDocument });
export const TransitionBody = z.object({
  action: z.enum(TRANSITION_ACTIONS),
  comment: z.string().max(10000).optional(),
  version: z.number().int().positive().openapi({ description: 'the version the actor is looking at: a stale one is 409 VERSION_CONFLICT with the current version, evaluation and status' }),
});
export const IdParams = z.object({ id: z.string().min(1).max(100) });
/** A fiscal year in a path or a query (text coerced); the model's range. */
export const FiscalYear = z.coerce.number().int().min(FIRST_FISCAL_YEAR).max(LAST_FISCAL_YEAR);
const year = FiscalYear.optional();
/** A page is at most this many rows. */
export const MAX_PAGE = 500;
/** One page of a list: `limit` 1–500 (default 50) rows from `offset`. */
export const PageQuery = {
  limit: z.coerce.number().int().min(1).max(MAX_PAGE).default(50),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
};
/** One status, or several separated by commas (`submitted,forwarded`: what waits for the finance bureau). */
const statuses = z
  .string()
  .max(200)
  .transform((text, ctx) => {
    const list = text.split(',').map((s) => s.trim()).filter(Boolean);
    const unknown = list.filter((s) => !(STATUSES as readonly string[]).includes(s));
    if (unknown.length > 0) ctx.addIssue({ code: 'custom', message: `unknown status ${unknown.join(', ')} (known: ${STATUSES.join(', ')})` });
    return list as Array<(typeof STATUSES)[number]>;
  })
  .openapi({ type: 'string', description: 'a status, or several separated by commas' });
/** `needsMyAction=1`: only what waits for the user's role now (the inbox). */
const flag = z.enum(['0', '1', 'true', 'false']).transform((v) => v === '1' || v === 'true');
export const ListQuery = z.object({
  year, status: statuses.optional(), unit: z.string().max(100).optional(),
  needsMyAction: flag.optional().openapi({ type: 'string', enum: ['0', '1', 'true', 'false'], description: 'only what waits for the user’s role now (the inbox)' }),
  ...PageQuery,
});
/** Past this offset the public list asks for a filter (year, unit): a deep page costs a scan, and anyone may ask. */
export const MAX_PUBLIC_OFFSET = 10_000;
export const PublicListQuery = z.object({
  year, unit: z.string().max(100).optional(), limit: PageQuery.limit, offset: z.coerce.number().int().min(0).max(MAX_PUBLIC_OFFSET).default(0),
});

/** A page of a list: `{items, total, limit, offset}`. */
export const Paged = <T extends z.ZodType>(item: T, name: string) =>
  z.object({ items: z.array(item), total: z.number().int().openapi({ description: 'rows on all pages' }), limit: z.number().int(), offset: z.number().int() }).openapi(name);
export const SummaryPage = Paged(Summary, 'SummaryPage');
export const YearQuery = z.object({ year, lang: z.enum(['zh', 'en']).optional() });
export const LangQuery = z.object({ lang: z.enum(['zh', 'en']).optional() });
export const UploadBody = z.object({ file: z.any().openapi({ type: 'string', format: 'binary' }) });
