/**
 * Rebuilding a page's table from positions, not from reading order: the drawn rules give the
 * cell borders, a missing border between two cells makes them one merged cell (一级指标 over its
 * rows), and each piece of text goes to the cell its centre lies in. Text outside any bordered
 * cell (the title, the notes) becomes one row per line. Pure: no PDF library here.
 */
import type { Grid, GridCell } from '../grid/grid.ts';
import type { Rule } from './page-geometry.ts';

/** A piece of text where the page shows it: x from the left, y of the baseline (y up). */
export interface PlacedText {
  text: string;
  x: number;
  y: number;
  width: number;
  /** Font size. */
  size: number;
}

/** Two rules closer than this (points) are the same border. */
const SAME_LINE = 1.5;
/** A border must cover this share of a cell's side to separate it from its neighbour. */
const COVERED = 0.6;

interface Box { top: number; bottom: number; left: number; right: number }

/** Whether the form's table goes on from the page before (`continued`) and onto the next page (`continues`). */
export interface PageBreaks { continued: boolean; continues: boolean }

/**
 * How a page sits in its document: its page breaks, and `columns`, the column borders of the whole
 * document (see documentColumns), so that a column has the same number on every page even when a
 * page draws only some of its borders (a 合计 row alone on the last page). A page without drawn
 * columns keeps its own.
 */
export interface PagePlace extends Partial<PageBreaks> { columns?: readonly number[] }

export function gridFromPage(page: number, rules: readonly Rule[], texts: readonly PlacedText[], place: PagePlace = {}): Grid {
  const own = pageColumns(rules);
  const xs = place.columns && own.length >= 2 ? [...place.columns] : own;
  const breaks: PageBreaks = { continued: place.continued ?? false, continues: place.continues ?? false };
  const ys = positions(rules.filter((r) => r.orientation === 'horizontal')).reverse();
  const table = tableCells(rules, xs, ys, breaks);
  const placed = texts.flatMap((t) => splitAtBorders(t, rules)).filter((t) => t.text.trim() !== '');
  const inCell = new Map<TableCell, PlacedText[]>();
  const free: PlacedText[] = [];
  for (const text of placed) {
    const cell = owningCell(table, text);
    if (cell) inCell.set(cell, [...(inCell.get(cell) ?? []), text]);
    else free.push(text);
  }
  const lines = freeLines(free, rules, xs);
  const bands = rowBands(ys, lines.map((l) => l.band));
  // Without drawn columns, the left edges of the pieces of text are the columns.
  const cols = xs.length >= 2 ? xs : leftEdges(lines.flatMap((l) => l.pieces.map((p) => p.box)));
  // Empty bordered cells stay: a blank cell (具体实施处 left empty) is information too.
  const cells: GridCell[] = [
    ...table.map((c) => ({ ...toGridCell(page, c.box, joinText(inCell.get(c) ?? []), bands, cols), ...(c.cut ? { cut: c.cut } : {}) })),
    ...lines.flatMap((l) => freeCells(page, l, bands, cols)),
  ];
  return { source: `page ${page}`, page, cells: cells.sort((a, b) => a.row - b.row || a.col - b.col) };
}

/** The x of a page's drawn column borders, ascending. */
export function pageColumns(rules: readonly Rule[]): number[] {
  return positions(rules.filter((r) => r.orientation === 'vertical'));
}

/**
 * The column borders of a document: every border any of its pages draws. A sheet printed over
 * pages keeps its columns where they are, so a border at the same x is the same column.
 */
export function documentColumns(pages: ReadonlyArray<readonly Rule[]>): number[] {
  return clusters(pages.flatMap(pageColumns), SAME_LINE);
}

/** Positions of rules of one orientation, clustered: each border once, ascending. */
function positions(rules: readonly Rule[]): number[] {
  return clusters(rules.map((r) => r.at), SAME_LINE);
}

/** Values within `tolerance` of the previous one are one position. */
function clusters(values: readonly number[], tolerance: number): number[] {
  const out: number[] = [];
  for (const at of [...values].sort((a, b) => a - b)) {
    if (out.length === 0 || at - out[out.length - 1]! > tolerance) out.push(at);
  }
  return out;
}

