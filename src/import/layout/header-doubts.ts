/**
 * Checks on the header fields (outside the tables) from where their cells lie, for what the
 * values themselves do not show. pdftotext sets a tall cell's text on its own lines, above or
 * below its label, often nearer a neighbour's label than its own: a value may be read by the wrong
 * label, or lose lines no field reads. Each finding names the cells whose text is in doubt; the
 * fields read from them are reported with their line (never a silent wrong value).
 */
import { readDate } from '../../core/values/read-value.ts';
import { cellText, firstLineNo, type LayoutCell } from './layout-grid.ts';
import { leftEdge, linesOf, printedWidth, tokensOn } from './layout-lines.ts';
import { ALIGNED, firstWordWidth } from './layout-rows.ts';
import { namedCell, type UnclearCell } from './touching-rows.ts';
import { opensSlot } from './value-slots.ts';

/** How many lines from a value a label or a line left over still counts as beside it. */
const REACH = 3;

interface Placed {
  cell: LayoutCell;
  lines: number[];
  label: boolean;
}

function placed(table: readonly LayoutCell[][], skip: (row: number) => boolean, isLabel: (text: string) => boolean): Placed[] {
  return table.flatMap((cells, r) =>
    skip(r) ? [] : cells.map((cell) => ({ cell, lines: linesOf(cell), label: cell.tokens.some((t) => isLabel(t.text)) })),
  );
}

/** Lines between two cells' lines (0 when they share one). */
function gap(a: readonly number[], b: readonly number[]): number {
  return Math.min(...a.flatMap((x) => b.map((y) => Math.abs(x - y))));
}

/** Text a field holds as printed: words, not punctuation alone. */
function isText(text: string): boolean {
  return /\p{Script=Han}|\p{L}{2}/u.test(text);
}

/** A figure's digits without the zeros around them: 85,200,000.00 → 852; the same in 元 and 万元. */
const digitsOf = (text: string) => text.replace(/\D/gu, '').replace(/^0+|0+$/gu, '');

/**
 * Whether a field's stored value is the figure printed: a date as a date (2022.3.2 is 2022-03-02),
 * else the same digits (amounts are stored in 元 without separators, rates without their %), so a
 * figure no field took (the last line of a wrapped text, 10) is not taken for read.
 */
export function readsFigure(printed: string, stored: string): boolean {
  const date = readDate(printed);
  if (date.ok) return date.value === stored;
  return /\d/u.test(stored) && digitsOf(printed) === digitsOf(stored);
}

/**
 * Value cells (no label in them) that no field read (`read` says which were: a figure, a date or
 * 是/否 is stored otherwise than printed, and is read where a field took it), and the cells read within REACH lines
 * of them: each of those may have lost that text (a wrapped line printed apart from its cell). A
 * cell read may hold its label too, its value a space after it (具体实施处（科室） 实施, the value's
 * first line printed a line above: seed 3434, form 51); a label's cell alone is read by no field.
 */
export function unreadCells(table: readonly LayoutCell[][], skip: (row: number) => boolean, isLabel: (text: string) => boolean, read: (cell: LayoutCell) => boolean, locationOf: (cell: LayoutCell) => string): UnclearCell[] {
  const cells = placed(table, skip, isLabel);
  // A line of nothing but punctuation (the `）` of a wrapped label) is no text of a field; a figure is.
  const unread = cells.filter((p) => !p.label && !read(p.cell) && p.cell.tokens.some((t) => isText(t.text) || /\d/u.test(t.text)));
  return unread.flatMap((u) =>
    cells
      .filter((v) => v !== u && read(v.cell) && gap(u.lines, v.lines) <= REACH)
      .map((v) => namedCell(v.cell, 'layout.lineLeftOver', locationOf, firstLineNo(u.cell))),
  );
}

/** A line no field read, and the text of a bare label whose value column it lies in. */
export interface UnreadBesideLabel {
  lineNo: number;
  label: string;
}

