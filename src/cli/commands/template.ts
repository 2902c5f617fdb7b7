/** `jixiao template --xlsx OUT.xlsx [--template ID]`: the blank fillable form as a workbook. */
import { writeFile } from 'node:fs/promises';
import { writeBlankTemplateWorkbook } from '../../export/xlsx/workbook.ts';
import { parseCommandArgs } from '../args.ts';
import { CliInputError, EXIT } from '../cli-error.ts';
import type { CommandIo } from '../command.ts';
import { loadTemplates } from '../load-evaluations.ts';

export const templateUsage = 'jixiao template --xlsx OUT.xlsx [--template ID] [--templates TEMPLATE.json]…';

export async function templateCommand(argv: string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, templateUsage, {
    xlsx: { type: 'string' },
    template: { type: 'string' },
    templates: { type: 'string', multiple: true },
  });
  if (positionals.length > 0 || !values.xlsx) throw new CliInputError(`expected --xlsx OUT.xlsx\nusage: ${templateUsage}`);
  const registry = await loadTemplates((values.templates as string[] | undefined) ?? []);
  const id = (values.template as string | undefined) ?? 'shanghai-2021';
  const template = registry.get(id);
  if (!template) throw new CliInputError(`--template: unknown template "${id}" (known: ${registry.ids().join(', ')})`);
  await writeFile(values.xlsx as string, await writeBlankTemplateWorkbook(template));
  io.err(`${values.xlsx}: ${template.name.zh} (${template.id})`);
  return EXIT.ok;
}
