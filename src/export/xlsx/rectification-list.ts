/**
 * The rectification items (整改事项) as a workbook: one row per item, headings from the locale,
 * the overdue mark on the day it was made. Every value is written as a plain value (text, never a
 * formula: exceljs makes a formula only of a `{formula}` cell, so a problem typed as "=1+1" stays text).
 */
import ExcelJS from 'exceljs';
import { format, type Lang } from '../../core/locale/messages.ts';
import type { RectificationView } from '../../server/services/rectification-service.ts';

const COLUMNS: Array<[string, number]> = [
  ['year', 8], ['unit', 28], ['projectCode', 16], ['project', 32], ['indicator', 24], ['problem', 40], ['requirement', 40], ['dueDate', 12],
  ['status', 10], ['overdue', 8], ['measures', 40], ['evidence', 24], ['sendBackReason', 30], ['raisedBy', 14], ['raisedAt', 20], ['answeredAt', 20], ['closedAt', 20],
];

export async function rectificationListXlsx(items: readonly RectificationView[], today: string, lang: Lang): Promise<Buffer> {
  const t = (key: string, params = {}) => format(key, params, lang);
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet(t('rectification.sheet'));
  ws.addRow([t('rectification.title', { today })]).font = { bold: true };
  ws.addRow(COLUMNS.map(([key]) => t(`rectification.col.${key}`))).font = { bold: true };
  COLUMNS.forEach(([, width], i) => { ws.getColumn(i + 1).width = width; });
  ws.views = [{ state: 'frozen', ySplit: 2 }];
  for (const item of items) {
    ws.addRow([
      item.year, item.unit.name, item.projectCode ?? '', item.project, item.indicator?.name ?? '', item.problem, item.requirement, item.dueDate,
      t(`rectification.status.${item.status}`), t(item.overdue ? 'rectification.yes' : 'rectification.no'), item.measures ?? '',
      item.evidence.map((e) => e.fileName || e.id).join('\n'), item.sendBackReason ?? '', item.raisedBy.displayName, item.raisedAt, item.answeredAt ?? '', item.closedAt ?? '',
    ]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
