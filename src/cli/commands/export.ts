/**
 * `jixiao export FILE [--pdf OUT.pdf] [--xlsx OUT.xlsx] [--csv OUT.csv] [--json OUT.json] [--lang zh|en]`:
 * the official form as PDF and XLSX (one document with every form), and the open data (one row
 * per indicator) as CSV or JSON.
 */
import { writeFile } from 'node:fs/promises';
import type { Lang } from '../../core/locale/messages.ts';
import type { Evaluation } from '../../core/model/evaluation.ts';
import type { TemplateRegistry } from '../../core/templates/registry.ts';
import { openDataCsv } from '../../export/open-data/open-data-csv.ts';
import { openDataRows } from '../../export/open-data/open-data-rows.ts';
import { MissingCharactersError } from '../../export/pdf/missing-characters.ts';
import { renderEvaluationsPdf } from '../../export/pdf/render-evaluations-pdf.ts';
import { writeEvaluationsWorkbook } from '../../export/xlsx/workbook.ts';
import { langOption, parseCommandArgs, requireOne } from '../args.ts';
import { CliInputError, EXIT } from '../cli-error.ts';
import type { CommandIo } from '../command.ts';
import { loadTemplates } from '../load-evaluations.ts';
import { loadForms } from '../load-forms.ts';

export const exportUsage = 'jixiao export FILE [--pdf OUT.pdf] [--xlsx OUT.xlsx] [--csv OUT.csv] [--json OUT.json] [--lang zh|en] [--templates TEMPLATE.json]…';

type Writer = (evaluations: Evaluation[], templates: TemplateRegistry, lang: Lang) => Promise<Uint8Array | string>;

const WRITERS: Record<'pdf' | 'xlsx' | 'csv' | 'json', Writer> = {
  pdf: (evaluations, templates, lang) => renderEvaluationsPdf(evaluations, { lang, templates }),
  xlsx: (evaluations, templates) => writeEvaluationsWorkbook(evaluations, templates),
  csv: async (evaluations, templates, lang) => openDataCsv(openDataRows(evaluations, templates), lang),
  json: async (evaluations, templates) => `${JSON.stringify({ rows: openDataRows(evaluations, templates) }, null, 2)}\n`,
};

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
  const outputs = (Object.keys(WRITERS) as Array<keyof typeof WRITERS>).filter((kind) => typeof values[kind] === 'string');
  if (outputs.length === 0) throw new CliInputError(`say what to write: --pdf, --xlsx, --csv or --json\nusage: ${exportUsage}`);
  const lang = langOption(values.lang);
  const templates = await loadTemplates((values.templates as string[] | undefined) ?? []);
  const evaluations = await loadForms(file, templates, io, lang);
  for (const kind of outputs) {
    const out = values[kind] as string;
    try {
      await writeFile(out, await WRITERS[kind](evaluations, templates, lang));
    } catch (error) {
      if (error instanceof MissingCharactersError) {
        io.err(`${out}: not written: ${error.message}`);
        return EXIT.findings;
      }
      throw error;
    }
    io.err(`${out}: ${evaluations.length} form(s)`);
  }
  return EXIT.ok;
}
