/**
 * An evaluation laid out as offices lay out the form (issue 15): our own official layout
 * (src/export/xlsx) restyled at random — column widths down to half the usual, fonts and their
 * sizes, taller rows, wrap and alignment where the text allows, manual page breaks. Row heights
 * are set so that every wrapped line shows: a printed form that hides text is not a fair test.
 */
import ExcelJS from 'exceljs';
import type { Evaluation } from '../../src/core/model/evaluation.ts';
import type { Template } from '../../src/core/templates/template.ts';
import type { Random } from '../../src/demo/synthetic-evaluations.ts';
import { writeFormSheet } from '../../src/export/xlsx/form-sheet.ts';

const FONTS = ['SimSun', '宋体', '仿宋', '黑体', 'WenQuanYi Micro Hei', 'FangSong'];
const TITLE_MIN_SIZE = 14;

export interface LayoutChoice {
  font: string;
  fontSize: number;
  widthScale: number[];
  heightSlack: number;
  pageBreaks: number[];
}

interface Merge {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function mergesOf(ws: ExcelJS.Worksheet): Merge[] {
  const merges = (ws.model as { merges?: string[] }).merges ?? [];
  return merges.map((ref) => {
    const [a, b] = ref.split(':').map((r) => ws.getCell(r!));
    return { top: Number(a!.row), left: Number(a!.col), bottom: Number(b!.row), right: Number(b!.col) };
  });
}

/** Width in column units of a text at a font size: a CJK character is about two digits at 10 pt. */
function displayUnits(text: string, size: number): number {
  let units = 0;
  for (const ch of text) units += (ch.codePointAt(0) ?? 0) > 0x2e7f ? 2 : 1.15;
  return (units * size) / 10;
}

function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return `${v.toFixed(6)}%`;
  return typeof v === 'string' ? v : String(v);
}

/** Lines a text needs in a range `units` wide, generously: LibreOffice breaks CJK text a bit earlier than we count. */
function linesNeeded(text: string, units: number, size: number): number {
  const usable = Math.max(1, units * 0.9 - 1.5);
  return text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(displayUnits(line, size) / usable)), 0);
}

function rangeUnits(ws: ExcelJS.Worksheet, range: Merge): number {
  let units = 0;
  for (let c = range.left; c <= range.right; c++) units += ws.getColumn(c).width ?? 9;
  return units;
}

/**
 * A number never wraps: where its column is too narrow LibreOffice prints fewer decimals (General)
 * or ### — a form that no longer shows its figure. Offices widen such a column; so do we.
 */
function widenForNumbers(ws: ExcelJS.Worksheet, rangeOf: (row: number, col: number) => Merge, lastRow: number, size: number): void {
  for (let r = 1; r <= lastRow; r++) {
    ws.getRow(r).eachCell({ includeEmpty: false }, (cell) => {
      if (typeof cell.value !== 'number') return;
      const range = rangeOf(r, Number(cell.col));
      const needed = displayUnits(`${cell.value.toLocaleString('en', { maximumFractionDigits: 6 })}%`, size) + 2;
      const short = needed - rangeUnits(ws, range);
      if (short > 0) ws.getColumn(range.right).width = (ws.getColumn(range.right).width ?? 9) + Math.ceil(short);
    });
  }
}

function restyle(ws: ExcelJS.Worksheet, random: Random, choice: LayoutChoice, lastRow: number): void {
  const merges = mergesOf(ws);
  const rangeOf = (row: number, col: number): Merge => merges.find((m) => m.top === row && m.left === col) ?? { top: row, left: col, bottom: row, right: col };
  widenForNumbers(ws, rangeOf, lastRow, choice.fontSize + 1);
  const heights = new Map<number, number>();
  for (let r = 1; r <= lastRow; r++) {
    ws.getRow(r).eachCell({ includeEmpty: false }, (cell) => {
      // A merged range's other cells report its master's value: styled and measured once, at the master.
      if (cell.isMerged && cell.master.address !== cell.address) return;
      const size = cell.font?.size && cell.font.size >= TITLE_MIN_SIZE ? cell.font.size : cell.font?.size === 11 ? choice.fontSize + 1 : choice.fontSize;
      cell.font = { ...cell.font, name: choice.font, size };
      const range = rangeOf(r, Number(cell.col));
      const units = rangeUnits(ws, range);
      const text = cellText(cell);
      const lines = linesNeeded(text, units, size);
      // Wrap off where the text surely fits one line (as many offices leave it); on wherever it may not.
      const wrap = lines > 1 || displayUnits(text, size) > units * 0.6 || random.next() < 0.6;
      const vertical = random.next() < 0.3 ? 'top' : 'middle';
      cell.alignment = { ...cell.alignment, wrapText: wrap, vertical };
      if (range.bottom === range.top) heights.set(r, Math.max(heights.get(r) ?? 0, lines * size * 1.5 + 6));
    });
  }
  for (const [r, h] of heights) ws.getRow(r).height = Math.round(Math.max(h, 18) * choice.heightSlack * 10) / 10;
  for (const r of choice.pageBreaks) if (r < lastRow) ws.getRow(r).addPageBreak();
}

export function chooseLayout(random: Random, columns: number, rows: number): LayoutChoice {
  return {
    font: random.pick(FONTS),
    fontSize: random.pick([8, 9, 9, 10, 10, 10, 11, 12]),
    widthScale: Array.from({ length: columns }, () => (random.next() < 0.3 ? 1 : 0.5 + random.next() * 0.8)),
    heightSlack: 1 + random.next() * 0.4,
    pageBreaks: random.next() < 0.4 ? [random.int(Math.min(6, rows), rows)] : [],
  };
}

/** One form in one workbook, laid out by `random`; the bytes of the XLSX and the choices made. */
export async function officeWorkbook(random: Random, template: Template, evaluation: Evaluation, sheetName: string): Promise<{ bytes: Buffer; choice: LayoutChoice }> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'jixiao layout corpus';
  workbook.created = new Date(Date.UTC(2024, 0, 1));
  workbook.modified = workbook.created;
  const ws = workbook.addWorksheet(sheetName);
  const written = writeFormSheet(ws, template, evaluation);
  const choice = chooseLayout(random, written.width, written.lastRow);
  for (let c = 1; c <= written.width; c++) {
    const column = ws.getColumn(c);
    column.width = Math.round((column.width ?? 12) * choice.widthScale[c - 1]! * 10) / 10;
  }
  restyle(ws, random, choice, written.lastRow);
  return { bytes: Buffer.from(await workbook.xlsx.writeBuffer()), choice };
}
