/**
 * The built web UI (`dist/web`, built by Vite: src/web/vite.config.ts), outside /api.
 *
 * - A file of the build is sent as brotli or gzip when the client accepts it and the build wrote
 *   `FILE.br` / `FILE.gz` beside it (src/web/precompress.ts), with Content-Encoding and
 *   `Vary: Accept-Encoding`; else as it is. Its Content-Type is the original file's.
 * - /assets/ holds only files named by their content hash: `Cache-Control: public,
 *   max-age=31536000, immutable` (a new release has new names). Anything else, index.html first,
 *   is `no-cache`: the browser asks again (an ETag makes that a 304) and so sees a new release.
 * - Any other path outside /api is one of the UI's own routes (/evaluations/12…): index.html,
 *   `no-cache`. A path that names a file (under /assets/, or with an extension) and is not
 *   one is a 404, not the UI: a stale script asked after a release must fail as a script.
 * - No path leaves the root: `..`, `.` segments, dot files, backslashes, NUL and encoded
 *   slashes are refused (404).
 */
import { readFile, stat } from 'node:fs/promises';
import { existsSync, realpathSync } from 'node:fs';
import { extname, join, sep } from 'node:path';
import type { Context } from 'hono';
import { getMimeType } from 'hono/utils/mime';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from './app-env.ts';

export const DEFAULT_WEB_ROOT = 'dist/web';

export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const NO_CACHE = 'no-cache';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

const contentType = (path: string) => TYPES[extname(path).toLowerCase()] ?? getMimeType(path) ?? 'application/octet-stream';

/** The precompressed files, in the server's order of preference. */
const CODINGS = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const;
type Coding = (typeof CODINGS)[number]['name'];

/**
 * The codings of an Accept-Encoding header the client takes (q > 0), best first: its own q-values,
 * then the server's preference (br before gzip). `*` stands for any coding not named.
 */
export function acceptedCodings(header: string | undefined): Coding[] {
  if (!header) return [];
  const q = new Map<string, number>();
  for (const part of header.split(',')) {
    const [token = '', ...params] = part.toLowerCase().split(';').map((s) => s.trim());
    if (!token) continue;
    let weight = 1;
    for (const p of params) {
      const m = /^\s*q\s*=\s*([0-9.]+)\s*$/u.exec(p);
      if (m) weight = Number(m[1]);
    }
    q.set(token === 'x-gzip' ? 'gzip' : token, Number.isFinite(weight) ? weight : 0);
  }
  const of = (name: string) => q.get(name) ?? q.get('*') ?? 0;
  return CODINGS.map((c, order) => ({ name: c.name, q: of(c.name), order }))
    .filter((c) => c.q > 0)
    .sort((a, b) => b.q - a.q || a.order - b.order)
    .map((c) => c.name);
}

/** The request's path as a file under `root`, or null when it may not name one. */
function fileOf(root: string, rawPath: string): string | null {
  let path: string;
  try {
    path = decodeURIComponent(rawPath);
  } catch {
    return null;
  }
  if (path.includes('\0') || path.includes('\\') || /%2f|%5c/iu.test(rawPath)) return null;
  const segments = path.split('/').filter((s) => s !== '');
  if (segments.some((s) => s.startsWith('.'))) return null; // `.`, `..`, dot files
  const file = join(root, ...segments);
  return file === root || file.startsWith(root + sep) ? file : null;
}

/** A path that names a file (a script, a style…), never one of the UI's routes. */
const namesAFile = (path: string) => path.startsWith('/assets/') || extname(path.slice(path.lastIndexOf('/') + 1)) !== '';

async function isFile(path: string): Promise<{ size: number; mtimeMs: number } | null> {
  try {
    const s = await stat(path);
    return s.isFile() ? s : null;
  } catch {
    return null;
  }
}

/** The file (or its precompressed form the client takes) with its headers; 304 when the client's copy is current. */
async function send(c: Context<AppEnv>, file: string, cacheControl: string): Promise<Response> {
  const type = contentType(file);
  let served = file;
  let info = await isFile(file);
  if (!info) return c.notFound();
  let coding: Coding | null = null;
  const compressible = /^(?:text\/|application\/(?:json|javascript|manifest\+json)|image\/svg\+xml)/u.test(type);
  if (compressible) {
    for (const name of acceptedCodings(c.req.header('accept-encoding'))) {
      const candidate = `${file}${CODINGS.find((k) => k.name === name)!.suffix}`;
      const candidateInfo = await isFile(candidate);
      if (candidateInfo) {
        served = candidate;
        info = candidateInfo;
        coding = name;
        break;
      }
    }
  }
  const etag = `"${Math.trunc(info.mtimeMs).toString(36)}-${info.size.toString(36)}${coding ? `-${coding}` : ''}"`;
  c.header('Content-Type', type);
  c.header('Cache-Control', cacheControl);
  c.header('ETag', etag);
  if (compressible) c.header('Vary', 'Accept-Encoding');
  if (coding) c.header('Content-Encoding', coding);
  const ifNoneMatch = c.req.header('if-none-match');
  if (ifNoneMatch && ifNoneMatch.split(',').some((t) => t.trim().replace(/^W\//u, '') === etag)) return c.body(null, 304);
  c.header('Content-Length', String(info.size));
  if (c.req.method === 'HEAD') return c.body(null, 200);
  return c.body(await readFile(served), 200);
}

export function serveUi(app: OpenAPIHono<AppEnv>, webRoot: string): boolean {
  if (!existsSync(join(webRoot, 'index.html'))) return false;
  const root = realpathSync(webRoot);
  const index = join(root, 'index.html');
  const isApi = (path: string) => path === '/api' || path.startsWith('/api/');
  // HEAD is routed here too (hono answers it with the GET handler, without the body).
  app.get('*', async (c, next) => {
    const path = c.req.path;
    if (isApi(path)) return next();
    const file = fileOf(root, path);
    if (file === null) return c.notFound();
    if (file !== root && (await isFile(file))) {
      return send(c, file, path.startsWith('/assets/') ? IMMUTABLE : NO_CACHE);
    }
    if (namesAFile(path)) return c.notFound();
    return send(c, index, NO_CACHE);
  });
  return true;
}
