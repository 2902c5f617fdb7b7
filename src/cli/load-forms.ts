/**
 * The forms a command works on: a `jixiao/evaluation@1` JSON file as it is, or anything
 * `jixiao import` reads (PDF, text, XLSX), imported first. Import diagnostics go to stderr.
 */
import { readFile } from 'node:fs/promises';
import { render, type Lang } from '../core/locale/messages.ts';
import type { Evaluation } from '../core/model/evaluation.ts';
import type { TemplateRegistry } from '../core/templates/registry.ts';
import { importFile } from '../import/import-file.ts';
import { CliInputError } from './cli-error.ts';
import type { CommandIo } from './command.ts';
import { loadEvaluations } from './load-evaluations.ts';

async function looksLikeJson(file: string): Promise<boolean> {
  try {
    const head = (await readFile(file)).subarray(0, 64).toString('utf8').replace(/^\uFEFF/u, '');
    return head.trimStart().startsWith('{');
  } catch {
    throw new CliInputError(`${file}: cannot read the file: no such file`);
  }
}

export async function loadForms(file: string, templates: TemplateRegistry, io: CommandIo, lang: Lang): Promise<Evaluation[]> {
  if (await looksLikeJson(file)) return (await loadEvaluations(file, templates)).map((l) => l.evaluation);
  const read = await importFile(file, { templates });
  for (const d of read.diagnostics) io.err(`${[d.file, d.location].filter(Boolean).join(': ')}: ${d.severity} ${d.code}: ${render(d.message, lang)}`);
  if (read.forms.length === 0) throw new CliInputError(`${file}: no form could be read`);
  return read.forms.map((f) => f.evaluation);
}
