/**
 * Evidence files (佐证材料) of an evaluation: list, upload (multipart, streamed to disk as it arrives
 * and refused past the size limit, as the import's upload is), download, soft removal, the
 * reviewer's public mark, and the public download of a published form's public files.
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import { contentDisposition } from '../../core/evidence/file-name.ts';
import { IdParams } from '../api-schemas.ts';
import { ApiError } from '../api-error.ts';
import type { AppEnv } from '../app-env.ts';
import { EvidenceItem, EvidenceList, EvidenceParams, EvidencePublicBody, EvidenceUploadBody } from '../evidence-schemas.ts';
import { requireUser } from '../middleware/session.ts';
import type { Services } from '../services.ts';
import type { EvidenceDownload } from '../services/evidence-service.ts';
import { binary, errors, json } from './responses.ts';
import { spoolUpload, uploadMiddleware } from './upload.ts';

const tags = ['evidence'];

/** The upload's path: the JSON body limit does not apply to it (app.ts). */
export const EVIDENCE_UPLOAD_PATH = /^\/api\/evaluations\/[^/]+\/evidence$/u;

/** Multipart framing around the file (boundaries, headers, the indicatorId field). */
const MULTIPART_OVERHEAD = 64 * 1024;

export function evidenceRoutes(app: OpenAPIHono<AppEnv>, services: Services): void {
  const { maxBytes } = services.evidence.options;

  app.openapi(
    createRoute({
      method: 'get', path: '/api/evaluations/{id}/evidence', tags, summary: 'The evidence files of the form and its indicators, with who uploaded them and when',
      request: { params: IdParams },
      responses: { 200: json(EvidenceList, 'the files'), ...errors(401, 404) },
    }),
    async (c) => c.json(await services.evidence.list(requireUser(c), c.req.valid('param').id), 200),
  );

  app.openAPIRegistry.registerPath({
    method: 'post', path: '/api/evaluations/{id}/evidence', tags,
    summary: 'Attach a file (PDF, image, Office document; type from its bytes) to the form or one indicator: the unit’s preparer and approver, draft or returned, or any status while a rectification item of the form is open',
    request: { params: IdParams, body: { content: { 'multipart/form-data': { schema: EvidenceUploadBody } }, required: true } },
    responses: { 201: json(EvidenceItem, 'the file attached'), ...errors(400, 401, 403, 404, 409, 413, 415, 422) },
  });
  const [signedIn, sizeCap] = uploadMiddleware(maxBytes + MULTIPART_OVERHEAD) as [MiddlewareHandler<AppEnv>, MiddlewareHandler<AppEnv>];
  // Access first (before the size cap reads a Content-Length or a byte): nobody's bytes are taken for a form they may not attach to.
  const mayAttach: MiddlewareHandler<AppEnv> = async (c, next) => {
    const id = c.req.param('id') ?? '';
    if (id.length > 100) throw new ApiError(404, 'NOT_FOUND');
    await services.evidence.mayAttach(requireUser(c), id);
    await next();
  };
  app.post('/api/evaluations/:id/evidence', signedIn, mayAttach, sizeCap, async (c) => {
    const user = requireUser(c);
    const id = c.req.param('id');
    // busboy stops a file that reaches its limit: one byte more lets a file of exactly maxBytes through (the service checks the size).
    const upload = await spoolUpload(c, maxBytes + 1);
    try {
      const indicatorId = upload.fields['indicatorId']?.trim() || null;
      return c.json(await services.evidence.upload(user, id, upload, indicatorId), 201);
    } finally {
      await upload.remove();
    }
  });

  app.openapi(
    createRoute({
      method: 'get', path: '/api/evaluations/{id}/evidence/{fileId}', tags, summary: 'Download an evidence file (whoever may see the form)',
      request: { params: EvidenceParams },
      responses: { 200: binary('application/octet-stream', 'the file, as an attachment, with the type told from its bytes'), ...errors(401, 404) },
    }),
    async (c) => {
      const user = requireUser(c);
      const { id, fileId } = c.req.valid('param');
      const file = await services.evidence.download(user, id, fileId);
      if (!file.public) await services.security.downloaded(user, 'evidence', { evaluationId: id, fileId }, c.get('clientAddress'));
      return sendFile(c, file);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete', path: '/api/evaluations/{id}/evidence/{fileId}', tags, summary: 'Remove an evidence file no version has frozen and no rectification answer cites (the unit, draft or returned or while a rectification item is open; soft, audited)',
      request: { params: EvidenceParams },
      responses: { 204: { description: 'removed' }, ...errors(401, 403, 404, 409) },
    }),
    async (c) => {
      const { id, fileId } = c.req.valid('param');
      await services.evidence.remove(requireUser(c), id, fileId);
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/api/evaluations/{id}/evidence/{fileId}/public', tags, summary: 'Mark an evidence file public or not (the finance reviewer): public files of a published form are anyone’s to download',
      request: { params: EvidenceParams, body: { content: { 'application/json': { schema: EvidencePublicBody } }, required: true } },
      responses: { 200: json(EvidenceItem, 'the file'), ...errors(400, 401, 403, 404) },
    }),
    async (c) => {
      const { id, fileId } = c.req.valid('param');
      return c.json(await services.evidence.setPublic(requireUser(c), id, fileId, c.req.valid('json').public), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/api/public/evaluations/{id}/evidence/{fileId}', tags: ['public'], summary: 'Download a public evidence file of a published form',
      request: { params: EvidenceParams },
      responses: { 200: binary('application/octet-stream', 'the file, as an attachment'), ...errors(404) },
    }),
    async (c) => {
      const { id, fileId } = c.req.valid('param');
      return sendFile(c, await services.evidence.publicDownload(id, fileId));
    },
  );
}

/**
 * An evidence file goes out as an attachment with the type told from its bytes, never sniffed by
 * the browser, never rendered in the app's origin (a sandbox policy), and never cached.
 */
function sendFile(c: Context<AppEnv>, file: EvidenceDownload): Response {
  return c.body(new Uint8Array(file.bytes), 200, {
    'Content-Type': file.mediaType,
    'Content-Disposition': contentDisposition(file.fileName),
    'Content-Length': String(file.bytes.byteLength),
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'private, no-store',
  });
}

export type EvidenceListAnswer = z.infer<typeof EvidenceList>;
