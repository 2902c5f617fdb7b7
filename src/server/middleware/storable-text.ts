/**
 * What no route can take is refused at the door with 400 and the field's path, before any body is
 * validated or stored:
 * - text a database cannot store: a NUL character (PostgreSQL text and jsonb reject U+0000) and an
 *   unpaired UTF-16 surrogate (jsonb rejects its \ud800 escape; UTF-8 cannot encode it), in a body,
 *   a query or a path — PostgreSQL answered them with a 500, SQLite took them: both refuse now;
 * - a JSON body nested deeper than MAX_JSON_DEPTH: no document of jixiao comes near it, and every
 *   recursive walk after (validation, hashing, diffs) would overflow the stack on it — a 500 at save
 *   or, stored under an unknown field, at every later submit.
 */
import type { HonoRequest, MiddlewareHandler } from 'hono';
import { formatPath } from '../../core/model/path.ts';
import { ApiError } from '../api-error.ts';

/** Levels of arrays and objects a JSON body may have (an evaluation has 4). */
export const MAX_JSON_DEPTH = 64;

/** With the u flag a surrogate range matches only surrogates that are not part of a pair. */
const UNSTORABLE = /[\u0000\ud800-\udfff]/u;
const JSON_TYPE = /^application\/([\w.-]+\+)?json\b/iu;
const UNSTORABLE_MESSAGE = 'contains a NUL character or an unpaired surrogate, which cannot be stored';
const DEEP_MESSAGE = `nested deeper than ${MAX_JSON_DEPTH} levels of arrays and objects`;

type Problem = { path: Array<string | number>; message: string };

/**
 * The first string (value or key) that cannot be stored, or the first value nested too deep, with
 * its path; or null. The path is built on the way back from a find only: every request body is
 * walked, and nearly all have nothing to find. The walk never goes deeper than the limit.
 */
function firstProblem(value: unknown, depth: number): Problem | null {
  if (typeof value === 'string') return UNSTORABLE.test(value) ? { path: [], message: UNSTORABLE_MESSAGE } : null;
  if (value === null || typeof value !== 'object') return null;
  if (depth >= MAX_JSON_DEPTH) return { path: [], message: DEEP_MESSAGE };
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = firstProblem(value[i], depth + 1);
      if (found) return { ...found, path: [i, ...found.path] };
    }
    return null;
  }
  for (const key in value) {
    if (UNSTORABLE.test(key)) return { path: [key], message: UNSTORABLE_MESSAGE };
    const found = firstProblem((value as Record<string, unknown>)[key], depth + 1);
    if (found) return { ...found, path: [key, ...found.path] };
  }
  return null;
}

/**
 * The route's validation and its handler read the body with `c.req.json()` again, and Hono parses
 * the text anew at each call (a form is tens of kilobytes: two more parses a save). They get this
 * parse instead. Nothing downstream changes the object it gets (zod validates into a copy).
 */
function keepParsed(req: HonoRequest, body: unknown): void {
  const parsed = Promise.resolve(body);
  req.json = <T>() => parsed as Promise<T>;
}

const refuse = (path: string, message: string) => new ApiError(400, 'VALIDATION', { issues: [{ path, message }] });

export const storableText: MiddlewareHandler = async (c, next) => {
  const url = new URL(c.req.url);
  let pathname = url.pathname;
  try { pathname = decodeURIComponent(pathname); } catch { /* malformed escapes: the router answers */ }
  if (UNSTORABLE.test(pathname)) throw refuse('(path)', UNSTORABLE_MESSAGE);
  for (const [name, value] of url.searchParams) if (UNSTORABLE.test(name) || UNSTORABLE.test(value)) throw refuse(name, UNSTORABLE_MESSAGE);

  if (JSON_TYPE.test(c.req.header('content-type') ?? '')) {
    let body: unknown;
    try {
      body = await c.req.json();
    } catch (error) {
      if (error instanceof RangeError) throw refuse('(root)', DEEP_MESSAGE);
      return next(); // malformed JSON: the validation says so
    }
    const found = firstProblem(body, 0);
    if (found) throw refuse(formatPath(found.path) || '(root)', found.message);
    keepParsed(c.req, body);
  }
  return next();
};
