/**
 * The templates jixiao ships, and lookup by id. More templates (another region's form) come in
 * as data through `templateRegistry([...])`; nothing here names a region.
 */
import nationalJson from './national-2020.json' with { type: 'json' };
import shanghaiJson from './shanghai-2021.json' with { type: 'json' };
import { validTemplateSchema, type Template } from './template.ts';

export const BUILT_IN_TEMPLATES: readonly Template[] = [shanghaiJson, nationalJson].map((t) => validTemplateSchema.parse(t));

export interface TemplateRegistry {
  get(id: string): Template | undefined;
  ids(): string[];
  /** The templates added as data (not built in): what a reader thread or the browser must be given too. */
  extras(): readonly Template[];
}

/** Built-ins plus `extra`; an extra template with a built-in id replaces it. */
export function templateRegistry(extra: readonly Template[] = []): TemplateRegistry {
  const byId = new Map<string, Template>();
  for (const t of [...BUILT_IN_TEMPLATES, ...extra]) byId.set(t.id, t);
  const added = [...extra];
  return { get: (id) => byId.get(id), ids: () => [...byId.keys()], extras: () => added };
}
