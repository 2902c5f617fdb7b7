/** OpenAPI response declarations shared by the routes. */
import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { ApiErrorBody } from '../api-schemas.ts';
import type { User } from '../../storage/repositories/user-repository.ts';
import type { AppEnv } from '../app-env.ts';
import type { ExportedFile } from '../services/export-service.ts';
import type { Download, SecurityService } from '../services/security-service.ts';

const DESCRIPTIONS: Record<number, string> = {
  400: 'invalid request (issues name each wrong field)',
  401: 'not logged in (UNAUTHENTICATED)',
  403: 'not allowed (FORBIDDEN), or CSRF token missing or wrong (CSRF)',
  404: 'not found, or not visible to this user (NOT_FOUND)',
  409: 'VERSION_CONFLICT with the current version, evaluation and status; INVALID_TRANSITION; ALREADY_COPIED naming the existing copy',
  413: 'upload too large (FILE_TOO_LARGE)',
  415: 'not a PDF, text or XLSX file (UNSUPPORTED_FILE)',
  422: 'CHECK_ERRORS with the findings, REASON_REQUIRED, MISSING_CHARACTERS, or CONVERTER_MISSING (an import that needs LibreOffice)',
  429: 'too many failed logins (TOO_MANY_ATTEMPTS) or too many of one\'s own imports waiting (TOO_MANY_IMPORTS), with Retry-After',
  503: 'the database does not answer (DATABASE_UNAVAILABLE), or the server is busy (BUSY), with Retry-After; the server recovers by itself',
};

/** The route's error answers; any route that reads the database may also answer 503. */
export function errors(...statuses: number[]) {
  return Object.fromEntries(
    [...new Set([...statuses, 503])].map((status) => [status, { description: DESCRIPTIONS[status] ?? 'error', content: { 'application/json': { schema: ApiErrorBody } } }]),
  );
}

export const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });

export const binary = (contentType: string, description: string) => ({
  description,
  content: { [contentType]: { schema: z.string().openapi({ type: 'string', format: 'binary' }) } },
});

/**
 * A download of a document that is not public (a form not yet published, a table, a report): a
 * security event names who took what, then the file goes out as fileResponse sends it.
 */
export async function privateFile(c: Context<AppEnv>, security: SecurityService, user: User, what: Download, detail: Record<string, unknown>, file: ExportedFile): Promise<Response> {
  if (!file.published) await security.downloaded(user, what, detail, c.get('clientAddress'));
  return fileResponse(c, file);
}

/** A download, named in UTF-8 (RFC 6266/5987) with an ASCII fallback. */
export function fileResponse(c: Context, file: ExportedFile): Response {
  const ascii = file.fileName.replace(/[^\x20-\x7e]/gu, '_').replace(/["\\]/gu, '_');
  return c.body(new Uint8Array(file.bytes), 200, {
    'Content-Type': file.contentType,
    'Content-Disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
  });
}
