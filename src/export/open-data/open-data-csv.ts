/** The open-data CSV: a header row of titles in the chosen language, then one row per indicator. */
import { stringify } from 'csv-stringify/sync';
import { format, type Lang } from '../../core/locale/messages.ts';
import { OPEN_DATA_COLUMNS, type OpenDataRow } from './open-data-rows.ts';

/** With a byte order mark, so that Excel opens the Chinese text as UTF-8. */
export function openDataCsv(rows: readonly OpenDataRow[], lang: Lang): string {
  const header = OPEN_DATA_COLUMNS.map((column) => format(`openData.${column}`, {}, lang));
  return `\uFEFF${stringify([header, ...rows.map((row) => OPEN_DATA_COLUMNS.map((column) => row[column]))], { record_delimiter: 'windows' })}`;
}
