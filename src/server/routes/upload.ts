/** Uploads (multipart `file`): the user checked first, then the size cap before the body is read into memory. */
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { ApiError } from '../api-error.ts';
import type { AppEnv } from '../app-env.ts';
import { requireUser } from '../middleware/session.ts';

export function uploadMiddleware(maxBytes: number): MiddlewareHandler<AppEnv>[] {
  const maxMb = Math.round(maxBytes / 1048576);
  return [
    async (c, next) => { requireUser(c); await next(); },
    bodyLimit({ maxSize: maxBytes, onError: () => { throw new ApiError(413, 'FILE_TOO_LARGE', { params: { maxMb } }); } }),
  ];
}

/** The uploaded file's name and bytes; 400 FILE_REQUIRED without one. */
export async function uploadedFile(form: { file?: unknown }): Promise<{ name: string; bytes: Uint8Array }> {
  const { file } = form;
  if (!(file instanceof File)) throw new ApiError(400, 'FILE_REQUIRED', { issues: [{ path: 'file', message: 'expected a file upload in the form field "file"' }] });
  return { name: file.name || 'upload', bytes: new Uint8Array(await file.arrayBuffer()) };
}
