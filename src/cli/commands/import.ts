/**
 * `jixiao import FILE… [--out OUT.json] [--template ID] [--templates T.json]… [--json-report R] [--lang zh|en]`:
 * published PDFs, extracted text and spreadsheets → `jixiao/evaluation@1`. What could not be read
 * is reported on stderr (and in R), never guessed silently; the other files of a batch still import.
 */
import { writeFile } from 'node:fs/promises';
import { render, type Lang } from '../../core/locale/messages.ts';
import { EVALUATION_SCHEMA_ID } from '../../core/model/evaluation.ts';
import { importFile } from '../../import/import-file.ts';
import type { FileImport, ImportDiagnostic } from '../../import/import-result.ts';
import { langOption, parseCommandArgs } from '../args.ts';
import { CliInputError, EXIT } from '../cli-error.ts';
import type { CommandIo } from '../command.ts';
import { loadTemplates } from '../load-evaluations.ts';

export const importUsage = 'jixiao import FILE… [--out OUT.json] [--template ID] [--templates TEMPLATE.json]… [--json-report REPORT.json] [--lang zh|en]';

export async function importCommand(argv: string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, importUsage, {
    out: { type: 'string' },
    template: { type: 'string' },
    templates: { type: 'string', multiple: true },
    'json-report': { type: 'string' },
    lang: { type: 'string' },
  });
  if (positionals.length === 0) throw new CliInputError(`expected at least one FILE\nusage: ${importUsage}`);
  const lang = langOption(values.lang);
  // Templates added as data are recognised like the built-in ones (the reader threads are given them).
  const templates = await loadTemplates((values.templates as string[] | undefined) ?? []);
  const templateId = values.template as string | undefined;
  if (templateId !== undefined && !templates.get(templateId)) {
    throw new CliInputError(`--template: unknown template "${templateId}" (known: ${templates.ids().join(', ')})`);
  }
  // Read in parallel by the reader pool, reported in the order given.
  const reads = await Promise.all(positionals.map((file) => importFile(file, { ...(templateId ? { templateId } : {}), templates })));
  const imports: FileImport[] = [];
  let formsBefore = 0;
  for (const read of reads) {
    imports.push(numberedFrom(read, formsBefore));
    formsBefore += read.forms.length;
  }

  const diagnostics = imports.flatMap((i) => i.diagnostics);
  for (const d of diagnostics) io.err(describe(d, lang));
  const output = JSON.stringify({ evaluations: imports.flatMap((i) => i.forms.map((f) => f.evaluation)) }, null, 2);
  if (values.out) await writeFile(values.out as string, `${output}\n`);
  else io.out(output);
  if (values['json-report']) await writeFile(values['json-report'] as string, `${JSON.stringify(report(imports, lang), null, 2)}\n`);
  return exitCode(imports);
}

/** A file's paths count its own forms from 0; in the output they follow the forms of the files before it. */
function numberedFrom(read: FileImport, offset: number): FileImport {
  const renumber = (path: string) => path.replace(/^evaluations\[(\d+)\]/u, (_, i: string) => `evaluations[${Number(i) + offset}]`);
  return { ...read, diagnostics: read.diagnostics.map((d) => (d.path ? { ...d, path: renumber(d.path) } : d)) };
}

function describe(d: ImportDiagnostic, lang: Lang): string {
  const where = [d.file, d.location].filter(Boolean).join(': ');
  return `${where}: ${d.severity} ${d.code}${d.path ? ` ${d.path}` : ''}: ${render(d.message, lang)}`;
}

function report(imports: readonly FileImport[], lang: Lang) {
  return {
    schema: EVALUATION_SCHEMA_ID,
    files: imports.map((i) => ({
      file: i.file,
      forms: i.forms.map((f) => ({ project: f.evaluation.project.name, template: f.evaluation.template, start: f.start })),
      diagnostics: i.diagnostics.map((d) => ({ ...d, message: render(d.message, lang), messages: { zh: render(d.message, 'zh'), en: render(d.message, 'en') } })),
    })),
  };
}

/** 2: nothing could be read; 1: some form or file has an error; 0: everything read and consistent. */
function exitCode(imports: readonly FileImport[]): number {
  if (imports.every((i) => i.forms.length === 0)) return EXIT.unreadable;
  return imports.some((i) => i.diagnostics.some((d) => d.severity === 'error')) ? EXIT.findings : EXIT.ok;
}
