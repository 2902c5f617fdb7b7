/** The security events, for the admin: logins, password and account changes, downloads of what is not public. */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { SECURITY_ACTIONS } from '../../storage/repositories/security-event-repository.ts';
import { PageQuery } from '../api-schemas.ts';
import type { AppEnv } from '../app-env.ts';
import { requireUser } from '../middleware/session.ts';
import type { Services } from '../services.ts';
import { errors, json } from './responses.ts';

const instant = z.string().regex(/^\d{4}-\d{2}-\d{2}(T[\d:.]+Z)?$/u, { message: 'expected an ISO date or time such as "2026-12-01" or "2026-12-01T08:00:00Z"' });
const Person = z.object({ id: z.string(), username: z.string(), displayName: z.string() }).nullable();

const SecurityEvent = z
  .object({
    id: z.number().int(),
    at: z.string(),
    action: z.enum(SECURITY_ACTIONS),
    user: Person.openapi({ description: 'who acted (null: nobody logged in)' }),
    username: z.string().nullable().openapi({ description: 'the username given at a login, as typed' }),
    address: z.string().nullable(),
    subject: Person.openapi({ description: 'the user the event is about' }),
    detail: z.record(z.string(), z.unknown()),
  })
  .openapi('SecurityEvent');

export function securityRoutes(app: OpenAPIHono<AppEnv>, services: Services): void {
  app.openapi(
    createRoute({
      method: 'get', path: '/api/admin/security-events', tags: ['admin'], summary: 'Security events, newest first, one page at a time (admin)',
      request: {
        query: z.object({
          action: z.enum(SECURITY_ACTIONS).optional(),
          username: z.string().min(1).max(100).optional().openapi({ description: 'part of the username of who acted, who was named at a login, or whom it is about' }),
          from: instant.optional(),
          to: instant.optional().openapi({ description: 'exclusive' }),
          ...PageQuery,
        }),
      },
      responses: { 200: json(z.object({ items: z.array(SecurityEvent), total: z.number().int(), limit: z.number().int(), offset: z.number().int() }), 'events'), ...errors(400, 401, 403) },
    }),
    async (c) => {
      const { action, username, from, to, limit, offset } = c.req.valid('query');
      const page = await services.security.list(requireUser(c), { action, username, from, to }, { limit, offset });
      return c.json({ ...page, limit, offset }, 200);
    },
  );
}
