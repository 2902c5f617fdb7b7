/** A year's progress as a workbook: per department and unit (填报进度), and the forms still with their units (未报送). */
import ExcelJS from 'exceljs';
import { format, type Lang } from '../../core/locale/messages.ts';
import type { Status } from '../../core/workflow/workflow.ts';
import { PROGRESS_COLUMNS, type Progress, type ProgressCounts } from '../../core/year/progress.ts';

export interface OpenForm {
  unit: { name: string };
  project: string;
  status: Status;
  updatedAt: string;
}

export async function progressXlsx(progress: Progress, open: readonly OpenForm[], lang: Lang): Promise<Buffer> {
  const t = (key: string, params = {}) => format(key, params, lang);
  const workbook = new ExcelJS.Workbook();
  const title = t('progress.title', { year: progress.year, deadline: progress.deadline ?? t('progress.noDeadline') });

  const ws = workbook.addWorksheet(t('progress.sheet'));
  ws.addRow([title]).font = { bold: true };
  ws.addRow([t('progress.col.department'), t('progress.col.code'), t('progress.col.unit'), ...PROGRESS_COLUMNS.map((c) => t(`progress.col.${c}`))]).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 2 }];
  [24, 14, 30, ...PROGRESS_COLUMNS.map(() => 10)].forEach((width, i) => (ws.getColumn(i + 1).width = width));
  const counts = (c: ProgressCounts) => PROGRESS_COLUMNS.map((column) => c[column]);
  for (const d of progress.departments) {
    ws.addRow([d.unit.name, d.unit.code, t('progress.departmentTotal'), ...counts(d.counts)]).font = { bold: true };
    for (const u of d.units) ws.addRow([d.unit.name, u.unit.code, u.unit.name, ...counts(u.counts)]);
  }
  ws.addRow([t('progress.total'), '', '', ...counts(progress.totals)]).font = { bold: true };

  const forms = workbook.addWorksheet(t('progress.openSheet'));
  forms.addRow([title]).font = { bold: true };
  forms.addRow([t('progress.col.unit'), t('progress.col.project'), t('progress.col.status'), t('progress.col.updatedAt'), t('progress.col.overdue')]).font = { bold: true };
  forms.views = [{ state: 'frozen', ySplit: 2 }];
  [30, 40, 12, 22, 10].forEach((width, i) => (forms.getColumn(i + 1).width = width));
  for (const f of open) {
    forms.addRow([f.unit.name, f.project, t(`status.${f.status}`), f.updatedAt, progress.pastDeadline ? t('recheck.yes') : t('recheck.no')]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
