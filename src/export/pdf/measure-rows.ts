/**
 * Row heights: each cell's text wrapped to its width, the row as tall as its tallest cell, and
 * a merged cell (一级指标 over its block) given room by growing the last row it covers.
 */
import type { Cell, Row } from './form-table.ts';
import { CELL_PADDING, FONT_SIZE, LINE_HEIGHT, MIN_ROW_HEIGHT } from './page-layout.ts';
import { textWidth } from './form-font.ts';
import { wrapText } from './wrap-text.ts';

export interface MeasuredCell {
  cell: Cell;
  /** The wrapped lines; a merged cell's lines are laid out when its part of a page is known. */
  lines: string[];
  /** Font size: the cell size, or smaller where a word (an English column title) is wider than the cell. */
  size: number;
}

export interface MeasuredRow {
  cells: MeasuredCell[];
  height: number;
  splittable: boolean;
  /** A part of a row split across pages: its text starts at the top rather than in the middle. */
  continued: boolean;
}

export const CELL_LINE = FONT_SIZE.cell * LINE_HEIGHT;

export function cellTextWidth(cell: Cell): number {
  return cell.x1 - cell.x0 - 2 * CELL_PADDING.x;
}

/** Words are not broken where a smaller size (down to this share of the cell size) keeps them whole. */
const SMALLEST_SHARE = 0.75;
const WORD = /[A-Za-z0-9][A-Za-z0-9.,%'-]*/gu;

/** The cell's text wrapped to its width, at the size that keeps its words whole. */
export function fitCell(cell: Cell): MeasuredCell {
  const width = cellTextWidth(cell);
  const words = cell.text.match(WORD) ?? [];
  let size: number = FONT_SIZE.cell;
  while (size > FONT_SIZE.cell * SMALLEST_SHARE && words.some((w) => textWidth(w, size) > width)) size -= 0.5;
  return { cell, lines: wrapText(cell.text, width, { size }), size };
}

function lineHeight(size: number): number {
  return size * LINE_HEIGHT;
}

/** The height a cell's lines need. */
function cellHeight(c: MeasuredCell): number {
  return c.lines.length * lineHeight(c.size) + 2 * CELL_PADDING.y;
}

function rowHeight(cells: readonly MeasuredCell[]): number {
  return Math.max(MIN_ROW_HEIGHT, ...cells.filter((c) => c.cell.mergeKey === undefined).map(cellHeight));
}

export function measureRow(row: Row): MeasuredRow {
  const cells = row.cells.map(fitCell);
  return { cells, height: rowHeight(cells), splittable: row.splittable === true, continued: false };
}

/** Measured rows; where a merged cell's text needs more than its rows give, the last row grows. */
export function measureRows(rows: readonly Row[]): MeasuredRow[] {
  const measured = rows.map(measureRow);
  for (const group of mergedGroups(measured)) {
    const need = cellHeight(group.cell);
    const have = group.rows.reduce((sum, i) => sum + measured[i]!.height, 0);
    if (need > have) measured[group.rows[group.rows.length - 1]!]!.height += need - have;
  }
  return measured;
}

interface MergedGroup {
  cell: MeasuredCell;
  rows: number[];
}

/** Consecutive rows holding a cell with the same merge key at the same place. */
function mergedGroups(rows: readonly MeasuredRow[]): MergedGroup[] {
  const groups: MergedGroup[] = [];
  const open = new Map<string, MergedGroup & { last: number }>();
  rows.forEach((row, i) => {
    for (const measured of row.cells) {
      const cell = measured.cell;
      if (cell.mergeKey === undefined) continue;
      const key = `${cell.mergeKey}@${cell.x0}`;
      const group = open.get(key);
      if (group && group.last === i - 1) {
        group.rows.push(i);
        group.last = i;
      } else {
        const fresh = { cell: measured, rows: [i], last: i };
        open.set(key, fresh);
        groups.push(fresh);
      }
    }
  });
  return groups;
}

/** The row cut to fit `room` points: the part that fits, and the rest for the next page. */
export function splitRow(row: MeasuredRow, room: number): [MeasuredRow, MeasuredRow] {
  const fits = (c: MeasuredCell) => Math.max(0, Math.floor((room - 2 * CELL_PADDING.y) / lineHeight(c.size)));
  const head = row.cells.map((c) => (c.cell.mergeKey ? c : { ...c, lines: c.lines.slice(0, fits(c)) }));
  const tail = row.cells.map((c) => (c.cell.mergeKey ? c : { ...c, lines: c.lines.slice(fits(c)) }));
  return [
    { cells: head, height: rowHeight(head), splittable: row.splittable, continued: true },
    { cells: tail, height: rowHeight(tail), splittable: row.splittable, continued: true },
  ];
}

/** How many lines of cell text fit in `room` points. */
export function linesThatFit(room: number): number {
  return Math.floor((room - 2 * CELL_PADDING.y) / CELL_LINE);
}
