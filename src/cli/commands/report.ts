/**
 * `jixiao report --year Y [--pdf OUT.pdf] [--xlsx OUT.xlsx] [--lang zh|en]`: the year's results report
 * (年度绩效评价结果报告, issue 17) from the database of DATABASE_URL (migrated first, as the other
 * database commands open it): the PDF (tables and charts, A4) and/or the XLSX of its tables. Built from
 * SQL aggregates, as the server's GET /api/years/{year}/report.pdf builds it. Exit 0 written; 2 when an
 * option is wrong or missing, the year has no forms, or an output cannot be written (each named).
 */
import { writeFile } from 'node:fs/promises';
import { templateRegistry } from '../../core/templates/registry.ts';
import { readConfig } from '../../config.ts';
import { loadResultsReport, resultsReportFile, type ReportFormat } from '../../server/services/report-service.ts';
import { migrateToLatest } from '../../storage/migrate.ts';
import { openDatabase } from '../../storage/open-database.ts';
import { langOption, parseCommandArgs } from '../args.ts';
import { CliInputError, EXIT } from '../cli-error.ts';
import type { CommandIo } from '../command.ts';

export const reportUsage = 'jixiao report --year Y [--pdf OUT.pdf] [--xlsx OUT.xlsx] [--lang zh|en]';

export async function reportCommand(argv: string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, reportUsage, { year: { type: 'string' }, pdf: { type: 'string' }, xlsx: { type: 'string' }, lang: { type: 'string' } });
  if (positionals.length > 0) throw new CliInputError(`unexpected argument "${positionals[0]}"\nusage: ${reportUsage}`);
  const lang = langOption(values.lang);
  const year = Number(values.year);
  if (!/^\d{4}$/u.test(String(values.year ?? '')) || year < 1949 || year > 2999) throw new CliInputError(`--year must be a year such as 2025, not "${values.year ?? ''}"\nusage: ${reportUsage}`);
  const outputs = (['pdf', 'xlsx'] as const).flatMap((format): Array<{ format: ReportFormat; path: string }> => (typeof values[format] === 'string' ? [{ format, path: values[format] as string }] : []));
  if (outputs.length === 0) throw new CliInputError(`give --pdf OUT.pdf, --xlsx OUT.xlsx or both\nusage: ${reportUsage}`);
  const started = performance.now();
  const database = openDatabase(readConfig().DATABASE_URL);
  try {
    await migrateToLatest(database.db);
    const templates = templateRegistry();
    const report = await loadResultsReport(database.db, templates, year, new Date());
    if (report.coverage.totals.due === 0) throw new CliInputError(`--year ${year}: the database has no forms of ${year}`);
    for (const { format, path } of outputs) {
      const file = await resultsReportFile(report, templates, format, lang);
      try {
        await writeFile(path, file.bytes);
      } catch (error) {
        throw new CliInputError(`--${format} ${path}: cannot be written (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
      }
      io.out(`jixiao report: ${year}: wrote ${path} (${format.toUpperCase()}, ${file.bytes.byteLength.toLocaleString('en-US')} bytes)`);
    }
    io.err(`jixiao report: ${report.coverage.totals.due} forms due, ${report.money.forms} reviewed, in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    return EXIT.ok;
  } finally {
    await database.close();
  }
}
