/**
 * An interchange file of any of the cycle's documents, told apart by its top-level key
 * (`{"evaluations": …}`, `{"targets": …}`, `{"monitoring": …}`), validated, each document's
 * template found. A file of none of them is read as an evaluation file, whose errors say so.
 */
import type { Monitoring } from '../core/model/monitoring.ts';
import type { Targets } from '../core/model/targets.ts';
import { validateMonitoringFile, validateTargetsFile } from '../core/model/validate.ts';
import type { TemplateRegistry } from '../core/templates/registry.ts';
import type { Template } from '../core/templates/template.ts';
import { CliInputError } from './cli-error.ts';
import { loadEvaluations, problemsError, type LoadedEvaluation } from './load-evaluations.ts';
import { readJsonFile } from './read-json-file.ts';

export interface Loaded<T> {
  document: T;
  template: Template;
}

export type LoadedDocuments =
  | { kind: 'evaluations'; loaded: LoadedEvaluation[] }
  | { kind: 'targets'; loaded: Loaded<Targets>[] }
  | { kind: 'monitoring'; loaded: Loaded<Monitoring>[] };

/** Which document the file holds, by its top-level key. */
export function documentKind(data: unknown): 'evaluations' | 'targets' | 'monitoring' {
  if (data !== null && typeof data === 'object' && !Array.isArray(data)) {
    if ('targets' in data && !('evaluations' in data)) return 'targets';
    if ('monitoring' in data && !('evaluations' in data)) return 'monitoring';
  }
  return 'evaluations';
}

function withTemplates<T extends { template: string }>(file: string, kind: string, documents: readonly T[], templates: TemplateRegistry): Loaded<T>[] {
  return documents.map((document, i) => {
    const template = templates.get(document.template);
    if (!template) throw new CliInputError(`${file}: ${kind}[${i}].template: unknown template "${document.template}" (known: ${templates.ids().join(', ')})`);
    if (!template.documents?.[kind as 'targets' | 'monitoring']) throw new CliInputError(`${file}: ${kind}[${i}].template: template "${template.id}" has no ${kind} layout`);
    return { document, template };
  });
}

export async function loadTargets(file: string, templates: TemplateRegistry, data?: unknown): Promise<Loaded<Targets>[]> {
  const validated = validateTargetsFile(data ?? (await readJsonFile(file)));
  if (!validated.ok) throw problemsError(file, validated.problems);
  return withTemplates(file, 'targets', validated.value.targets, templates);
}

export async function loadDocuments(file: string, templates: TemplateRegistry): Promise<LoadedDocuments> {
  const data = await readJsonFile(file);
  const kind = documentKind(data);
  if (kind === 'targets') return { kind, loaded: await loadTargets(file, templates, data) };
  if (kind === 'monitoring') {
    const validated = validateMonitoringFile(data);
    if (!validated.ok) throw problemsError(file, validated.problems);
    return { kind, loaded: withTemplates(file, kind, validated.value.monitoring, templates) };
  }
  return { kind, loaded: await loadEvaluations(file, templates) };
}
