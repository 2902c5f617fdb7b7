/** The zod schemas of evidence files (佐证材料; docs/api.md, "Evidence files"). */
import { z } from '@hono/zod-openapi';

const person = z.object({ username: z.string(), displayName: z.string() });
const sha256 = z.string().openapi({ description: 'SHA-256 hex of the file' });

export const EvidenceParams = z.object({
  id: z.string().min(1).max(100),
  fileId: z.string().min(1).max(100),
});

/** A file as a frozen version lists it. */
export const FrozenEvidence = z
  .object({ id: z.string(), fileName: z.string(), sha256, size: z.number().int(), indicatorId: z.string().nullable() })
  .openapi('FrozenEvidence');

const EvidenceIndicator = z
  .object({
    id: z.string().openapi({ description: 'the indicator’s lineage id' }),
    index: z.number().int().nullable().openapi({ description: 'its position in the form (from 0); null when the form no longer has it' }),
    name: z.string().nullable(),
  })
  .nullable()
  .openapi({ description: 'the indicator the file belongs to; null: the whole form' });

export const PublicEvidenceItem = z
  .object({ id: z.string(), fileName: z.string(), mediaType: z.string(), size: z.number().int(), sha256, indicator: EvidenceIndicator })
  .openapi('PublicEvidenceItem');

export const EvidenceItem = PublicEvidenceItem.extend({
  uploadedBy: person,
  uploadedAt: z.string(),
  public: z.boolean().openapi({ description: 'marked public by the reviewer: downloadable by anyone once the form is published' }),
  frozenIn: z.array(z.number().int()).openapi({ description: 'the numbers of the frozen versions that list the file (then it cannot be removed)' }),
}).openapi('EvidenceItem');

export const EvidenceList = z
  .object({
    items: z.array(EvidenceItem),
    canAttach: z.boolean().openapi({ description: 'the user may upload and remove files now' }),
    canMarkPublic: z.boolean(),
    limits: z.object({ maxBytes: z.number().int(), maxFiles: z.number().int() }),
  })
  .openapi('EvidenceList');

export const EvidenceUploadBody = z.object({
  file: z.any().openapi({ type: 'string', format: 'binary' }),
  indicatorId: z.string().max(100).optional().openapi({ description: 'the lineage id of the indicator the file belongs to; absent: the whole form' }),
});

export const EvidencePublicBody = z.object({ public: z.boolean() });
