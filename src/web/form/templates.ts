/**
 * The templates the browser knows: the built-in ones, bundled with the core, and those the server
 * was started with as data (`jixiao serve --templates`), loaded from GET /api/templates when a user
 * signs in (issue 15), so a region's forms are shown and edited in their own layout.
 */
import { templateRegistry, type TemplateRegistry } from '../../core/templates/registry.ts';
import { validTemplateSchema, type Template } from '../../core/templates/template.ts';

let current = templateRegistry();

/** Looks up in the registry of the moment: pages read it at render, after the session loaded the added ones. */
export const templates: TemplateRegistry = {
  get: (id) => current.get(id),
  ids: () => current.ids(),
  extras: () => current.extras(),
};

/** The server's added templates, each validated as the core does; one that does not validate is left out (and said in the console). */
export function adoptTemplates(items: readonly unknown[]): void {
  const valid: Template[] = [];
  for (const item of items) {
    const parsed = validTemplateSchema.safeParse(item);
    if (parsed.success) valid.push(parsed.data);
    else console.warn('a template from the server does not validate', parsed.error.issues[0]);
  }
  current = templateRegistry(valid);
}
