/**
 * Writing the cells of an official form: every cell bordered and wrapped like the printed form,
 * merges written once, and row heights estimated from the text because neither Excel nor
 * LibreOffice grows a merged cell's row to fit its text.
 */
import type { Alignment, Borders, Cell, Worksheet } from 'exceljs';

export const FONT_NAME = 'SimSun';
export const FONT_SIZE = 10;
const TITLE_SIZE = 16;
/** Points per printed line at FONT_SIZE, with the cell's padding. */
const LINE_HEIGHT = 13.5;
const MIN_ROW_HEIGHT = 20;

export const MONEY_FORMAT = '#,##0.00';
/** 万元 with the exact 元 amount: up to 6 decimals (1 分 = 0.000001 万元), at least 2. */
export const TEN_THOUSAND_FORMAT = '#,##0.00####';
export const RATE_FORMAT = '0.00%';
export const DATE_FORMAT = 'yyyy.m.d';

export type CellValue = string | number | Date | undefined;

export interface CellStyle {
  /** A label of the form (centred) rather than a filled-in value. */
  label?: boolean;
  numFmt?: string;
  align?: Alignment['horizontal'];
  bold?: boolean;
}

const THIN = { style: 'thin' as const, color: { argb: 'FF000000' } };
const BORDERS: Partial<Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** 1-based rows and columns, inclusive, as exceljs counts them. */
export interface Range {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export function single(row: number, col: number): Range {
  return { top: row, left: col, bottom: row, right: col };
}

export function across(row: number, left: number, right: number): Range {
  return { top: row, left, bottom: row, right };
}

/**
 * Write a value into a range (merged if it covers more than one cell), bordering every cell of
 * the range so that the printed grid has no gaps, and remember the lines its text needs.
 */
export function put(ws: Worksheet, range: Range, value: CellValue, style: CellStyle = {}): Cell {
  if (range.bottom > range.top || range.right > range.left) {
    ws.mergeCells(range.top, range.left, range.bottom, range.right);
  }
  for (let r = range.top; r <= range.bottom; r++) {
    for (let c = range.left; c <= range.right; c++) ws.getCell(r, c).border = BORDERS;
  }
  const cell = ws.getCell(range.top, range.left);
  if (value !== undefined && value !== '') cell.value = value;
  cell.font = { name: FONT_NAME, size: FONT_SIZE, bold: style.bold ?? false };
  cell.alignment = {
    wrapText: true,
    vertical: 'middle',
    horizontal: style.align ?? (style.label || typeof value === 'number' ? 'center' : 'left'),
  };
  if (style.numFmt) cell.numFmt = style.numFmt;
  if (range.top === range.bottom && typeof value === 'string') growRow(ws, range, value);
  return cell;
}

/** A title line across the form: large, bold, no border. */
export function putTitle(ws: Worksheet, row: number, width: number, text: string, size = TITLE_SIZE): void {
  ws.mergeCells(row, 1, row, width);
  const cell = ws.getCell(row, 1);
  cell.value = text;
  cell.font = { name: FONT_NAME, size, bold: size === TITLE_SIZE };
  cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  ws.getRow(row).height = size * 1.8;
}

/** Free text under the form (说明): no border, left aligned, its height from its lines. */
export function putNote(ws: Worksheet, row: number, width: number, text: string): void {
  ws.mergeCells(row, 1, row, width);
  const cell = ws.getCell(row, 1);
  cell.value = text;
  cell.font = { name: FONT_NAME, size: FONT_SIZE - 1 };
  cell.alignment = { horizontal: 'left', vertical: 'top', wrapText: true };
  growRow(ws, across(row, 1, width), text);
}

/** Display width in column units: a CJK character is about two digits wide. */
function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += (ch.codePointAt(0) ?? 0) > 0x2e7f ? 2 : 1.1;
  return width;
}

function linesNeeded(text: string, columnUnits: number): number {
  const usable = Math.max(1, columnUnits - 1);
  return text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(displayWidth(line) / usable)), 0);
}

function rangeWidth(ws: Worksheet, range: Range): number {
  let units = 0;
  for (let c = range.left; c <= range.right; c++) units += ws.getColumn(c).width ?? 9;
  return units;
}

function growRow(ws: Worksheet, range: Range, text: string): void {
  const row = ws.getRow(range.top);
  const needed = Math.max(MIN_ROW_HEIGHT, linesNeeded(text, rangeWidth(ws, range)) * LINE_HEIGHT + 6);
  if ((row.height ?? 0) < needed) row.height = needed;
}

/** Rows whose height nothing set yet get the minimum, so that empty rows of a blank form can be written in. */
export function settleRowHeights(ws: Worksheet, fromRow: number, toRow: number): void {
  for (let r = fromRow; r <= toRow; r++) {
    const row = ws.getRow(r);
    if (!row.height) row.height = MIN_ROW_HEIGHT;
  }
}

/** Fit the form to the width of an A4 page, portrait, as many pages long as it needs. */
export function setUpA4Portrait(ws: Worksheet, lastRow: number, lastCol: number): void {
  ws.pageSetup = {
    paperSize: 9,
    orientation: 'portrait',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    // exceljs prefixes each part with "$" only before the column; the rows carry their own for an absolute range.
    printArea: `A$1:${columnLetter(lastCol)}$${lastRow}`,
  };
}

export function columnLetter(col: number): string {
  let n = col;
  let letters = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}