/** How much of [from, to] the rules at position `at` cover, 0..1. */
function coverage(rules: readonly Rule[], orientation: Rule['orientation'], at: number, from: number, to: number): number {
  const spans = rules
    .filter((r) => r.orientation === orientation && Math.abs(r.at - at) <= SAME_LINE && r.to > from && r.from < to)
    .map((r) => [Math.max(r.from, from), Math.min(r.to, to)] as const)
    .sort((a, b) => a[0] - b[0]);
  let covered = 0;
  let reach = from;
  for (const [start, end] of spans) {
    if (end > reach) covered += end - Math.max(start, reach), (reach = end);
  }
  return to > from ? covered / (to - from) : 0;
}

interface TableCell {
  box: Box;
  /** The edges a page break cut (no border there: the merged cell goes on over the break). */
  cut?: { top: boolean; bottom: boolean };
}

/**
 * The bordered cells: atomic cells between neighbouring rules, joined where no border separates
 * them. A joined group counts as a cell only when it is a rectangle with borders all round, or
 * one cut by a page break (see cutEdges).
 */
function tableCells(rules: readonly Rule[], xs: number[], ys: number[], breaks: PageBreaks): TableCell[] {
  const rows = ys.length - 1;
  const cols = xs.length - 1;
  if (rows < 1 || cols < 1) return [];
  const parent = Array.from({ length: rows * cols }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const join = (a: number, b: number) => void (parent[find(a)] = find(b));
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      if (c + 1 < cols && coverage(rules, 'vertical', xs[c + 1]!, ys[r + 1]!, ys[r]!) < COVERED) join(r * cols + c, r * cols + c + 1);
      if (r + 1 < rows && coverage(rules, 'horizontal', ys[r + 1]!, xs[c]!, xs[c + 1]!) < COVERED) join(r * cols + c, (r + 1) * cols + c);
    }
  }
  const groups = new Map<number, number[]>();
  parent.forEach((_, i) => groups.set(find(i), [...(groups.get(find(i)) ?? []), i]));
  return [...groups.values()].flatMap((members) => {
    const box = groupBox(members, cols, xs, ys);
    if (!isRectangle(members, cols) || !bordered(rules, box, ['left', 'right'])) return [];
    const cut = cutEdges(rules, box, ys, breaks);
    if (!cut) return [];
    return [cut.top || cut.bottom ? { box, cut } : { box }];
  });
}

function groupBox(members: number[], cols: number, xs: number[], ys: number[]): Box {
  const rs = members.map((i) => Math.floor(i / cols));
  const cs = members.map((i) => i % cols);
  return { top: ys[Math.min(...rs)]!, bottom: ys[Math.max(...rs) + 1]!, left: xs[Math.min(...cs)]!, right: xs[Math.max(...cs) + 1]! };
}

function isRectangle(members: number[], cols: number): boolean {
  const rs = members.map((i) => Math.floor(i / cols));
  const cs = members.map((i) => i % cols);
  return (Math.max(...rs) - Math.min(...rs) + 1) * (Math.max(...cs) - Math.min(...cs) + 1) === members.length;
}

function bordered(rules: readonly Rule[], box: Box, sides: ReadonlyArray<keyof Box>): boolean {
  return sides.every((side) =>
    side === 'top' || side === 'bottom'
      ? coverage(rules, 'horizontal', box[side], box.left, box.right) >= COVERED
      : coverage(rules, 'vertical', box[side], box.bottom, box.top) >= COVERED,
  );
}

/**
 * Which of the cell's top and bottom a page break cut, or undefined when the cell is not closed.
 * A merged cell (一级指标 over its rows) that a page break cuts has no border where the page cuts
 * it: at the table's top edge on a page the table continues onto, at its bottom edge on a page it
 * goes on from. Anywhere else a missing border means no cell.
 */
function cutEdges(rules: readonly Rule[], box: Box, ys: readonly number[], breaks: PageBreaks): { top: boolean; bottom: boolean } | undefined {
  const top = !bordered(rules, box, ['top']);
  const bottom = !bordered(rules, box, ['bottom']);
  if (top && !(breaks.continued && box.top === ys[0])) return undefined;
  if (bottom && !(breaks.continues && box.bottom === ys[ys.length - 1])) return undefined;
  return { top, bottom };
}

/** Estimated advance of a character in ems: full-width (CJK) 1, others ½. */
function ems(ch: string): number {
  return /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/u.test(ch) ? 1 : 0.5;
}

/**
 * pdf.js joins runs printed on one line into one piece of text, with a space between them, even
 * when a cell border separates them ("可持续影响指标 设施维护长效机制"). Such a piece is split at
 * the space nearest each border it crosses (positions estimated from character widths; the gap
 * a space stands for can be wide). A piece crossing a border with no space in it is text
 * overflowing into the next cell, and stays whole.
 */
