/**
 * The HTTP application (docs/api.md): security headers on everything, the session and CSRF check
 * on the API, the routes, the OpenAPI document, the built UI when there is one, and one error shape.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import type { MiddlewareHandler } from 'hono';
import { pino, type Logger } from 'pino';
import { sql } from 'kysely';
import { templateRegistry, type TemplateRegistry } from '../core/templates/registry.ts';
import { IMPORT_LIMITS, type ImportLimits } from '../import/import-limits.ts';
import type { Database } from '../storage/open-database.ts';
import { ApiError, notFound } from './api-error.ts';
import type { AppEnv } from './app-env.ts';
import { clientAddress } from './client-address.ts';
import { errorResponse, validationHook } from './error-handler.ts';
import { requestLog } from './middleware/request-log.ts';
import { securityHeaders } from './middleware/security-headers.ts';
import { sessionMiddleware } from './middleware/session.ts';
import { storableText } from './middleware/storable-text.ts';
import { dashboardRoutes } from './routes/dashboard-routes.ts';
import { cycleRoutes } from './routes/cycle-routes.ts';
import { evaluationRoutes } from './routes/evaluation-routes.ts';
import { followupRoutes } from './routes/followup-routes.ts';
import { EVIDENCE_UPLOAD_PATH, evidenceRoutes } from './routes/evidence-routes.ts';
import { DEFAULT_EVIDENCE_LIMITS, type EvidenceOptions } from './services/evidence-service.ts';
import { DatabaseEvidenceStore } from '../storage/evidence-store/database-store.ts';
import { templateRoutes } from './routes/template-routes.ts';
import { importRoutes } from './routes/import-routes.ts';
import { lineageRoutes } from './routes/lineage-routes.ts';
import { organisationRoutes } from './routes/organisation-routes.ts';
import { publicRoutes } from './routes/public-routes.ts';
import { recheckRoutes } from './routes/recheck-routes.ts';
import { errors, json } from './routes/responses.ts';
import { sessionRoutes } from './routes/session-routes.ts';
import { securityRoutes } from './routes/security-routes.ts';
import { yearRoutes } from './routes/year-routes.ts';
import { reportRoutes } from './routes/report-routes.ts';
import { createServices } from './services.ts';
import { serveUi } from './static-ui.ts';

export interface AppOptions {
  database: Database;
  templates?: TemplateRegistry;
  now?: () => Date;
  /** Behind a load balancer: take the client address and scheme from X-Forwarded-For / X-Forwarded-Proto. */
  trustProxy?: boolean;
  /** Uploads larger than this are refused before they are read (default 50 MiB, the importer's own limit). */
  maxUploadBytes?: number;
  importLimits?: Readonly<ImportLimits>;
  /** The built UI; not served when absent. */
  webRoot?: string | null;
  /** A session unused this long ends (default 30 minutes). */
  sessionIdleMs?: number;
  /** How long a login waits after a username's recent failures (tests shorten it). */
  loginDelayMs?: (failures: number) => number;
  /** The request log (one JSON line per request); silent when not given. */
  logger?: Logger;
  /** Evidence files: where their contents go (default: this database) and their limits (default 20 MiB, 100 per form). */
  evidence?: Partial<EvidenceOptions>;
}

export const DEFAULT_MAX_UPLOAD_BYTES = IMPORT_LIMITS.maxBytes;
/** Every other API body is JSON: a form is tens of kilobytes, so this is generous and keeps a parse bounded. */
export const MAX_JSON_BODY_BYTES = 5 * 1024 * 1024;

export function createApp(options: AppOptions): OpenAPIHono<AppEnv> {
  const { database } = options;
  const trustProxy = options.trustProxy ?? false;
  const maxUploadBytes = options.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES;
  const templates = options.templates ?? templateRegistry();
  const services = createServices(
    {
      db: database.db, templates, now: options.now ?? (() => new Date()),
      ...(options.sessionIdleMs !== undefined ? { sessionIdleMs: options.sessionIdleMs } : {}),
      ...(options.loginDelayMs !== undefined ? { loginDelayMs: options.loginDelayMs } : {}),
    },
    options.importLimits,
    { store: options.evidence?.store ?? new DatabaseEvidenceStore(database.db), ...DEFAULT_EVIDENCE_LIMITS, ...withoutUndefined(options.evidence ?? {}) },
  );

  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.use('*', requestLog(options.logger ?? pino({ level: 'silent' })));
  app.use('*', securityHeaders);
  app.use('/api/*', async (c, next) => {
    c.set('clientAddress', clientAddress(c, trustProxy));
    await next();
  });
  app.use('/api/*', sessionMiddleware(services.auth));
  // Refused by Content-Length before anything is read; a chunked body is counted as it arrives.
  const tooLarge = () => { throw new ApiError(413, 'BODY_TOO_LARGE', { params: { maxMb: MAX_JSON_BODY_BYTES / 1048576 } }); };
  const chunkedLimit = bodyLimit({ maxSize: MAX_JSON_BODY_BYTES, onError: tooLarge });
  // Hono's bodyLimit asks for `c.req.raw.body` first, which makes @hono/node-server build the whole
  // web Request (a ReadableStream over the socket, an AbortController) for every request, and the
  // body is then read through web streams. A request without a body, or whose length is declared
  // (node:http reads exactly Content-Length bytes), is decided by its headers alone, and its body is
  // read later straight from the socket (issue 18: CPU per save). Only a chunked body is counted.
  const jsonLimit: MiddlewareHandler<AppEnv> = async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    const length = c.req.header('content-length');
    if (length !== undefined && c.req.header('transfer-encoding') === undefined) {
      return Number.parseInt(length, 10) > MAX_JSON_BODY_BYTES ? tooLarge() : next();
    }
    return chunkedLimit(c, next);
  };
  // Uploads have their own limits (the import's, an evidence file's).
  app.use('/api/*', (c, next) => (c.req.path === '/api/import' || (c.req.method === 'POST' && EVIDENCE_UPLOAD_PATH.test(c.req.path)) ? next() : jsonLimit(c, next)));
  app.use('/api/*', storableText);

  app.openapi(
    createRoute({
      method: 'get', path: '/api/health', tags: ['health'], summary: 'The server and its database answer',
      responses: { 200: json(z.object({ status: z.literal('ok'), database: z.enum(['sqlite', 'postgres']) }), 'healthy'), ...errors() },
    }),
    async (c) => {
      await sql`select 1`.execute(database.db);
      return c.json({ status: 'ok' as const, database: database.dialect }, 200);
    },
  );
  sessionRoutes(app, services, { trustProxy });
  organisationRoutes(app, services);
  yearRoutes(app, services);
  reportRoutes(app, services);
  securityRoutes(app, services);
  evaluationRoutes(app, services);
  dashboardRoutes(app, services);
  importRoutes(app, services, { maxUploadBytes });
  templateRoutes(app, templates);
  publicRoutes(app, services);
  recheckRoutes(app, services);
  lineageRoutes(app, services);
  evidenceRoutes(app, services);
  cycleRoutes(app, services);
  followupRoutes(app, services);

  app.doc('/api/openapi.json', {
    openapi: '3.0.0',
    info: { title: 'jixiao API', version: '1', description: '财政项目绩效自评价 — fiscal project performance self-evaluation (docs/api.md)' },
  });

  if (options.webRoot) serveUi(app, options.webRoot);
  app.notFound((c) => errorResponse(notFound(), c, maxUploadBytes / 1048576));
  app.onError((error, c) => errorResponse(error, c, maxUploadBytes / 1048576));
  return app;
}

const withoutUndefined = <T extends object>(value: T): Partial<T> => Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
