/** Logging in and out, who is logged in, and changing one's own password. */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { LoginBody, User } from '../api-schemas.ts';
import type { AppEnv } from '../app-env.ts';
import { isHttps } from '../client-address.ts';
import { clearSessionCookie, requireSession, setSessionCookie, userView } from '../middleware/session.ts';
import { PasswordBody } from '../organisation-schemas.ts';
import type { Services } from '../services.ts';
import type { LoggedIn } from '../services/auth-service.ts';
import { errors, json } from './responses.ts';

const SessionAnswer = z.object({ csrfToken: z.string(), user: User });

export function sessionRoutes(app: OpenAPIHono<AppEnv>, services: Services, options: { trustProxy: boolean }): void {
  /** The new session's cookie set, its CSRF token and user answered. */
  const started = (c: Context<AppEnv>, loggedIn: LoggedIn) => {
    setSessionCookie(c, loggedIn.token, isHttps(c, options.trustProxy));
    return c.json({ csrfToken: loggedIn.csrfToken, user: userView(loggedIn.user) }, 200);
  };

  app.openapi(
    createRoute({
      method: 'post', path: '/api/login', tags: ['session'],
      summary: 'Log in: sets the HttpOnly session cookie (a new one every time) and returns the CSRF token',
      request: { body: { content: { 'application/json': { schema: LoginBody } }, required: true } },
      responses: { 200: json(SessionAnswer, 'logged in (user.mustChangePassword: a password must be chosen first)'), ...errors(400, 401, 403, 429) },
    }),
    async (c) => {
      const { username, password } = c.req.valid('json');
      const loggedIn = await services.auth.login({
        username, password, address: c.get('clientAddress'), previousToken: c.get('sessionToken') ?? undefined,
      });
      return started(c, loggedIn);
    },
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/api/logout', tags: ['session'], summary: 'Log out: ends the session',
      responses: { 204: { description: 'logged out' }, ...errors(403) },
    }),
    async (c) => {
      await services.auth.logout(c.get('sessionToken') ?? undefined, c.get('session')?.user ?? null, c.get('clientAddress'));
      clearSessionCookie(c, isHttps(c, options.trustProxy));
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/api/me', tags: ['session'], summary: 'The logged-in user and the CSRF token of the session',
      responses: { 200: json(SessionAnswer, 'the session'), ...errors(401) },
    }),
    (c) => {
      const user = requireSession(c);
      return c.json({ user: userView(user), csrfToken: c.get('session')!.csrfToken }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/api/me/password', tags: ['session'],
      summary: 'Change one’s own password: every session of the user ends, the caller gets a new one',
      request: { body: { content: { 'application/json': { schema: PasswordBody } }, required: true } },
      responses: { 200: json(SessionAnswer, 'changed; a new session'), ...errors(400, 401, 403, 429) },
    }),
    async (c) => {
      const { currentPassword, newPassword } = c.req.valid('json');
      const loggedIn = await services.auth.changePassword(requireSession(c), {
        currentPassword, newPassword, address: c.get('clientAddress'),
      });
      return started(c, loggedIn);
    },
  );
}
