/**
 * The forms a command works on: an interchange JSON file as it is (evaluations, targets or
 * monitoring), or anything `jixiao import` reads (PDF, text, XLSX), imported first — a PDF or
 * XLSX of targets or monitoring forms gives those. Import diagnostics go to stderr.
 */
import { readFile } from 'node:fs/promises';
import { render, type Lang } from '../core/locale/messages.ts';
import type { Evaluation } from '../core/model/evaluation.ts';
import type { Monitoring } from '../core/model/monitoring.ts';
import type { Targets } from '../core/model/targets.ts';
import type { TemplateRegistry } from '../core/templates/registry.ts';
import type { CycleDocuments } from '../export/cycle/cycle-forms.ts';
import { importFile } from '../import/import-file.ts';
import { CliInputError } from './cli-error.ts';
import type { CommandIo } from './command.ts';
import { loadDocuments } from './load-documents.ts';

export type Forms = { kind: 'evaluations'; documents: Evaluation[] } | CycleDocuments;

async function looksLikeJson(file: string): Promise<boolean> {
  try {
    const head = (await readFile(file)).subarray(0, 64).toString('utf8').replace(/^\uFEFF/u, '');
    return head.trimStart().startsWith('{');
  } catch {
    throw new CliInputError(`${file}: cannot read the file: no such file`);
  }
}

export async function loadForms(file: string, templates: TemplateRegistry, io: CommandIo, lang: Lang): Promise<Forms> {
  if (await looksLikeJson(file)) {
    const loaded = await loadDocuments(file, templates);
    if (loaded.kind === 'evaluations') return { kind: 'evaluations', documents: loaded.loaded.map((l) => l.evaluation) };
    if (loaded.kind === 'targets') return { kind: 'targets', documents: loaded.loaded.map((l) => l.document) };
    return { kind: 'monitoring', documents: loaded.loaded.map((l) => l.document) };
  }
  const read = await importFile(file, { templates });
  for (const d of read.diagnostics) io.err(`${[d.file, d.location].filter(Boolean).join(': ')}: ${d.severity} ${d.code}: ${render(d.message, lang)}`);
  if (read.cycle && read.cycle.documents.length > 0) {
    const { kind, documents } = read.cycle;
    return kind === 'targets' ? { kind, documents: documents as Targets[] } : { kind, documents: documents as Monitoring[] };
  }
  if (read.forms.length === 0) throw new CliInputError(`${file}: no form could be read`);
  return { kind: 'evaluations', documents: read.forms.map((f) => f.evaluation) };
}
