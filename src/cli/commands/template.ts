/**
 * `jixiao template --xlsx OUT.xlsx [--template ID] [--document evaluation|targets|monitoring]`: the
 * blank fillable form as a workbook — the self-evaluation by default, or the template's targets
 * declaration (绩效目标申报表) or monitoring form (绩效目标执行监控表).
 */
import { writeFile } from 'node:fs/promises';
import { writeBlankCycleWorkbook } from '../../export/cycle/cycle-workbook.ts';
import { writeBlankTemplateWorkbook } from '../../export/xlsx/workbook.ts';
import { parseCommandArgs } from '../args.ts';
import { CliInputError, EXIT } from '../cli-error.ts';
import type { CommandIo } from '../command.ts';
import { loadTemplates } from '../load-evaluations.ts';

export const templateUsage = 'jixiao template --xlsx OUT.xlsx [--template ID] [--document evaluation|targets|monitoring] [--templates TEMPLATE.json]…';

const DOCUMENTS = ['evaluation', 'targets', 'monitoring'] as const;

export async function templateCommand(argv: string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, templateUsage, {
    xlsx: { type: 'string' },
    template: { type: 'string' },
    document: { type: 'string' },
    templates: { type: 'string', multiple: true },
  });
  if (positionals.length > 0 || !values.xlsx) throw new CliInputError(`expected --xlsx OUT.xlsx\nusage: ${templateUsage}`);
  const document = (values.document as string | undefined) ?? 'evaluation';
  if (!(DOCUMENTS as readonly string[]).includes(document)) throw new CliInputError(`--document must be ${DOCUMENTS.join(', ')}, not "${document}"`);
  const registry = await loadTemplates((values.templates as string[] | undefined) ?? []);
  const id = (values.template as string | undefined) ?? 'shanghai-2021';
  const template = registry.get(id);
  if (!template) throw new CliInputError(`--template: unknown template "${id}" (known: ${registry.ids().join(', ')})`);
  if (document === 'evaluation') {
    await writeFile(values.xlsx as string, await writeBlankTemplateWorkbook(template));
    io.err(`${values.xlsx}: ${template.name.zh} (${template.id})`);
    return EXIT.ok;
  }
  const kind = document as 'targets' | 'monitoring';
  const layout = template.documents?.[kind];
  if (!layout) {
    const having = registry.ids().filter((t) => registry.get(t)!.documents?.[kind]);
    throw new CliInputError(`--document ${kind}: template "${id}" has no ${kind} layout (templates that have one: ${having.join(', ') || 'none'})`);
  }
  await writeFile(values.xlsx as string, await writeBlankCycleWorkbook(template, kind));
  io.err(`${values.xlsx}: ${layout.title.zh.replace('{year}', '')} (${template.id})`);
  return EXIT.ok;
}
