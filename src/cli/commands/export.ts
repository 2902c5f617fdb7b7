/**
 * `jixiao export FILE [--pdf OUT.pdf] [--xlsx OUT.xlsx] [--csv OUT.csv] [--json OUT.json] [--lang zh|en]`:
 * the official forms as PDF and XLSX (one document with every form), and the open data (one row
 * per indicator) as CSV or JSON — of evaluations, targets declarations or monitoring forms.
 */
import { writeFile } from 'node:fs/promises';
import type { Lang } from '../../core/locale/messages.ts';
import type { TemplateRegistry } from '../../core/templates/registry.ts';
import { writeCycleWorkbook } from '../../export/cycle/cycle-workbook.ts';
import type { CycleDocuments } from '../../export/cycle/cycle-forms.ts';
import { renderCyclePdf } from '../../export/cycle/render-cycle-pdf.ts';
import { cycleOpenDataCsv, cycleOpenDataRows } from '../../export/open-data/cycle-open-data.ts';
import { openDataCsv } from '../../export/open-data/open-data-csv.ts';
import { openDataRows } from '../../export/open-data/open-data-rows.ts';
import { MissingCharactersError } from '../../export/pdf/missing-characters.ts';
import { renderEvaluationsPdf } from '../../export/pdf/render-evaluations-pdf.ts';
import { writeEvaluationsWorkbook } from '../../export/xlsx/workbook.ts';
import { langOption, parseCommandArgs, requireOne } from '../args.ts';
import { CliInputError, EXIT } from '../cli-error.ts';
import type { CommandIo } from '../command.ts';
import { loadTemplates } from '../load-evaluations.ts';
import { loadForms, type Forms } from '../load-forms.ts';

export const exportUsage = 'jixiao export FILE [--pdf OUT.pdf] [--xlsx OUT.xlsx] [--csv OUT.csv] [--json OUT.json] [--lang zh|en] [--templates TEMPLATE.json]…';

type Format = 'pdf' | 'xlsx' | 'csv' | 'json';
type Writer = (forms: Forms, templates: TemplateRegistry, lang: Lang) => Promise<Uint8Array | string>;

const EVALUATION_WRITERS: Record<Format, Writer> = {
  pdf: (forms, templates, lang) => renderEvaluationsPdf(evaluations(forms), { lang, templates }),
  xlsx: (forms, templates) => writeEvaluationsWorkbook(evaluations(forms), templates),
  csv: async (forms, templates, lang) => openDataCsv(openDataRows(evaluations(forms), templates), lang),
  json: async (forms, templates) => `${JSON.stringify({ rows: openDataRows(evaluations(forms), templates) }, null, 2)}\n`,
};

const CYCLE_WRITERS: Record<Format, Writer> = {
  pdf: (forms, templates, lang) => renderCyclePdf(cycle(forms), templates, lang),
  xlsx: (forms, templates) => writeCycleWorkbook(cycle(forms), templates),
  csv: async (forms, templates, lang) => cycleOpenDataCsv(cycle(forms), templates, lang),
  json: async (forms, templates, lang) => `${JSON.stringify({ rows: cycleOpenDataRows(cycle(forms), templates, lang) }, null, 2)}\n`,
};

function evaluations(forms: Forms) {
  if (forms.kind !== 'evaluations') throw new Error('expected evaluations');
  return forms.documents;
}

function cycle(forms: Forms): CycleDocuments {
  if (forms.kind === 'evaluations') throw new Error('expected targets or monitoring');
  return forms;
}

export async function exportCommand(argv: string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, exportUsage, {
    pdf: { type: 'string' },
    xlsx: { type: 'string' },
    csv: { type: 'string' },
    json: { type: 'string' },
    lang: { type: 'string' },
    templates: { type: 'string', multiple: true },
  });
  const file = requireOne(positionals, 'FILE', exportUsage);
  const outputs = (['pdf', 'xlsx', 'csv', 'json'] as const).filter((kind) => typeof values[kind] === 'string');
  if (outputs.length === 0) throw new CliInputError(`say what to write: --pdf, --xlsx, --csv or --json\nusage: ${exportUsage}`);
  const lang = langOption(values.lang);
  const templates = await loadTemplates((values.templates as string[] | undefined) ?? []);
  const forms = await loadForms(file, templates, io, lang);
  const writers = forms.kind === 'evaluations' ? EVALUATION_WRITERS : CYCLE_WRITERS;
  for (const kind of outputs) {
    const out = values[kind] as string;
    try {
      await writeFile(out, await writers[kind](forms, templates, lang));
    } catch (error) {
      if (error instanceof MissingCharactersError) {
        io.err(`${out}: not written: ${error.message}`);
        return EXIT.findings;
      }
      throw error;
    }
    io.err(`${out}: ${forms.documents.length} form(s)`);
  }
  return EXIT.ok;
}
