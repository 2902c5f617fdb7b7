/** The forms of a file's documents, each in the layout of its template; an unknown template is an error at its path. */
import type { Monitoring } from '../../core/model/monitoring.ts';
import type { Targets } from '../../core/model/targets.ts';
import type { TemplateRegistry } from '../../core/templates/registry.ts';
import type { Template } from '../../core/templates/template.ts';
import type { Lang } from '../pdf/form-words.ts';
import { monitoringForm, targetsForm, type CycleForm } from './cycle-form.ts';

export type CycleDocuments = { kind: 'targets'; documents: readonly Targets[] } | { kind: 'monitoring'; documents: readonly Monitoring[] };

export function templateOf(registry: TemplateRegistry, kind: string, template: string, i: number): Template {
  const found = registry.get(template);
  if (!found) throw new Error(`${kind}[${i}]: unknown template "${template}"`);
  return found;
}

export function cycleForms(file: CycleDocuments, registry: TemplateRegistry, lang: Lang): CycleForm[] {
  if (file.kind === 'targets') return file.documents.map((d, i) => targetsForm(d, templateOf(registry, file.kind, d.template, i), lang));
  return file.documents.map((d, i) => monitoringForm(d, templateOf(registry, file.kind, d.template, i), lang));
}
