/** The import preview of an uploaded file (multipart `file`); nothing is saved. */
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { ImportPreview, LangQuery, UploadBody } from '../api-schemas.ts';
import type { AppEnv } from '../app-env.ts';
import { requestLang } from '../request-lang.ts';
import type { Services } from '../services.ts';
import { errors, json } from './responses.ts';
import { uploadedFile, uploadMiddleware } from './upload.ts';

export function importRoutes(app: OpenAPIHono<AppEnv>, services: Services, options: { maxUploadBytes: number }): void {
  app.openapi(
    createRoute({
      method: 'post', path: '/api/import', tags: ['import'],
      summary: 'Read an uploaded PDF, text or XLSX file into evaluations, with the checks: a preview, nothing is saved',
      middleware: uploadMiddleware(options.maxUploadBytes),
      request: { query: LangQuery, body: { content: { 'multipart/form-data': { schema: UploadBody } }, required: true } },
      responses: { 200: json(ImportPreview, 'the forms read and the diagnostics'), ...errors(400, 401, 403, 413, 415) },
    }),
    async (c) => c.json(await services.imports.preview(await uploadedFile(c.req.valid('form') as { file?: unknown }), requestLang(c)), 200),
  );
}
