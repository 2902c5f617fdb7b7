/**
 * The templates the server was started with beyond the built-in ones (`jixiao serve --templates`):
 * the browser bundles only the built-in templates, and loads these to show and edit a region's
 * forms. Any signed-in user: every role opens forms.
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { TemplateRegistry } from '../../core/templates/registry.ts';
import type { AppEnv } from '../app-env.ts';
import { requireUser } from '../middleware/session.ts';
import { errors, json } from './responses.ts';

const TemplateList = z
  .object({
    items: z.array(z.record(z.string(), z.unknown())).openapi({ description: 'templates as their JSON files write them (src/core/templates/template.ts validates them)' }),
  })
  .openapi('TemplateList');

export function templateRoutes(app: OpenAPIHono<AppEnv>, templates: TemplateRegistry): void {
  app.openapi(
    createRoute({
      method: 'get', path: '/api/templates', tags: ['templates'], summary: 'The templates added as data (not built in) that this server knows',
      responses: { 200: json(TemplateList, 'the added templates; empty when the server knows only the built-in ones'), ...errors(401, 403) },
    }),
    async (c) => {
      requireUser(c);
      return c.json({ items: templates.extras().map((t) => ({ ...t }) as Record<string, unknown>) }, 200);
    },
  );
}
