/** The zod schemas of the cycle's targets and monitoring routes (docs/api.md, "The cycle: targets and monitoring"). */
import { z } from '@hono/zod-openapi';
import { monitoringSchema } from '../core/model/monitoring.ts';
import { targetsSchema } from '../core/model/targets.ts';
import { CYCLE_ACTIONS, CYCLE_STATUSES, CYCLE_TRANSITIONS, type CycleKind } from '../core/workflow/cycle-workflow.ts';
import { ApiErrorBody, EvaluationImportPreview, FiscalYear, Finding, PageQuery, Paged, Unit } from './api-schemas.ts';

// Built before @hono/zod-openapi extends zod: named through zod's own metadata (as the evaluation is).
export const TargetsDocument = targetsSchema.meta({ id: 'Targets', description: 'jixiao/targets@1' });
export const MonitoringDocument = monitoringSchema.meta({ id: 'Monitoring', description: 'jixiao/monitoring@1' });
export const CycleStatus = z.enum(CYCLE_STATUSES).openapi('CycleStatus');
export const CycleAction = z.enum(CYCLE_ACTIONS).openapi('CycleAction');

const person = z.object({ username: z.string(), displayName: z.string() });
const hash = z.string().openapi({ description: 'SHA-256 hex of the canonical JSON (keys sorted) of the document' });

/** The schemas of one kind: its document under its own key (`targets`, `monitoring`), as the evaluation's is under `evaluation`. */
export function cycleSchemas(kind: CycleKind) {
  const Document = kind === 'targets' ? TargetsDocument : MonitoringDocument;
  const Name = kind === 'targets' ? 'Targets' : 'Monitoring';
  const Summary = z
    .object({
      id: z.string(), unit: Unit, year: z.number().int(), projectCode: z.string(), project: z.string(), template: z.string(),
      status: CycleStatus, version: z.number().int(), updatedAt: z.string(),
      approved: z.boolean().openapi({ description: 'targets: an approved version exists (what a self-evaluation is made from)' }),
    })
    .openapi(`${Name}Summary`);
  const Detail = z
    .object({
      id: z.string(), version: z.number().int(), status: CycleStatus, unit: Unit,
      [kind]: Document,
      findings: z.array(Finding),
      allowedActions: z.array(CycleAction),
      returnReason: z.string().nullable(),
      adjustmentReason: z.string().nullable().openapi({ description: 'targets: the unit’s reason while an adjustment (目标调整) is under way' }),
      contentHash: hash,
      approvedVersion: z.number().int().nullable().openapi({ description: 'targets: the number of the newest approved version, which self-evaluations are checked against' }),
      evaluationId: z.string().nullable().openapi({ description: 'targets: the self-evaluation made from them' }),
    })
    .openapi(`${Name}Detail`);
  const VersionItem = z
    .object({
      number: z.number().int(), action: z.enum(['submit', 'approve', 'accept']), status: CycleStatus, contentHash: hash,
      reason: z.string().nullable().openapi({ description: 'an approved adjustment’s reason' }), frozenBy: person, frozenAt: z.string(), intact: z.boolean(),
    })
    .openapi(`${Name}Version`);
  const VersionDetail = VersionItem.extend({ recomputedHash: hash, [kind]: Document }).openapi(`${Name}VersionDetail`);
  return {
    Summary,
    Page: Paged(Summary, `${Name}Page`),
    Detail,
    VersionItem,
    VersionDetail,
    CreateBody: z.object({ [kind]: Document }),
    UpdateBody: z.object({ version: z.number().int().positive(), [kind]: Document }),
    Saved: z.object({ version: z.number().int(), findings: z.array(Finding) }),
    Created: z.object({ id: z.string(), version: z.number().int(), findings: z.array(Finding) }),
    TransitionBody: z.object({
      action: z.enum(CYCLE_TRANSITIONS),
      comment: z.string().max(10000).optional(),
      version: z.number().int().positive().openapi({ description: 'the version the actor is looking at: a stale one is 409 VERSION_CONFLICT' }),
    }),
  };
}

export const CycleListQuery = z.object({
  year: FiscalYear.optional(),
  unit: z.string().max(100).optional(),
  status: z.enum(CYCLE_STATUSES).optional(),
  code: z.string().max(1000).optional().openapi({ description: '项目代码: the project’s document' }),
  needsMyAction: z
    .enum(['0', '1', 'true', 'false'])
    .transform((v) => v === '1' || v === 'true')
    .optional()
    .openapi({ type: 'string', enum: ['0', '1', 'true', 'false'], description: 'only what waits for the user’s role now (待我处理)' }),
  ...PageQuery,
});

const UnitMismatch = z.object({ file: z.string(), unit: z.string(), department: z.string().nullable() }).nullable();

/** POST /api/import: the evaluations read, or the targets or monitoring forms (`cycle`) of the file. */
export const ImportPreview = EvaluationImportPreview.extend({
  cycle: z
    .object({
      kind: z.enum(['targets', 'monitoring']),
      documents: z.array(z.object({
        document: z.union([TargetsDocument, MonitoringDocument]),
        findings: z.array(Finding),
        start: z.string().openapi({ description: 'where the document starts: "page 1", "sheet 表1", or its place in a JSON file, "targets[0]"' }),
        unitMismatch: UnitMismatch,
        existing: z.object({ id: z.string() }).nullable().openapi({ description: 'the unit already has this kind of document for the project and year: saving it is 409 ALREADY_EXISTS' }),
      })),
    })
    .nullable()
    .openapi({ description: 'a file of targets declarations (绩效目标申报表) or monitoring forms (绩效目标执行监控表), recognised by their titles, or an interchange JSON file of them; null otherwise' }),
}).openapi('ImportPreview');

export const CycleImportBody = z.object({
  kind: z.enum(['targets', 'monitoring']),
  documents: z.array(z.unknown()).min(1).max(200).openapi({ description: 'the documents of the preview to save, each checked on its own against the format' }),
});

export const CycleImportResult = z
  .object({
    created: z.number().int(),
    results: z.array(z.object({
      index: z.number().int(),
      status: z.number().int().openapi({ description: '201 created; else the status a POST /api/targets (or /api/monitoring) of it alone answers: 400 VALIDATION, 409 ALREADY_EXISTS …' }),
      id: z.string().nullable(),
      findings: z.array(Finding),
      error: ApiErrorBody.shape.error.nullable(),
      existing: z.object({ id: z.string() }).nullable(),
    })),
  })
  .openapi('CycleImportResult');