function splitAtBorders(text: PlacedText, rules: readonly Rule[]): PlacedText[] {
  const centreY = text.y + text.size * 0.3;
  const border = rules.find(
    (r) => r.orientation === 'vertical' && r.from <= centreY && r.to >= centreY && r.at > text.x + 1 && r.at < text.x + text.width - 1,
  );
  const chars = [...text.text];
  if (!border || !chars.includes(' ')) return [text];
  const scale = text.width / chars.reduce((sum, ch) => sum + ems(ch), 0);
  let advance = 0;
  const spaces: Array<{ index: number; x: number }> = [];
  chars.forEach((ch, index) => {
    if (ch === ' ') spaces.push({ index, x: text.x + advance * scale });
    advance += ems(ch);
  });
  const split = spaces.sort((a, b) => Math.abs(a.x - border.at) - Math.abs(b.x - border.at))[0]!;
  const end = text.x + text.width;
  return [
    { ...text, text: chars.slice(0, split.index).join(''), width: border.at - 1 - text.x },
    ...splitAtBorders({ ...text, text: chars.slice(split.index + 1).join(''), x: border.at + 1, width: end - border.at - 1 }, rules),
  ];
}

/**
 * The cell a piece of text belongs to: the one its centre lies in, unless the text runs over a
 * border. Spreadsheets let text that does not fit overflow into the empty cell to its right, so
 * text that starts in one cell and runs into another belongs to the cell it starts in.
 */
function owningCell(table: readonly TableCell[], text: PlacedText): TableCell | undefined {
  const middle = centre(text);
  const byCentre = table.find((c) => contains(c.box, middle));
  const byStart = table.find((c) => contains(c.box, { x: text.x + Math.min(text.size / 2, text.width / 2), y: middle.y }));
  return byStart ?? byCentre ?? table.find((c) => beyondCutEdge(c, text));
}

/**
 * Text of a cut merged cell drawn past the table's edge: the spreadsheet places a merged cell's
 * text in the whole cell and each page clips it to its part, so its lines can lie below the
 * table (page before the break) or above it (page after), even where the page does not show them.
 * Such text lies within the cell's columns, beyond the edge that was cut.
 */
function beyondCutEdge(cell: TableCell, text: PlacedText): boolean {
  if (!cell.cut || text.x < cell.box.left - SAME_LINE || text.x + text.width > cell.box.right + SAME_LINE) return false;
  const y = centre(text).y;
  return (cell.cut.top && y > cell.box.top) || (cell.cut.bottom && y < cell.box.bottom);
}

function centre(t: PlacedText): { x: number; y: number } {
  // The baseline is near the bottom of the glyphs: the visual centre is about a third of the size above it.
  return { x: t.x + t.width / 2, y: t.y + t.size * 0.3 };
}

function contains(box: Box, p: { x: number; y: number }): boolean {
  return p.x >= box.left && p.x <= box.right && p.y <= box.top && p.y >= box.bottom;
}

interface FreeLine {
  band: Box;
  pieces: Array<{ box: Box; text: string }>;
}

/**
 * Text outside the table: one row per printed line, split into pieces where a wide gap or a column
 * border separates them (a merged cell's text cut off by a page break is printed outside the
 * cells, even below the last rule, 一级指标 and 二级指标 on one line: two pieces, one per column).
 */
function freeLines(texts: PlacedText[], rules: readonly Rule[], columns: readonly number[]): FreeLine[] {
  return textLines(texts).map((line) => ({
    band: boxOf(line),
    pieces: splitAtGaps(line, rules, columns).map((piece) => ({ box: boxOf(piece), text: joinLine(piece) })),
  }));
}

/** The pieces of a free line as cells; each reaches to the next piece, the last to the right edge. */
function freeCells(page: number, line: FreeLine, bands: Box[], columns: number[]): GridCell[] {
  const cells = line.pieces.map((p) => toGridCell(page, { ...line.band, left: p.box.left, right: p.box.right }, p.text, bands, columns));
  const width = Math.max(columns.length - 1, 1);
  return cells.map((cell, i) => ({ ...cell, colSpan: Math.max((cells[i + 1]?.col ?? width) - cell.col, 1) }));
}

