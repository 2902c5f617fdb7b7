/**
 * Which template a document or a form is in, for every reader: the template forced by the
 * caller; else the one whose title it prints first; else the one whose labels it prints most
 * of, when it prints enough of them. What is a title and what is counted are the reader's (a
 * line of text, a cell of a grid); the order of the evidence is this.
 */
import type { TemplateRegistry } from '../core/templates/registry.ts';
import type { Template } from '../core/templates/template.ts';
import type { DiagnosticSink } from './diagnostics.ts';

/** The forced template; UNKNOWN_TEMPLATE when the registry has none of that id. */
export function forcedTemplate(registry: TemplateRegistry, id: string, sink: DiagnosticSink): Template | undefined {
  const template = registry.get(id);
  if (!template) sink.add('error', 'UNKNOWN_TEMPLATE', 'import.unknownTemplate', { template: id });
  return template;
}

export interface TemplateChoice {
  template: Template;
  /** Chosen by its printed title, not by its labels alone. */
  byTitle: boolean;
}

export interface TemplateEvidence<T> {
  /** The lines or cells, in reading order. */
  items: Iterable<T>;
  isTitle: (template: Template, item: T) => boolean;
  /** How many of the template's labels the items print (a reader's own measure). */
  score: (template: Template) => number;
  /** Below this score, no template: the text is no form. */
  minScore: number;
}

export function chooseTemplate<T>(templates: readonly Template[], evidence: TemplateEvidence<T>): TemplateChoice | undefined {
  for (const item of evidence.items) {
    const titled = templates.find((t) => evidence.isTitle(t, item));
    if (titled) return { template: titled, byTitle: true };
  }
  let best: { template: Template; score: number } | undefined;
  for (const template of templates) {
    const score = evidence.score(template);
    if (!best || score > best.score) best = { template, score };
  }
  return best && best.score >= evidence.minScore ? { template: best.template, byTitle: false } : undefined;
}
