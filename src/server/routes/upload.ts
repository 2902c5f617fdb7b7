/** Uploads (multipart `file`): the user checked first, then the size cap before the body is read into memory. */
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import busboy from 'busboy';
import type { Context, MiddlewareHandler } from 'hono';
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

/** The uploaded file's name and bytes (a set-up list: small), read whole; 400 FILE_REQUIRED without one. */
export async function uploadedFile(form: { file?: unknown }): Promise<{ name: string; bytes: Uint8Array }> {
  const { file } = form;
  if (!(file instanceof File)) throw fileRequired();
  return { name: file.name || 'upload', bytes: new Uint8Array(await file.arrayBuffer()) };
}

/** An upload written to a temporary folder of its own as it arrives; `remove` deletes the folder. */
export interface Spooled {
  name: string;
  path: string;
  /** The form's other fields (text, up to 1 KB each): an evidence upload's `indicatorId`. */
  fields: Record<string, string>;
  remove(): Promise<void>;
}

/**
 * Streams the multipart body's `file` to disk (busboy), never holding it in memory: bytes past
 * `maxBytes` end it with 413; no `file` field is 400 FILE_REQUIRED; a body that is not multipart is
 * 415. The caller removes the folder when done with the file.
 */
export async function spoolUpload(c: Context<AppEnv>, maxBytes: number): Promise<Spooled> {
  const type = c.req.header('content-type') ?? '';
  if (!/^multipart\/form-data/iu.test(type) || !c.req.raw.body) throw new ApiError(415, 'UNSUPPORTED_MEDIA_TYPE');
  const dir = await mkdtemp(join(tmpdir(), 'jixiao-upload-'));
  const remove = () => rm(dir, { recursive: true, force: true });
  const fields: Record<string, string> = {};
  try {
    const name = await new Promise<string>((resolve, reject) => {
      let found: Promise<string> | null = null;
      // Browsers send the file's name in UTF-8 (busboy's default would read it as Latin-1).
      const parser = busboy({ headers: { 'content-type': type }, defParamCharset: 'utf8', limits: { files: 1, fileSize: maxBytes, fields: 20, parts: 30, fieldSize: 1024 } });
      parser.on('field', (field, value) => {
        fields[field] = value;
      });
      parser.on('file', (field, stream, info) => {
        if (field !== 'file' || found) {
          stream.resume();
          return;
        }
        const path = join(dir, 'upload');
        found = new Promise<string>((done, fail) => {
          stream.on('limit', () => fail(new ApiError(413, 'FILE_TOO_LARGE', { params: { maxMb: Math.round(maxBytes / 1048576) } })));
          pipeline(stream, createWriteStream(path)).then(() => done(info.filename || 'upload'), fail);
        });
      });
      parser.on('error', reject);
      parser.on('close', () => (found ?? Promise.reject(fileRequired())).then(resolve, reject));
      Readable.fromWeb(c.req.raw.body as NodeReadableStream<Uint8Array>).on('error', reject).pipe(parser);
    });
    return { name, path: join(dir, 'upload'), fields, remove };
  } catch (error) {
    await remove();
    throw error instanceof ApiError ? error : error instanceof Error && /too large|limit/iu.test(error.message) ? new ApiError(413, 'FILE_TOO_LARGE', { params: { maxMb: Math.round(maxBytes / 1048576) } }) : new ApiError(400, 'VALIDATION', { issues: [{ path: 'file', message: 'the upload could not be read as multipart/form-data' }] });
  }
}

const fileRequired = () => new ApiError(400, 'FILE_REQUIRED', { issues: [{ path: 'file', message: 'expected a file upload in the form field "file"' }] });
