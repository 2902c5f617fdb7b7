/**
 * The session of a request, from its HttpOnly cookie, and the CSRF check: every mutating request
 * of a signed-in user (other than logging in) must echo the session's CSRF token in
 * `X-CSRF-Token`. A cross-site form cannot read the token, so it cannot send it.
 */
import { timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { ApiError, unauthenticated } from '../api-error.ts';
import type { AppEnv } from '../app-env.ts';
import { SESSION_TTL_MS, type AuthService } from '../services/auth-service.ts';
import type { User } from '../../storage/repositories/user-repository.ts';

export const SESSION_COOKIE = 'jixiao_session';
export const CSRF_HEADER = 'X-CSRF-Token';
const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const EXEMPT = new Set(['/api/login']);

/** What a user holding a one-time password may still reach: who am I, the password change, logging out, and what anyone may read. */
const BEFORE_PASSWORD_CHANGE = new Set(['GET /api/me', 'POST /api/me/password', 'POST /api/logout', 'POST /api/login', 'GET /api/health', 'GET /api/openapi.json']);

function reachableBeforePasswordChange(method: string, path: string): boolean {
  return BEFORE_PASSWORD_CHANGE.has(`${method} ${path}`) || (method === 'GET' && path.startsWith('/api/public/'));
}

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function sessionMiddleware(auth: AuthService): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = getCookie(c, SESSION_COOKIE) ?? null;
    const session = await auth.resolve(token ?? undefined);
    c.set('session', session);
    c.set('sessionToken', token);
    const mutating = MUTATING.has(c.req.method) && !EXEMPT.has(c.req.path);
    // Before any body is read or validated: an anonymous change is 401, whatever it carries (logging out of no session is harmless).
    if (!session && mutating && c.req.path !== '/api/logout') throw unauthenticated();
    if (session && mutating && !sameToken(c.req.header(CSRF_HEADER) ?? '', session.csrfToken)) throw new ApiError(403, 'CSRF');
    if (session?.user.mustChangePassword && !reachableBeforePasswordChange(c.req.method, c.req.path)) throw new ApiError(403, 'PASSWORD_CHANGE_REQUIRED');
    await next();
  };
}

/**
 * The signed-in user, or 401; 403 PASSWORD_CHANGE_REQUIRED while the user holds a one-time
 * password (only `requireSession` routes — who am I, change my password, log out — answer then).
 */
export function requireUser(c: Context<AppEnv>): User {
  const user = requireSession(c);
  if (user.mustChangePassword) throw new ApiError(403, 'PASSWORD_CHANGE_REQUIRED');
  return user;
}

/** The signed-in user, or 401, whether or not the password must be changed first. */
export function requireSession(c: Context<AppEnv>): User {
  const session = c.get('session');
  if (!session) throw unauthenticated();
  return session.user;
}

/** A user as the API shows it (docs/api.md, `User`): without the unit's place in the tree. */
export function userView({ unitPath: _path, ...user }: User) {
  return user;
}

export function setSessionCookie(c: Context<AppEnv>, token: string, secure: boolean): void {
  setCookie(c, SESSION_COOKIE, token, { httpOnly: true, sameSite: 'Strict', path: '/', secure, maxAge: SESSION_TTL_MS / 1000 });
}

export function clearSessionCookie(c: Context<AppEnv>, secure: boolean): void {
  deleteCookie(c, SESSION_COOKIE, { httpOnly: true, sameSite: 'Strict', path: '/', secure });
}