/** Pieces of text grouped into printed lines, top line first, each left to right. */
function textLines(texts: readonly PlacedText[]): PlacedText[][] {
  const lines: PlacedText[][] = [];
  for (const t of [...texts].sort((a, b) => b.y - a.y || a.x - b.x)) {
    const line = lines.find((l) => Math.abs(l[0]!.y - t.y) <= Math.max(l[0]!.size, t.size) * 0.4);
    if (line) line.push(t);
    else lines.push([t]);
  }
  return lines.map((l) => l.sort((a, b) => a.x - b.x));
}

function splitAtGaps(line: PlacedText[], rules: readonly Rule[], columns: readonly number[]): PlacedText[][] {
  const pieces: PlacedText[][] = [[line[0]!]];
  for (let i = 1; i < line.length; i++) {
    const prev = line[i - 1]!;
    const gap = line[i]!.x - (prev.x + prev.width);
    if (gap > prev.size * 2 || borderBetween(rules, columns, prev, line[i]!)) pieces.push([line[i]!]);
    else pieces[pieces.length - 1]!.push(line[i]!);
  }
  return pieces;
}

/**
 * Whether a column border runs between two pieces of text on one line: a vertical rule drawn
 * there, or, past the rules' ends, a column's border in a gap wider than half a character (runs
 * of one text set side by side have none).
 */
function borderBetween(rules: readonly Rule[], columns: readonly number[], left: PlacedText, right: PlacedText): boolean {
  const y = centre(left).y;
  const [from, to] = [left.x + left.width - 1, right.x + 1];
  if (rules.some((r) => r.orientation === 'vertical' && r.from <= y && r.to >= y && r.at >= from && r.at <= to)) return true;
  return right.x - (left.x + left.width) > left.size / 2 && columns.some((x) => x >= from && x <= to);
}

function leftEdges(boxes: readonly Box[]): number[] {
  return clusters(boxes.map((b) => b.left), 4);
}

function boxOf(texts: PlacedText[]): Box {
  return {
    top: Math.max(...texts.map((t) => t.y + t.size * 0.8)),
    bottom: Math.min(...texts.map((t) => t.y - t.size * 0.2)),
    left: Math.min(...texts.map((t) => t.x)),
    right: Math.max(...texts.map((t) => t.x + t.width)),
  };
}

const WORDLIKE = /[\p{Script=Latin}\d]$/u;
const STARTS_WORDLIKE = /^[\p{Script=Latin}\d]/u;

/** Pieces on one line: joined directly, with a space only between Latin words or numbers set apart. */
function joinLine(pieces: readonly PlacedText[]): string {
  return pieces.reduce((out, t, i) => {
    const prev = pieces[i - 1];
    const apart = prev !== undefined && t.x - (prev.x + prev.width) > t.size * 0.25;
    return out + (apart && WORDLIKE.test(out) && STARTS_WORDLIKE.test(t.text) ? ' ' : '') + t.text;
  }, '');
}

/** A cell's text: its lines top to bottom, wrapped lines joined without a break (CJK wraps anywhere). */
function joinText(texts: readonly PlacedText[]): string {
  return textLines(texts).map(joinLine).reduce(joinWrapped, '').trim();
}

/** A wrapped line after the text before it: directly, with a space only between Latin words or numbers. */
export function joinWrapped(out: string, line: string): string {
  return out + (WORDLIKE.test(out) && STARTS_WORDLIKE.test(line) ? ' ' : '') + line;
}

/**
 * Rows of the page top to bottom: the bands between table rules, and one band per free line.
 * A cell's row span is the number of bands it covers.
 */
function rowBands(ys: number[], freeBoxes: Box[]): Box[] {
  const table = ys.slice(0, -1).map((top, i) => ({ top, bottom: ys[i + 1]!, left: 0, right: 0 }));
  return [...table, ...freeBoxes].sort((a, b) => b.top - a.top);
}

function toGridCell(page: number, box: Box, text: string, bands: Box[], xs: number[]): GridCell {
  const row = bands.findIndex((b) => b.top <= box.top + SAME_LINE && b.bottom >= box.bottom - SAME_LINE);
  const covered = bands.filter((b) => b.top <= box.top + SAME_LINE && b.bottom >= box.bottom - SAME_LINE).length;
  const col = Math.max(0, xs.filter((x) => x <= box.left + SAME_LINE).length - 1);
  const right = xs.filter((x) => x < box.right - SAME_LINE).length;
  return {
    row: Math.max(row, 0),
    col,
    rowSpan: Math.max(covered, 1),
    colSpan: Math.max(right - col, 1),
    text,
    location: `page ${page}, row ${Math.max(row, 0) + 1}, column ${col + 1}`,
  };
}
