/** The import preview of an uploaded file (multipart `file`); nothing is saved. */
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { ImportPreview, LangQuery, UploadBody } from '../api-schemas.ts';
import { ApiError } from '../api-error.ts';
import type { AppEnv } from '../app-env.ts';
import { requireUser } from '../middleware/session.ts';
import { requestLang } from '../request-lang.ts';
import type { Services } from '../services.ts';
import { errors, json } from './responses.ts';

export function importRoutes(app: OpenAPIHono<AppEnv>, services: Services, options: { maxUploadBytes: number }): void {
  const maxMb = Math.round(options.maxUploadBytes / 1048576);
  app.openapi(
    createRoute({
      method: 'post', path: '/api/import', tags: ['import'],
      summary: 'Read an uploaded PDF, text or XLSX file into evaluations, with the checks: a preview, nothing is saved',
      // Logged in first, then the size cap before the body is read into memory.
      middleware: [
        async (c, next) => { requireUser(c); await next(); },
        bodyLimit({ maxSize: options.maxUploadBytes, onError: () => { throw new ApiError(413, 'FILE_TOO_LARGE', { params: { maxMb } }); } }),
      ] as const,
      request: { query: LangQuery, body: { content: { 'multipart/form-data': { schema: UploadBody } }, required: true } },
      responses: { 200: json(ImportPreview, 'the forms read and the diagnostics'), ...errors(400, 401, 403, 413, 415) },
    }),
    async (c) => {
      const { file } = c.req.valid('form') as { file: unknown };
      if (!(file instanceof File)) {
        throw new ApiError(400, 'FILE_REQUIRED', { issues: [{ path: 'file', message: 'expected a file upload in the form field "file"' }] });
      }
      const bytes = new Uint8Array(await file.arrayBuffer());
      return c.json(await services.imports.preview({ name: file.name || 'upload', bytes }, requestLang(c)), 200);
    },
  );
}
