/**
 * A cycle document's form (cycle-form.ts) written into a worksheet in its official layout: one
 * column per column of the indicator table (at least enough for the 项目资金 block), the project
 * fields two to a row, the 项目资金 block under its merged caption, the annual goal, and the table
 * with 一级指标 and 二级指标 merged over their rows. Amounts and rates are numbers under the
 * evaluation form's formats; everything else is text.
 */
import type { Worksheet } from 'exceljs';
import { amountCell, amountFormat, rateCell } from '../xlsx/form-values.ts';
import { across, put, putTitle, RATE_FORMAT, setUpA4Portrait, settleRowHeights, type CellValue, type CellStyle } from '../xlsx/sheet-cells.ts';
import { COLUMN_WIDTHS } from '../xlsx/form-indicators.ts';
import type { CycleForm, FormText } from './cycle-form.ts';

const SUBTITLE_SIZE = 11;
const MIN_WIDTH = 6;

function value(text: FormText): [CellValue, CellStyle] {
  const n = text.number;
  if (n?.as === 'amount') return [amountCell(n.value, n.unit), { numFmt: amountFormat(n.unit), align: 'right' }];
  if (n?.as === 'rate') return [rateCell(n.value), { numFmt: RATE_FORMAT, align: 'right' }];
  return [text.text, {}];
}

/** `count` spans over columns [from, to], as even as they go, the wider ones first. */
function spans(from: number, to: number, count: number): [number, number][] {
  const width = to - from + 1;
  const out: [number, number][] = [];
  let left = from;
  for (let i = 0; i < count; i++) {
    const w = Math.floor(width / count) + (i < width % count ? 1 : 0);
    out.push([left, left + w - 1]);
    left += w;
  }
  return out;
}

export function writeCycleSheet(ws: Worksheet, form: CycleForm): void {
  const fundingWidth = form.funding ? 2 + form.funding.columns.length : 0;
  const width = Math.max(MIN_WIDTH, form.table.columns.length, fundingWidth);
  form.table.columns.forEach((c, i) => (ws.getColumn(i + 1).width = COLUMN_WIDTHS[c.field] ?? 14));
  for (let c = form.table.columns.length + 1; c <= width; c++) ws.getColumn(c).width = 12;
  let row = 1;
  putTitle(ws, row++, width, form.title);
  if (form.subtitle !== undefined) putTitle(ws, row++, width, form.subtitle, SUBTITLE_SIZE);
  row = writeFields(ws, form, row, width);
  if (form.funding) row = writeFunding(ws, form.funding, row, width);
  row = writeGoal(ws, form.goal, row, width);
  row = writeTable(ws, form.table, row);
  settleRowHeights(ws, 1, row - 1);
  setUpA4Portrait(ws, row - 1, width);
}

function writeFields(ws: Worksheet, form: CycleForm, row: number, width: number): number {
  const name = form.fields.find((f) => f.label.source === 'project.name');
  const rest = form.fields.filter((f) => f !== name);
  let r = row;
  const leftEnd = Math.max(2, Math.floor(width / 2));
  if (name) {
    put(ws, across(r, 1, 1), name.label.text, { label: true });
    put(ws, across(r++, 2, width), ...withAlign(value(name.value), name.align));
  }
  for (let i = 0; i < rest.length; i += 2, r++) {
    const [left, right] = [rest[i]!, rest[i + 1]];
    put(ws, across(r, 1, 1), left.label.text, { label: true });
    put(ws, across(r, 2, right ? leftEnd : width), ...withAlign(value(left.value), left.align));
    if (!right) continue;
    put(ws, across(r, leftEnd + 1, leftEnd + 1), right.label.text, { label: true });
    put(ws, across(r, leftEnd + 2, width), ...withAlign(value(right.value), right.align));
  }
  return r;
}

function withAlign([cell, style]: [CellValue, CellStyle], align: CellStyle['align']): [CellValue, CellStyle] {
  return [cell, { align, ...style }];
}

function writeFunding(ws: Worksheet, funding: NonNullable<CycleForm['funding']>, row: number, width: number): number {
  const last = row + funding.rows.length;
  put(ws, { top: row, left: 1, bottom: last, right: 1 }, funding.heading.text, { label: true });
  put(ws, across(row, 2, 2), '', { label: true });
  const columns = spans(3, width, funding.columns.length);
  funding.columns.forEach((c, i) => put(ws, across(row, columns[i]![0], columns[i]![1]), c.text, { label: true }));
  funding.rows.forEach((fundingRow, j) => {
    const r = row + 1 + j;
    put(ws, across(r, 2, 2), fundingRow.source.text, { align: 'left' });
    fundingRow.values.forEach((v, i) => put(ws, across(r, columns[i]![0], columns[i]![1]), ...value(v)));
  });
  return last + 1;
}

function writeGoal(ws: Worksheet, goal: CycleForm['goal'], row: number, width: number): number {
  if (goal.heads.length === 0) {
    put(ws, across(row, 1, 1), goal.label.text, { label: true });
    put(ws, across(row, 2, width), goal.values[0]!.text);
    return row + 1;
  }
  put(ws, { top: row, left: 1, bottom: row + 1, right: 1 }, goal.label.text, { label: true });
  spans(2, width, goal.heads.length).forEach(([from, to], i) => {
    put(ws, across(row, from, to), goal.heads[i]!.text, { label: true });
    put(ws, across(row + 1, from, to), goal.values[i]!.text);
  });
  return row + 2;
}

/** The table: titles, then one row per indicator; 一级指标 merged over its block, 二级指标 over equal neighbours. */
function writeTable(ws: Worksheet, table: CycleForm['table'], row: number): number {
  table.columns.forEach((c, i) => put(ws, across(row, i + 1, i + 1), c.title, { label: true }));
  const first = row + 1;
  const categoryCol = table.columns.findIndex((c) => c.field === 'category');
  table.columns.forEach((column, i) => {
    const merged = column.field === 'category' || column.field === 'subcategory';
    for (let r = 0; r < table.rows.length; ) {
      const text = table.rows[r]![i]!;
      let end = r;
      // A 二级指标 merges only within its 一级指标's block, and blank ones stay apart.
      const sameBlock = (a: number, b: number) => categoryCol < 0 || table.rows[a]![categoryCol]!.text === table.rows[b]![categoryCol]!.text;
      while (merged && text.text !== '' && end + 1 < table.rows.length && table.rows[end + 1]![i]!.text === text.text && sameBlock(end + 1, r)) end++;
      const style: CellStyle = merged || column.field === 'likelihood' ? { align: 'center' } : column.field === 'weight' ? { align: 'right' } : {};
      put(ws, { top: first + r, left: i + 1, bottom: first + end, right: i + 1 }, column.field === 'weight' && text.text !== '' ? Number(text.text) : text.text, style);
      r = end + 1;
    }
  });
  return first + table.rows.length;
}
