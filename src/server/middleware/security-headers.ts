/**
 * Security headers on every response, API and UI alike: a strict CSP (scripts only from the
 * app's origin; inline styles allowed because antd writes its CSS at run time), no framing
 * (clickjacking), no MIME sniffing, no referrer sent to other sites, and API answers not cached.
 */
import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';

export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

const headers = secureHeaders({
  contentSecurityPolicy: CONTENT_SECURITY_POLICY,
  xFrameOptions: 'DENY',
  xContentTypeOptions: 'nosniff',
  referrerPolicy: 'strict-origin-when-cross-origin',
  crossOriginResourcePolicy: 'same-origin',
  crossOriginOpenerPolicy: 'same-origin',
});

export const securityHeaders: MiddlewareHandler = async (c, next) => {
  await headers(c, async () => {
    await next();
    // Answers about evaluations and sessions are per user: never kept by a shared cache.
    // (A route's own no-store answer, such as an evidence file's `private, no-store`, is kept.)
    if (c.req.path.startsWith('/api/') && !/no-store/u.test(c.res.headers.get('Cache-Control') ?? '')) c.header('Cache-Control', 'no-store');
  });
};
