/**
 * The year's results report's tables as a workbook: one sheet per table (its heading as the sheet's
 * name), the title and note above the column titles; counts and amounts as numbers (amounts with 2
 * decimals shown), the same cells as the PDF.
 */
import ExcelJS from 'exceljs';
import { type Lang } from '../../core/locale/messages.ts';
import { reportTables, reportTitle, type GradeWord } from '../../core/report/report-tables.ts';
import type { ResultsReport } from '../../core/report/results-report.ts';
import { uniqueSheetName } from '../xlsx/sheet-names.ts';

export async function reportXlsx(report: ResultsReport, lang: Lang, gradeWord: GradeWord): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'jixiao';
  workbook.title = reportTitle(report.year, lang);
  const taken = new Set<string>();
  for (const table of reportTables(report, lang, gradeWord)) {
    const ws = workbook.addWorksheet(uniqueSheetName(table.title, taken));
    ws.addRow([`${workbook.title} — ${table.title}`]).font = { bold: true };
    ws.addRow([table.note ?? '']);
    ws.addRow(table.columns.map((c) => c.label)).font = { bold: true };
    ws.views = [{ state: 'frozen', ySplit: 3 }];
    table.columns.forEach((c, i) => {
      const column = ws.getColumn(i + 1);
      column.width = Math.max(8, Math.round(c.weight / 5));
      if (c.kind === 'money' || c.kind === 'percent' || c.kind === 'points') column.numFmt = c.kind === 'money' ? '#,##0.00' : '0.00';
    });
    for (const row of table.rows) {
      ws.addRow(row.map((value, i) => (value === null ? null : table.columns[i]!.kind === 'text' || typeof value === 'number' ? value : Number(value))));
    }
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
