/**
 * Text that a database cannot store is refused at the door with 400 and the field's path: a NUL
 * character (PostgreSQL text and jsonb reject U+0000) and an unpaired UTF-16 surrogate (jsonb
 * rejects its \ud800 escape; UTF-8 cannot encode it). Without this, such a string in any field of
 * a body, a query or a path reached PostgreSQL and came back as a 500; SQLite took it, so both are
 * refused the same way.
 */
import type { MiddlewareHandler } from 'hono';
import { formatPath } from '../../core/model/path.ts';
import { ApiError } from '../api-error.ts';

/** With the u flag a surrogate range matches only surrogates that are not part of a pair. */
const UNSTORABLE = /[\u0000\ud800-\udfff]/u;
const JSON_TYPE = /^application\/([\w.-]+\+)?json\b/iu;
const MESSAGE = 'contains a NUL character or an unpaired surrogate, which cannot be stored';

/**
 * The path of the first string (value or key) that cannot be stored, or null. The path is built on
 * the way back from a find only: every request body is walked, and nearly all have nothing to find.
 */
function unstorablePath(value: unknown, depth: number): Array<string | number> | null {
  if (typeof value === 'string') return UNSTORABLE.test(value) ? [] : null;
  // Past this depth nothing valid lies; the schema refuses it on its own.
  if (value === null || typeof value !== 'object' || depth > 64) return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = unstorablePath(value[i], depth + 1);
      if (found) return [i, ...found];
    }
    return null;
  }
  for (const key in value) {
    if (UNSTORABLE.test(key)) return [key];
    const found = unstorablePath((value as Record<string, unknown>)[key], depth + 1);
    if (found) return [key, ...found];
  }
  return null;
}

const refuse = (path: string) => new ApiError(400, 'VALIDATION', { issues: [{ path, message: MESSAGE }] });

export const storableText: MiddlewareHandler = async (c, next) => {
  const url = new URL(c.req.url);
  let pathname = url.pathname;
  try { pathname = decodeURIComponent(pathname); } catch { /* malformed escapes: the router answers */ }
  if (UNSTORABLE.test(pathname)) throw refuse('(path)');
  for (const [name, value] of url.searchParams) if (UNSTORABLE.test(name) || UNSTORABLE.test(value)) throw refuse(name);

  if (JSON_TYPE.test(c.req.header('content-type') ?? '')) {
    let body: unknown;
    try {
      body = await c.req.json(); // the text is cached: the route's validation reads it again without the stream
    } catch {
      return next(); // malformed JSON: the validation says so
    }
    const at = unstorablePath(body, 0);
    if (at) throw refuse(formatPath(at) || '(root)');
  }
  return next();
};
