/**
 * The built web UI (`dist/web`, built by Vite): its files as they are, and index.html for any
 * other path outside /api, so that the UI's own routes (/evaluations/…) load the app.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from './app-env.ts';

export const DEFAULT_WEB_ROOT = 'dist/web';

export function serveUi(app: OpenAPIHono<AppEnv>, root: string): boolean {
  if (!existsSync(join(root, 'index.html'))) return false;
  const isApi = (path: string) => path === '/api' || path.startsWith('/api/');
  app.use('*', async (c, next) => (isApi(c.req.path) ? next() : serveStatic({ root })(c, next)));
  app.get('*', async (c, next) => (isApi(c.req.path) ? next() : serveStatic({ root, path: 'index.html' })(c, next)));
  return true;
}
