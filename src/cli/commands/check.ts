/** `jixiao check FILE [--json] [--lang zh|en] [--explain] [--templates FILE]…` */
import { hasErrors } from '../../core/checks/run-checks.ts';
import { EXIT } from '../cli-error.ts';
import { checkAll, toJson, toText } from '../check-output.ts';
import { loadEvaluations, loadTemplates } from '../load-evaluations.ts';
import type { CommandIo } from '../command.ts';
import { parseCommandArgs, requireOne, langOption } from '../args.ts';

export const checkUsage = 'jixiao check FILE [--json] [--lang zh|en] [--explain] [--templates TEMPLATE.json]…';

export async function checkCommand(argv: string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, checkUsage, {
    json: { type: 'boolean' },
    lang: { type: 'string' },
    explain: { type: 'boolean' },
    templates: { type: 'string', multiple: true },
  });
  const file = requireOne(positionals, 'FILE', checkUsage);
  const lang = langOption(values.lang);
  const templates = await loadTemplates((values.templates as string[] | undefined) ?? []);
  const checked = checkAll(await loadEvaluations(file, templates));
  io.out(values.json ? JSON.stringify(toJson(checked, lang), null, 2) : toText(checked, lang, values.explain === true));
  return checked.some((c) => hasErrors(c.report.findings)) ? EXIT.findings : EXIT.ok;
}
