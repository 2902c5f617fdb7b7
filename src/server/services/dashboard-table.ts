/** The dashboard table as a file: CSV (with a BOM for Excel) and an XLSX sheet with numbers as numbers. */
import ExcelJS from 'exceljs';
import { format, type Lang } from '../../core/locale/messages.ts';
import { csvFile } from '../../export/csv-file.ts';
import type { Summary } from './evaluation-views.ts';

const COLUMNS = ['year', 'unit', 'project', 'template', 'status', 'version', 'score', 'grade', 'executionRate', 'budget', 'updatedAt'] as const;

function cells(row: Summary, lang: Lang): Array<string | number | null> {
  return [
    row.year,
    row.unit.name,
    row.project,
    row.template,
    format(`status.${row.status}`, {}, lang),
    row.version,
    row.score,
    row.grade,
    row.executionRate === null ? null : Number(row.executionRate),
    row.budget === null ? null : Number(row.budget),
    row.updatedAt,
  ];
}

const header = (lang: Lang) => COLUMNS.map((c) => format(`dashboard.${c}`, {}, lang));

export function dashboardCsv(rows: readonly Summary[], lang: Lang): string {
  // CSV keeps the decimal strings as they are (no float formatting).
  const text = rows.map((r) => cells(r, lang).map((v, i) => (COLUMNS[i] === 'executionRate' ? r.executionRate : COLUMNS[i] === 'budget' ? r.budget : v) ?? ''));
  return csvFile([header(lang), ...text]);
}

export async function dashboardXlsx(rows: readonly Summary[], lang: Lang): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(format('dashboard.sheet', {}, lang));
  sheet.addRow(header(lang)).font = { bold: true };
  for (const row of rows) sheet.addRow(cells(row, lang));
  sheet.getColumn(COLUMNS.indexOf('budget') + 1).numFmt = '#,##0.00';
  sheet.getColumn(COLUMNS.indexOf('executionRate') + 1).numFmt = '0.00';
  sheet.columns.forEach((column, i) => { column.width = i === 2 ? 30 : i === 1 ? 28 : 14; });
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