/**
 * Value cells no field read, right of a label with nothing after it on its lines, within REACH
 * (`实施单位` ending its line, `业务二科` printed three lines above it, in its column): that label's
 * field, when blank, may be that text. Its field is named, never filled: the text may as well be a
 * wrapped line of a cell beside it (unreadCells).
 */
export function unreadBesideBareLabels(table: readonly LayoutCell[][], skip: (row: number) => boolean, isLabel: (text: string) => boolean, read: (cell: LayoutCell) => boolean): UnreadBesideLabel[] {
  const all = placed(table, skip, isLabel);
  const labels = all.filter((p) => p.label);
  const bare = labels.filter((l) => !all.some((p) => p !== l && p.cell.start >= l.cell.end && p.lines.some((line) => l.lines.includes(line))));
  const unread = all.filter((p) => !p.label && !read(p.cell) && p.cell.tokens.some((t) => isText(t.text)));
  return unread.flatMap((u) => {
    // The label nearest left of it among those within reach: the column it lies in.
    const near = labels.filter((l) => l.cell.end <= u.cell.start && gap(l.lines, u.lines) <= REACH).sort((a, b) => b.cell.end - a.cell.end)[0];
    return near !== undefined && bare.includes(near) ? [{ lineNo: firstLineNo(u.cell), label: cellText(near.cell) }] : [];
  });
}

/**
 * Value cells beside a label with no value of its own (nothing right of it on its lines): the
 * value printed off its label's lines may be that label's. A cell is in doubt when such a label,
 * on lines of its own within REACH, stands between the cell and its own label (left of it on one of
 * its lines, else the nearest left of it) — the cell lies in that label's column —, or when a line of the cell is nearer
 * that label than the cell's own label is.
 */
export function valuesBesideBareLabels(table: readonly LayoutCell[][], skip: (row: number) => boolean, isLabel: (text: string) => boolean, locationOf: (cell: LayoutCell) => string): UnclearCell[] {
  const all = placed(table, skip, isLabel);
  const labels = all.filter((p) => p.label);
  const byLine = new Map<number, Placed[]>();
  for (const p of all) for (const line of p.lines) byLine.set(line, [...(byLine.get(line) ?? []), p]);
  const bare = labels.filter((l) => l.lines.every((line) => !(byLine.get(line) ?? []).some((p) => p !== l && p.cell.start >= l.cell.end)));
  const out: UnclearCell[] = [];
  for (const v of all) {
    if (v.label) continue;
    // Its label: left of it on one of its lines, else (a block printed under its label) the nearest left of it.
    const left = labels.filter((l) => l.cell.end <= v.cell.start);
    const own = left.filter((l) => l.lines.some((line) => v.lines.includes(line))).sort((a, b) => b.cell.end - a.cell.end)[0] ?? left.sort((a, b) => gap(a.lines, v.lines) - gap(b.lines, v.lines))[0];
    if (own === undefined) continue;
    const doubted = bare.some((l) => {
      if (l === own || gap(l.lines, v.lines) > REACH || l.lines.some((line) => v.lines.includes(line))) return false;
      const between = l.cell.start >= own.cell.end && l.cell.start < v.cell.start;
      const nearer = v.lines.some((line) => gap([line], l.lines) < gap([line], own.lines));
      return between || nearer;
    });
    // A figure is stored otherwise than printed (7,847,313.19 → 7847313.19): its place alone names its field.
    const text = v.cell.tokens.some((t) => isText(t.text)) ? { text: cellText(v.cell) } : {};
    if (doubted) out.push({ location: locationOf(v.cell), lineNo: firstLineNo(v.cell), key: 'layout.besideBareLabel', ...text });
  }
  return out;
}

/** A value cell with the labels printed right above it (over its columns), and the fields those labels name. */
export interface UnderLabel {
  cell: LayoutCell;
  fields: readonly string[];
}

/**
 * Value cells printed under labels (预期目标 | 实际完成情况 over their blocks) with no label of
 * their own on their lines: the nearest labels above within REACH lines whose columns the cell
 * overlaps, and the fields they name (`fieldsOf`). A field read from such a cell that is not one
 * of those was given the block of another column's heading.
 */
