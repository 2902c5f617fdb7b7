/**
 * `jixiao check FILE [--targets TARGETS.json] [--json] [--lang zh|en] [--explain] [--templates FILE]…`:
 * the checks of an evaluation, targets or monitoring file (told apart by its top-level key); with
 * `--targets`, each evaluation also against its project's approved targets.
 */
import { hasErrors } from '../../core/checks/run-checks.ts';
import { EXIT } from '../cli-error.ts';
import { checkAll, toJson, toText } from '../check-output.ts';
import { checkCycle, toCycleJson, toCycleText } from '../cycle-check-output.ts';
import { loadTemplates } from '../load-evaluations.ts';
import { loadDocuments, loadTargets } from '../load-documents.ts';
import type { CommandIo } from '../command.ts';
import { parseCommandArgs, requireOne, langOption } from '../args.ts';
import { CliInputError } from '../cli-error.ts';

export const checkUsage = 'jixiao check FILE [--targets TARGETS.json] [--json] [--lang zh|en] [--explain] [--templates TEMPLATE.json]…';

export async function checkCommand(argv: string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, checkUsage, {
    targets: { type: 'string' },
    json: { type: 'boolean' },
    lang: { type: 'string' },
    explain: { type: 'boolean' },
    templates: { type: 'string', multiple: true },
  });
  const file = requireOne(positionals, 'FILE', checkUsage);
  const lang = langOption(values.lang);
  const templates = await loadTemplates((values.templates as string[] | undefined) ?? []);
  const documents = await loadDocuments(file, templates);
  const targetsFile = values.targets as string | undefined;
  if (documents.kind !== 'evaluations') {
    if (targetsFile !== undefined) throw new CliInputError(`--targets: ${file} holds ${documents.kind}, not evaluations; the targets are checked against evaluations\nusage: ${checkUsage}`);
    const checked = checkCycle(documents);
    io.out(values.json ? JSON.stringify(toCycleJson(documents.kind, checked, lang), null, 2) : toCycleText(checked, lang));
    return checked.some((c) => hasErrors(c.findings)) ? EXIT.findings : EXIT.ok;
  }
  const approved = targetsFile === undefined ? undefined : (await loadTargets(targetsFile, templates)).map((l) => l.document);
  const checked = checkAll(documents.loaded, approved);
  io.out(values.json ? JSON.stringify(toJson(checked, lang), null, 2) : toText(checked, lang, values.explain === true));
  if (approved) {
    // An evaluation not checked against targets is no finding of its own, but it must not pass unnoticed.
    const unmatched = checked.filter((c) => c.targets?.index === null).length;
    if (unmatched > 0) io.err(`${targetsFile}: ${unmatched} of ${checked.length} evaluation(s) have no single matching approved targets; see the report`);
  }
  return checked.some((c) => hasErrors(c.report.findings)) ? EXIT.findings : EXIT.ok;
}
