/** The zod schemas of frozen versions, the diff and soft delete (docs/api.md, "Versions and deletion"). */
import { z } from '@hono/zod-openapi';
import { EvaluationDocument, Status, Summary } from './api-schemas.ts';
import { FrozenEvidence } from './evidence-schemas.ts';

const person = z.object({ username: z.string(), displayName: z.string() });
const hash = z.string().openapi({ description: 'SHA-256 hex of the canonical JSON (keys sorted) of the document' });

export const VersionParams = z.object({
  id: z.string().min(1).max(100),
  number: z.coerce.number().int().min(1).max(1_000_000).openapi({ description: 'the version number, from 1' }),
});

/** `N` (a version number) or `current` (the form as it is now). */
const ref = z
  .string()
  .regex(/^([1-9]\d{0,5}|current)$/u, { message: 'expected a version number (1, 2, …) or "current"' })
  .transform((s) => (s === 'current' ? ('current' as const) : Number(s)));

export const DiffQuery = z.object({ from: ref, to: ref });

export const VersionSummary = z
  .object({
    number: z.number().int(),
    action: z.enum(['submit', 'approve']),
    status: Status,
    contentHash: hash,
    frozenBy: person,
    frozenAt: z.string(),
    // issue 14: the evidence files frozen with the version.
    evidence: z.array(FrozenEvidence).nullable().openapi({ description: 'the evidence files attached when the version was frozen; null in versions frozen before evidence files existed' }),
    evidenceHash: hash.nullable().openapi({ description: 'SHA-256 hex of the canonical JSON of `evidence`' }),
    evidenceIntact: z.boolean().nullable().openapi({ description: 'the stored list still hashes to evidenceHash' }),
  })
  .openapi('VersionSummary');

export const VersionListItem = VersionSummary.extend({
  intact: z.boolean().openapi({ description: 'the stored document still hashes to contentHash' }),
  sameAs: z.number().int().nullable().openapi({ description: 'the latest earlier version with the same content, if any' }),
}).openapi('VersionListItem');

export const VersionDetail = VersionSummary.extend({
  recomputedHash: hash,
  intact: z.boolean(),
  evaluation: EvaluationDocument,
}).openapi('VersionDetail');

export const NamedChange = z
  .object({
    path: z.string(),
    from: z.unknown(),
    to: z.unknown(),
    indicator: z.object({ index: z.number().int(), name: z.string() }).optional(),
  })
  .openapi('FieldChange');

const DiffSide = z.object({
  number: z.union([z.number().int(), z.literal('current')]),
  status: Status,
  contentHash: hash,
  frozenAt: z.string().nullable(),
});

export const VersionDiff = z.object({ from: DiffSide, to: DiffSide, changes: z.array(NamedChange) }).openapi('VersionDiff');

export const DeletedSummary = Summary.extend({ deletedAt: z.string(), deletedBy: person.nullable() }).openapi('DeletedSummary');
