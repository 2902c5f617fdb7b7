/**
 * One JSON line per request (pino): time, level, request id, method, route (the pattern, not the
 * ids), path, status, duration in milliseconds, and the user's id — never a body, a header, a
 * cookie, a password or a token. The request id comes from X-Request-Id when a balancer sent a
 * sane one, else a new UUID, and goes back in X-Request-Id, so that a user's report and a line of
 * the log find each other. Errors the server did not expect are logged with the same id.
 */
import type { MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import type { Logger } from 'pino';
import type { AppEnv } from '../app-env.ts';

const REQUEST_ID = /^[\w.-]{1,64}$/u;

export function requestLog(logger: Logger): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const given = c.req.header('x-request-id');
    const requestId = given && REQUEST_ID.test(given) ? given : crypto.randomUUID();
    const started = performance.now();
    c.set('requestId', requestId);
    c.set('log', logger.child({ reqId: requestId }));
    c.header('X-Request-Id', requestId);
    try {
      await next();
    } finally {
      if (logger.isLevelEnabled('info')) {
        logger.info({
          reqId: requestId,
          method: c.req.method,
          // The route of the handler that answered (the dispatch stops there), not a catch-all matched after it.
          route: routePath(c),
          path: c.req.path,
          status: c.res.status,
          ms: Math.round((performance.now() - started) * 10) / 10,
          userId: c.get('session')?.user.id ?? null,
        }, 'request');
      }
    }
  };
}
