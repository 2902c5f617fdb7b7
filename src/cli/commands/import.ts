/**
 * `jixiao import FILE… [--out OUT.json] [--template ID] [--templates T.json]… [--json-report R] [--lang zh|en]`:
 * published PDFs, extracted text and spreadsheets → `jixiao/evaluation@1`; PDFs and spreadsheets
 * of targets declarations or monitoring forms (recognised by their titles) → `jixiao/targets@1`
 * or `jixiao/monitoring@1`. One run gives one kind of document. What could not be read is
 * reported on stderr (and in R), never guessed silently; the other files of a batch still import.
 */
import { writeFile } from 'node:fs/promises';
import { render, type Lang } from '../../core/locale/messages.ts';
import { EVALUATION_SCHEMA_ID } from '../../core/model/evaluation.ts';
import { MONITORING_SCHEMA_ID } from '../../core/model/monitoring.ts';
import { TARGETS_SCHEMA_ID } from '../../core/model/targets.ts';
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
  const kind = documentKind(reads);
  const imports: FileImport[] = [];
  let formsBefore = 0;
  for (const read of reads) {
    imports.push(numberedFrom(read, formsBefore));
    formsBefore += formCount(read);
  }

  const diagnostics = imports.flatMap((i) => i.diagnostics);
  for (const d of diagnostics) io.err(describe(d, lang));
  const documents = kind === 'evaluations' ? imports.flatMap((i) => i.forms.map((f) => f.evaluation)) : imports.flatMap((i) => (i.cycle?.kind === kind ? i.cycle.documents : []));
  const output = JSON.stringify({ [kind]: documents }, null, 2);
  if (values.out) await writeFile(values.out as string, `${output}\n`);
  else io.out(output);
  if (values['json-report']) await writeFile(values['json-report'] as string, `${JSON.stringify(report(imports, lang, kind), null, 2)}\n`);
  return exitCode(imports);
}

function formCount(read: FileImport): number {
  return read.forms.length + (read.cycle?.documents.length ?? 0);
}

/** The kind of document the batch holds; files of two kinds are refused (the output file holds one). */
function documentKind(reads: readonly FileImport[]): 'evaluations' | 'targets' | 'monitoring' {
  const kinds = new Set(reads.flatMap((r) => [...(r.forms.length > 0 ? ['evaluations' as const] : []), ...(r.cycle && r.cycle.documents.length > 0 ? [r.cycle.kind] : [])]));
  if (kinds.size > 1) {
    const which = reads.map((r) => `${r.file}: ${r.cycle?.kind ?? 'evaluations'}`).join('; ');
    throw new CliInputError(`the files hold different kinds of document (${which}): import each kind on its own`);
  }
  return [...kinds][0] ?? 'evaluations';
}

/** A file's paths count its own forms from 0; in the output they follow the forms of the files before it. */
function numberedFrom(read: FileImport, offset: number): FileImport {
  const renumber = (path: string) => path.replace(/^(evaluations|targets|monitoring)\[(\d+)\]/u, (_, kind: string, i: string) => `${kind}[${Number(i) + offset}]`);
  return { ...read, diagnostics: read.diagnostics.map((d) => (d.path ? { ...d, path: renumber(d.path) } : d)) };
}

function describe(d: ImportDiagnostic, lang: Lang): string {
  const where = [d.file, d.location].filter(Boolean).join(': ');
  return `${where}: ${d.severity} ${d.code}${d.path ? ` ${d.path}` : ''}: ${render(d.message, lang)}`;
}

const SCHEMAS = { evaluations: EVALUATION_SCHEMA_ID, targets: TARGETS_SCHEMA_ID, monitoring: MONITORING_SCHEMA_ID } as const;

function report(imports: readonly FileImport[], lang: Lang, kind: keyof typeof SCHEMAS) {
  return {
    schema: SCHEMAS[kind],
    files: imports.map((i) => ({
      file: i.file,
      forms: [
        ...i.forms.map((f) => ({ project: f.evaluation.project.name, template: f.evaluation.template, start: f.start })),
        ...(i.cycle?.documents ?? []).map((d, k) => ({ project: d.project.name, template: d.template, kind: i.cycle!.kind, start: i.cycle!.starts[k] })),
      ],
      diagnostics: i.diagnostics.map((d) => ({ ...d, message: render(d.message, lang), messages: { zh: render(d.message, 'zh'), en: render(d.message, 'en') } })),
    })),
  };
}

/** 2: nothing could be read; 1: some form or file has an error; 0: everything read and consistent. */
function exitCode(imports: readonly FileImport[]): number {
  if (imports.every((i) => formCount(i) === 0)) return EXIT.unreadable;
  return imports.some((i) => i.diagnostics.some((d) => d.severity === 'error')) ? EXIT.findings : EXIT.ok;
}
