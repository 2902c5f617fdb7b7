/**
 * The indicator table: the template's column titles, one row per indicator with the 一级指标
 * (and 二级指标) cells merged over their rows, then 合计 / 总分. The blank form gets empty rows
 * under each category, with the 二级指标 the template lists.
 */
import { format } from '../../core/locale/messages.ts';
import type { Indicator } from '../../core/model/evaluation.ts';
import { fieldLabel } from '../../core/templates/labels.ts';
import type { FormContext } from './form-context.ts';
import { categoryCaption, formWord } from './form-words.ts';
import { across, put, single, type CellValue, type Range } from './sheet-cells.ts';
import { printedColumns } from '../../core/templates/template.ts';

/** Column widths by field, in character units; together about the width of A4 portrait. */
export const COLUMN_WIDTHS: Readonly<Record<string, number>> = {
  category: 13,
  subcategory: 11,
  name: 20,
  target: 16,
  actual: 12,
  weight: 7,
  rule: 22,
  score: 7,
  remark: 16,
  level: 11,
};
const DEFAULT_WIDTH = 12;
/** Empty rows per category on the blank form, at least one per listed 二级指标. */
const BLANK_ROWS_PER_CATEGORY = 3;

/** A row of the table: an indicator, or an empty row under a category on the blank form. */
interface TableRow {
  category: string | undefined;
  subcategory: string | undefined;
  indicator: Indicator | undefined;
}

export function columnFields(ctx: FormContext): string[] {
  return printedColumns(ctx.template).map((c) => c.field);
}

/** The level column (达成程度) beyond the printed ones: on the blank form, or where an indicator has a level. */
export function levelColumn(ctx: FormContext): number | undefined {
  if (formWord(ctx.template, 'indicators[].level') === undefined) return undefined;
  const wanted = ctx.evaluation === undefined || ctx.evaluation.indicators.some((i) => i.level !== undefined);
  return wanted ? ctx.width + 1 : undefined;
}

function tableRows(ctx: FormContext): TableRow[] {
  if (ctx.evaluation) return ctx.evaluation.indicators.map((i) => ({ category: i.category, subcategory: i.subcategory, indicator: i }));
  return ctx.template.categories.flatMap((c) => {
    const count = Math.max(BLANK_ROWS_PER_CATEGORY, c.subcategories.length);
    return Array.from({ length: count }, (_, i) => ({ category: c.key, subcategory: c.subcategories[i], indicator: undefined }));
  });
}

/** Runs of consecutive rows with the same key: [first, last] indexes. */
function runs(rows: readonly TableRow[], key: (row: TableRow) => string | undefined): [number, number][] {
  const out: [number, number][] = [];
  rows.forEach((row, i) => {
    const last = out.at(-1);
    if (last && i > 0 && key(rows[i - 1]!) === key(row) && key(row) !== undefined) last[1] = i;
    else out.push([i, i]);
  });
  return out;
}

function cellValue(indicator: Indicator | undefined, field: string): CellValue {
  const raw = indicator?.[field];
  return typeof raw === 'string' || typeof raw === 'number' ? raw : undefined;
}

function writeHeader(ctx: FormContext, row: number, levelCol: number | undefined): void {
  printedColumns(ctx.template).forEach((column, i) => put(ctx.ws, single(row, i + 1), column.title.zh, { label: true, bold: true }));
  if (levelCol !== undefined) put(ctx.ws, single(row, levelCol), formWord(ctx.template, 'indicators[].level'), { label: true, bold: true });
}

function writeGrouped(ctx: FormContext, rows: TableRow[], first: number, field: 'category' | 'subcategory'): void {
  const col = columnFields(ctx).indexOf(field) + 1;
  if (col === 0) return;
  const key = field === 'category' ? (r: TableRow) => r.category : (r: TableRow) => (r.subcategory === undefined ? undefined : `${r.category}\u0000${r.subcategory}`);
  for (const [from, to] of runs(rows, key)) {
    const row = rows[from]!;
    const range: Range = { top: first + from, left: col, bottom: first + to, right: col };
    const text = field === 'category' ? (row.category === undefined ? undefined : categoryCaption(ctx.template, row.category)) : row.subcategory;
    put(ctx.ws, range, text, { label: true });
    if (field === 'category') ctx.marks.categories.push(range);
    else if (row.category !== undefined) ctx.marks.subcategories.push({ range, category: row.category });
  }
}

function writeRow(ctx: FormContext, r: number, row: TableRow, levelCol: number | undefined): void {
  columnFields(ctx).forEach((field, i) => {
    if (field === 'category' || field === 'subcategory') return;
    const cell = single(r, i + 1);
    const numeric = field === 'weight' || field === 'score';
    put(ctx.ws, cell, cellValue(row.indicator, field), numeric ? { align: 'center' } : {});
    if (numeric) ctx.marks.points.push(cell);
  });
  if (levelCol === undefined) return;
  const level = row.indicator?.level;
  put(ctx.ws, single(r, levelCol), level === undefined ? undefined : levelWord(level), { align: 'center' });
  ctx.marks.levels.push(single(r, levelCol));
}

/** The level's word (达成 …) comes from the locale, where the UI has it. */
export function levelWord(level: string): string {
  return format(`level.${level}`, {}, 'zh');
}

function writeTotals(ctx: FormContext, row: number): void {
  const fields = columnFields(ctx);
  const weightCol = fields.indexOf('weight') + 1;
  const scoreCol = fields.indexOf('score') + 1;
  const caption = formWord(ctx.template, 'totals') ?? fieldLabel(ctx.template, 'totals.score').zh;
  const labelEnd = Math.max(1, weightCol - 1);
  put(ctx.ws, across(row, 1, labelEnd), caption, { label: true, bold: true });
  for (let c = labelEnd + 1; c <= ctx.width; c++) {
    const value = c === weightCol ? ctx.evaluation?.totals?.weight : c === scoreCol ? ctx.evaluation?.totals?.score : undefined;
    put(ctx.ws, single(row, c), value, { align: 'center' });
    if (c === weightCol || c === scoreCol) ctx.marks.points.push(single(row, c));
  }
}

export function writeIndicatorTable(ctx: FormContext, row: number): number {
  const levelCol = levelColumn(ctx);
  writeHeader(ctx, row, levelCol);
  const rows = tableRows(ctx);
  const first = row + 1;
  writeGrouped(ctx, rows, first, 'category');
  writeGrouped(ctx, rows, first, 'subcategory');
  rows.forEach((tableRow, i) => writeRow(ctx, first + i, tableRow, levelCol));
  const totalsRow = first + rows.length;
  writeTotals(ctx, totalsRow);
  return totalsRow + 1;
}
