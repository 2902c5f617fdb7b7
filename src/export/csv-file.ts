/**
 * Every CSV jixiao writes: a byte order mark (so that Excel opens the Chinese text as UTF-8), CRLF
 * line ends, and cells that begin with = + - @, a tab or a carriage return prefixed with ' so that
 * a spreadsheet shows them as text instead of running them as formulas (a project named
 * `=HYPERLINK(…)` stays a name). The JSON files keep the values as they are.
 */
import { stringify } from 'csv-stringify/sync';

export function csvFile(rows: ReadonlyArray<ReadonlyArray<string | number | null | undefined>>): string {
  return `\uFEFF${stringify(rows.map((row) => [...row]), { record_delimiter: 'windows', escape_formulas: true })}`;
}
