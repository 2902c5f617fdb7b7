/** The re-check gap report (抽查复核差异) as a workbook: gap by unit, the drawn forms, every indicator. */
import ExcelJS from 'exceljs';
import { format, type Lang } from '../../core/locale/messages.ts';
import type { GapReport } from '../../core/recheck/gap-report.ts';

const POINTS = '0.00';

export async function recheckReportXlsx(report: GapReport & { year: number; seed: string }, lang: Lang): Promise<Buffer> {
  const t = (key: string, params = {}) => format(key, params, lang);
  const yesNo = (flag: boolean) => t(flag ? 'recheck.yes' : 'recheck.no');
  const workbook = new ExcelJS.Workbook();

  const sheet = (name: string, columns: Array<[string, number, string?]>) => {
    const ws = workbook.addWorksheet(t(name));
    ws.addRow([t('recheck.title', { year: report.year, seed: report.seed, threshold: report.threshold })]).font = { bold: true };
    ws.addRow(columns.map(([key]) => t(key))).font = { bold: true };
    columns.forEach(([, width, numFmt], i) => {
      const column = ws.getColumn(i + 1);
      column.width = width;
      if (numFmt) column.numFmt = numFmt;
    });
    ws.views = [{ state: 'frozen', ySplit: 2 }];
    return ws;
  };

  const units = sheet('recheck.sheet.units', [
    ['recheck.col.unit', 30], ['recheck.col.drawn', 10], ['recheck.col.rechecked', 10], ['recheck.col.flagged', 12],
    ['recheck.col.meanGap', 12, POINTS], ['recheck.col.meanAbsoluteGap', 14, POINTS], ['recheck.col.maxGap', 12, POINTS],
  ]);
  for (const u of report.units) units.addRow([u.unit.name, u.drawn, u.rechecked, u.flagged, u.meanGap, u.meanAbsoluteGap, u.maxGap]);

  const forms = sheet('recheck.sheet.forms', [
    ['recheck.col.unit', 30], ['recheck.col.project', 34], ['recheck.col.selfTotal', 12, POINTS],
    ['recheck.col.recheckTotal', 12, POINTS], ['recheck.col.gap', 16, POINTS], ['recheck.col.flag', 10],
  ]);
  for (const f of report.forms) forms.addRow([f.unit.name, f.project, f.selfTotal, f.recheckTotal, f.gap, yesNo(f.flagged)]);

  const indicators = sheet('recheck.sheet.indicators', [
    ['recheck.col.unit', 30], ['recheck.col.project', 34], ['recheck.col.category', 12], ['recheck.col.indicator', 30],
    ['recheck.col.weight', 8, POINTS], ['recheck.col.selfScore', 10, POINTS], ['recheck.col.recheckScore', 10, POINTS],
    ['recheck.col.gap', 16, POINTS], ['recheck.col.reason', 40],
  ]);
  for (const f of report.forms) {
    for (const i of f.indicators) indicators.addRow([f.unit.name, f.project, i.category, i.name, i.weight, i.selfScore, i.recheckScore, i.gap, i.reason]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
