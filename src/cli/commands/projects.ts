/**
 * `jixiao projects import FILE --year Y [--dry-run] [--lang zh|en]`: set the year up from the budget
 * system's project list (CSV or XLSX: 单位代码, 项目代码, 项目名称, 当年预算数, 上年预算金额,
 * 具体实施处室, 是否经常性项目, 模板 — or unit, code, name, budget, previousBudget, department,
 * recurring, template; amounts in 元). One draft evaluation per new project for its unit, made from
 * the project's approved targets of the year where it has them (issue 16), else carrying last
 * year's indicators over where the project had a form; run again, it updates the budget
 * system's facts and adds new projects without touching what units wrote. All rows or none.
 * Exit 0 written (or, with --dry-run, checked), 2 refused (each bad row named), nothing written.
 */
import { render } from '../../core/locale/messages.ts';
import { columnName } from '../../import/table/setup-rows.ts';
import { langOption, parseCommandArgs, requireOne } from '../args.ts';
import { CliInputError, EXIT } from '../cli-error.ts';
import type { CommandIo } from '../command.ts';
import { readListFile, refusedAsExit2, withSetup } from '../setup-context.ts';

export const projectsUsage = 'jixiao projects import FILE --year Y [--dry-run] [--lang zh|en]';

export async function projectsCommand(argv: string[], io: CommandIo): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub !== 'import') {
    io.err(`usage: ${projectsUsage}`);
    return EXIT.unreadable;
  }
  const { values, positionals } = parseCommandArgs(rest, projectsUsage, { year: { type: 'string' }, 'dry-run': { type: 'boolean' }, lang: { type: 'string' } });
  const lang = langOption(values.lang);
  const file = requireOne(positionals, 'FILE', projectsUsage);
  const year = Number(values.year);
  if (!/^\d{4}$/u.test(String(values.year ?? '')) || year < 1949 || year > 2999) throw new CliInputError(`--year must be a year such as 2025, not "${values.year ?? ''}"\nusage: ${projectsUsage}`);
  const list = await readListFile(file, 'projects', lang);
  return withSetup(({ services, actor }) =>
    refusedAsExit2(async () => {
      const result = await services.years.importProjects(actor, year, list.rows, list.problems, values['dry-run'] === true);
      if (list.ignoredColumns.length > 0) io.err(`${file}: columns not read: ${list.ignoredColumns.join(', ')}`);
      for (const n of result.notices) io.err(`${file}: row ${n.row}, ${columnName('projects', n.field)}: ${render(n.message, lang)}`);
      io.out(
        `jixiao projects import${result.dryRun ? ' (dry run: nothing written)' : ''}: ${year}: ${result.created} forms made ` +
          `(${result.carriedOver} from last year's, ${result.fromTargets} from approved targets), ${result.updated} projects updated, ${result.unchanged} unchanged`,
      );
      return EXIT.ok;
    }, io.err, lang, file),
  );
}
