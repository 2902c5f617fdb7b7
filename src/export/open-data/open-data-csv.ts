/** The open-data CSV: a header row of titles in the chosen language, then one row per indicator. */
import { format, type Lang } from '../../core/locale/messages.ts';
import { csvFile } from '../csv-file.ts';
import { OPEN_DATA_COLUMNS, type OpenDataRow } from './open-data-rows.ts';

export function openDataCsv(rows: readonly OpenDataRow[], lang: Lang): string {
  const header = OPEN_DATA_COLUMNS.map((column) => format(`openData.${column}`, {}, lang));
  return csvFile([header, ...rows.map((row) => OPEN_DATA_COLUMNS.map((column) => row[column]))]);
}
