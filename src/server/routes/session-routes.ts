/** Logging in and out, and who is logged in. */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { LoginBody, User } from '../api-schemas.ts';
import type { AppEnv } from '../app-env.ts';
import { clientAddress, isHttps } from '../client-address.ts';
import { clearSessionCookie, requireUser, setSessionCookie } from '../middleware/session.ts';
import type { Services } from '../services.ts';
import { errors, json } from './responses.ts';

const SessionAnswer = z.object({ csrfToken: z.string(), user: User });

export function sessionRoutes(app: OpenAPIHono<AppEnv>, services: Services, options: { trustProxy: boolean }): void {
  app.openapi(
    createRoute({
      method: 'post', path: '/api/login', tags: ['session'],
      summary: 'Log in: sets the HttpOnly session cookie (a new one every time) and returns the CSRF token',
      request: { body: { content: { 'application/json': { schema: LoginBody } }, required: true } },
      responses: { 200: json(SessionAnswer, 'logged in'), ...errors(400, 401, 429) },
    }),
    async (c) => {
      const { username, password } = c.req.valid('json');
      const loggedIn = await services.auth.login({
        username, password, address: clientAddress(c, options.trustProxy), previousToken: c.get('sessionToken') ?? undefined,
      });
      setSessionCookie(c, loggedIn.token, isHttps(c, options.trustProxy));
      return c.json({ csrfToken: loggedIn.csrfToken, user: loggedIn.user }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/api/logout', tags: ['session'], summary: 'Log out: ends the session',
      responses: { 204: { description: 'logged out' }, ...errors(403) },
    }),
    async (c) => {
      await services.auth.logout(c.get('sessionToken') ?? undefined);
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
      const user = requireUser(c);
      return c.json({ user, csrfToken: c.get('session')!.csrfToken }, 200);
    },
  );
}