export function valuesUnderLabels(table: readonly LayoutCell[][], skip: (row: number) => boolean, isLabel: (text: string) => boolean, fieldsOf: (text: string) => readonly string[]): UnderLabel[] {
  const all = placed(table, skip, isLabel);
  const labels = all.filter((p) => p.label && fieldsOf(cellText(p.cell)).length > 0);
  const out: UnderLabel[] = [];
  for (const v of all) {
    if (v.label || !v.cell.tokens.some((t) => isText(t.text))) continue;
    const top = v.lines[0]!;
    // A label left of it anywhere from its first line to its last (a block wrapped around its label) is its own.
    if (all.some((p) => p.label && p.lines.some((line) => line >= top && line <= v.lines.at(-1)!) && p.cell.end <= v.cell.start)) continue;
    const above = labels.filter((l) => l.lines.at(-1)! < top && top - l.lines.at(-1)! <= REACH && l.cell.start < v.cell.end && v.cell.start < l.cell.end);
    if (above.length === 0) continue;
    const nearest = Math.max(...above.map((l) => l.lines.at(-1)!));
    out.push({ cell: v.cell, fields: above.filter((l) => l.lines.at(-1) === nearest).flatMap((l) => fieldsOf(cellText(l.cell))) });
  }
  return out;
}

/**
 * Value cells read by the label left of them on their row though a label of a row next to it starts
 * the next column of labels between that label and them (see opensSlot: 主管部门 … 100%，全, 实施单位 a
 * line above, left of 100%，全): a label's value is printed right of it, up to where the next label
 * starts, so the text may be that label's
 * (its wrapped last line). Named, with the values of that label's row right of this one's label: the
 * other label's, which may have lost that text, and any in this label's slot there, which may be its own.
 */
export function valuesInOtherSlots(table: readonly LayoutCell[][], skip: (row: number) => boolean, isLabel: (text: string) => boolean, locationOf: (cell: LayoutCell) => string): UnclearCell[] {
  const labels = table.map((cells, r) => (skip(r) ? [] : cells.filter((c) => c.tokens.some((t) => isLabel(t.text)))));
  const labelsOf = (r: number) => labels[r] ?? [];
  return table.flatMap((cells, r) => {
    const here = labelsOf(r);
    if (skip(r) || here.length === 0) return [];
    return cells.flatMap((v) => {
      if (here.includes(v)) return [];
      const own = here.filter((l) => l.end <= v.start).sort((a, b) => b.end - a.end)[0];
      if (own === undefined) return [];
      const near = [r - 1, r + 1].filter((n) => labelsOf(n).some((l) => opensSlot(l, own.end, v.start)));
      if (near.length === 0) return [];
      const lineNo = firstLineNo(v);
      // The label's own value may then be the text in its slot on that row (left of the other label), and the other label's lost it.
      const around = near.flatMap((n) => table[n]!.filter((c) => !labelsOf(n).includes(c) && c.start >= own.end));
      return [v, ...around].map((c) => namedCell(c, 'layout.underOtherLabel', locationOf, lineNo));
    });
  });
}

/** How many columns pdftotext gives a Chinese character (what printedWidth counts in) as it spaces text. */
const COLUMNS_PER_CHARACTER = 2;
/**
 * The share of the room up to the next text right of a line that its cell surely has: the next
 * text may be a label centred in a wide cell, and pdftotext's spacing is not exactly two columns.
 */
const SURE_ROOM = 0.75;
/** The share of that room above which a line may have had none left for the next word: a line a character short of the room may be full. */
const MAYBE_FULL = 0.9;

/**
 * The room, in characters, text of `cells` has right of `edge` on `lines`: up to the nearest text
 * of another cell right of theirs on those lines (Infinity when none). Its column may be narrower (the
 * next label centred in its cell), never wider.
 */
