/**
 * The import preview of an uploaded file (multipart `file`); nothing is saved. The upload is
 * streamed to disk as it arrives (not parsed into memory by a validator: the route is declared in
 * the OpenAPI document and served by a plain handler), read in the reader pool, then deleted.
 * The targets or monitoring documents of a preview are saved with POST /api/import/cycle.
 */
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { LangQuery, UploadBody } from '../api-schemas.ts';
import { CycleImportBody, CycleImportResult, ImportPreview } from '../cycle-schemas.ts';
import type { AppEnv } from '../app-env.ts';
import { requireUser } from '../middleware/session.ts';
import { requestLang } from '../request-lang.ts';
import type { Services } from '../services.ts';
import { errors, json } from './responses.ts';
import { spoolUpload, uploadMiddleware } from './upload.ts';

export function importRoutes(app: OpenAPIHono<AppEnv>, services: Services, options: { maxUploadBytes: number }): void {
  app.openAPIRegistry.registerPath({
    method: 'post', path: '/api/import', tags: ['import'],
    summary: 'Read an uploaded PDF, text (UTF-8, GB18030, UTF-16), XLSX, DOCX, HTML or interchange JSON file into evaluations, or into targets or monitoring documents (`cycle`), with the checks: a preview, nothing is saved',
    request: { query: LangQuery, body: { content: { 'multipart/form-data': { schema: UploadBody } }, required: true } },
    responses: {
      200: json(ImportPreview, 'the forms read and the diagnostics'),
      ...errors(400, 401, 403, 413, 415, 422, 429),
    },
  });
  const [signedIn, sizeCap] = uploadMiddleware(options.maxUploadBytes) as [MiddlewareHandler<AppEnv>, MiddlewareHandler<AppEnv>];
  app.post('/api/import', signedIn, sizeCap, async (c) => {
    const user = requireUser(c);
    const upload = await spoolUpload(c, options.maxUploadBytes);
    try {
      return c.json(await services.imports.preview(user, upload, requestLang(c)), 200);
    } finally {
      await upload.remove();
    }
  });

  app.openapi(
    createRoute({
      method: 'post', path: '/api/import/cycle', tags: ['import'],
      summary: 'Save the targets or monitoring documents of an import preview as drafts of the preparer’s unit, each on its own: one the unit already has (409 ALREADY_EXISTS) or that fails the format (400) is reported at its index, the others saved',
      request: { query: LangQuery, body: { content: { 'application/json': { schema: CycleImportBody } }, required: true } },
      responses: { 200: json(CycleImportResult, 'what became of each document'), ...errors(400, 401, 403) },
    }),
    async (c) => {
      const { kind, documents } = c.req.valid('json');
      return c.json(await services[kind].importMany(requireUser(c), documents, requestLang(c)), 200);
    },
  );
}
