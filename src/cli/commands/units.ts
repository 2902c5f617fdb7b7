/**
 * `jixiao units import FILE [--lang zh|en]`: the organisation from a list (CSV or XLSX with the
 * columns 单位代码, 单位名称, 上级单位代码 — or code, name, parent; a unit without a parent stands
 * directly under the finance bureau). A code already known changes that unit; all rows or none.
 * Exit 0 written, 2 refused (each bad row named on stderr, nothing written).
 */
import { parseCommandArgs, langOption, requireOne } from '../args.ts';
import { EXIT } from '../cli-error.ts';
import type { CommandIo } from '../command.ts';
import { readListFile, refusedAsExit2, withSetup } from '../setup-context.ts';

export const unitsUsage = 'jixiao units import FILE [--lang zh|en]';

export async function unitsCommand(argv: string[], io: CommandIo): Promise<number> {
  const [sub, ...rest] = argv;
  const { values, positionals } = parseCommandArgs(rest, unitsUsage, { lang: { type: 'string' } });
  if (sub !== 'import') {
    io.err(`usage: ${unitsUsage}`);
    return EXIT.unreadable;
  }
  const lang = langOption(values.lang);
  const file = requireOne(positionals, 'FILE', unitsUsage);
  const list = await readListFile(file, 'units', lang);
  return withSetup(({ services, actor }) =>
    refusedAsExit2(async () => {
      const counts = await services.units.importRows(actor, list.rows);
      if (list.ignoredColumns.length > 0) io.err(`${file}: columns not read: ${list.ignoredColumns.join(', ')}`);
      io.out(`jixiao units import: ${counts.created} created, ${counts.updated} changed, ${counts.unchanged} unchanged`);
      return EXIT.ok;
    }, io.err, lang, file),
  );
}