function roomRight(all: readonly Placed[], cells: readonly LayoutCell[], edge: number, lines: readonly number[]): number {
  const own = (line: number) => cells.flatMap((c) => tokensOn(c, line));
  // On a line between where they print nothing, text right of where the first line ends.
  const ends = lines.map((line) => Math.max(edge, ...(own(line).length > 0 ? own(line) : own(lines[0]!)).map((t) => t.end)));
  const right = all.flatMap((p) => (cells.includes(p.cell) ? [] : p.cell.tokens.filter((t) => lines.some((line, i) => t.line === line && t.start >= ends[i]!))));
  return right.length === 0 ? Infinity : (Math.min(...right.map((t) => t.start)) - edge) / COLUMNS_PER_CHARACTER;
}

/**
 * What line `upper` of `upperCell` and the first word of line `lower` of `lowerCell` (the same
 * cell, or one under it) need of the room right of the line's left edge, bounded by text right of
 * them on the lines from `upper` down to the cell's line (0 where no text bounds them).
 */
function shareOfRoom(all: readonly Placed[], upperCell: LayoutCell, upper: number, lowerCell: LayoutCell, lower: number): number {
  const upperTokens = tokensOn(upperCell, upper);
  const edge = leftEdge(upperTokens);
  // Another cell's line is bounded by its own neighbours, not this cell's.
  const last = lowerCell === upperCell ? lower : lower - 1;
  const lines = Array.from({ length: last - upper + 1 }, (_, i) => upper + i);
  return (printedWidth(upperTokens) + firstWordWidth(tokensOn(lowerCell, lower))) / roomRight(all, [upperCell, lowerCell], edge, lines);
}

/**
 * Header value cells with a line whose next line's first word had room on it: wrapped text fills
 * each line of its cell but the last, so the text under such a line is another field's, set at the
 * top of its cell right under it (按照市区两级工作299 / 计划财务科, 具体实施处's value under the name's:
 * seed 1111, form 299). Named by their text.
 */
export function linesWithRoom(table: readonly LayoutCell[][], skip: (row: number) => boolean, isLabel: (text: string) => boolean, locationOf: (cell: LayoutCell) => string): UnclearCell[] {
  const all = placed(table, skip, isLabel);
  const roomy = (p: Placed) =>
    p.lines.some((line, i) => {
      const upper = p.lines[i - 1];
      if (upper === undefined) return false;
      const share = shareOfRoom(all, p.cell, upper, p.cell, line);
      return share > 0 && share <= SURE_ROOM;
    });
  return all.filter((p) => !p.label && roomy(p)).map((p) => namedCell(p.cell, 'layout.lineWouldFit', locationOf));
}

/**
 * Header value cells set right under (within two lines) the last line of another value cell in
 * their column that had no room for their first word: that line may go on in them, a wrapped line
 * read as the next field's (组织开展专项检查2次，覆盖全区15个街 / 镇295, read as 具体实施处's: seed
 * 1111, form 295). Both are named by their text.
 */
export function valuesUnderFullLines(table: readonly LayoutCell[][], skip: (row: number) => boolean, isLabel: (text: string) => boolean, locationOf: (cell: LayoutCell) => string): UnclearCell[] {
  const all = placed(table, skip, isLabel);
  const values = all.filter((p) => !p.label);
  return values.flatMap((v) => {
    const first = v.lines[0]!;
    const start = leftEdge(tokensOn(v.cell, first));
    const above = values.filter((u) => {
      const last = u.lines.at(-1)!;
      const tail = tokensOn(u.cell, last);
      if (u === v || first <= last || first - last > 2 || Math.abs(start - leftEdge(tail)) > ALIGNED) return false;
      // Text of a third cell in the column between them: v does not follow u.
      const end = Math.max(...tail.map((t) => t.end));
      const between = all.some((p) => p !== u && p !== v && p.cell.tokens.some((t) => t.line > last && t.line < first && t.start < end && t.end > leftEdge(tail)));
      return !between && shareOfRoom(all, u.cell, last, v.cell, first) > MAYBE_FULL;
    });
    return above.length === 0 ? [] : [v, ...above].map((p) => namedCell(p.cell, 'layout.lineFull', locationOf, firstLineNo(v.cell)));
  });
}
