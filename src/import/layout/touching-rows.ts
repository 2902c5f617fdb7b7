/**
 * Where two rows of the form touch in the text — the last line of one right above the first line
 * of the next, no blank line between — a wrapped line next to that border may belong to either
 * row: pdftotext drops the rule that told them apart, and a cell set at the top of its row prints
 * just as a cell's last wrapped line does. A cell holding such a line (one that is not its row's
 * anchor) may have taken text of its neighbour, or lost its own: it is unclear.
 */
import { cellText, firstLineNo, isBareNumber, isQuantity, PRINTED_FIELDS, type LayoutCell, type Zone } from './layout-grid.ts';
import { leftEdge, linesOf, printedWidth, tokensOn } from './layout-lines.ts';
import { endsBefore, type LayoutRow } from './layout-rows.ts';

/** Where an unclear cell is (its grid location) and the line that may belong to the neighbouring row. */
export interface UnclearCell {
  location: string;
  lineNo: number;
  /** The message saying why: rows that touch (the default) or columns whose text runs together. */
  key?: 'layout.cellUnclear' | 'layout.columnsUnclear' | 'layout.lineLeftOver' | 'layout.besideBareLabel' | 'layout.underOtherLabel' | 'layout.amountsGuessed' | 'layout.figuresStacked' | 'layout.cellParted' | 'layout.cellTwoEdged' | 'layout.blankBeside' | 'layout.lineWouldFit' | 'layout.lineFull' | 'layout.cellSeam';
  /** The cell's text, where the cells of a row share one location (a table row's line): only the field holding it is unclear. */
  text?: string;
}

/**
 * A cell in doubt, named by its text (the cells of a table row's line share one location, and the
 * text says which field is meant), at line `lineNo` (its first, unless another line is the reason).
 */
export function namedCell(cell: LayoutCell, key: NonNullable<UnclearCell['key']>, locationOf: (cell: LayoutCell) => string, lineNo = firstLineNo(cell)): UnclearCell {
  return { location: locationOf(cell), lineNo, key, text: cellText(cell) };
}

function touch(upper: LayoutRow, lower: LayoutRow): boolean {
  const a = upper.lines.at(-1);
  const b = lower.lines[0];
  return a !== undefined && b !== undefined && a.page === b.page && b.index === a.index + 1;
}

/**
 * A cell whose lines follow one another and are centred on its row's anchor line is that row's
 * wrapped cell, set in the middle of its row as the anchor is: no line of it is in doubt.
 */
function centredOn(cell: LayoutCell, anchor: number): boolean {
  const lines = linesOf(cell);
  const first = lines[0]!;
  const last = lines.at(-1)!;
  return last - first === lines.length - 1 && anchor - first === last - anchor;
}

/**
 * How far (in lines) a cell's line at a border may lie from its next line and still go with it:
 * pdftotext interleaves a cell's wrapped lines with its row's centred cells, one line between.
 */
const APART_LINES = 2;

/**
 * The cells of `cells` (the other row's) whose line nearest `cell`'s line `on` starts where `cell`'s
 * text on `on` does, at most APART_LINES lines off with nothing printed over that column between:
 * a cell's wrapped lines start at its left edge, so that text may go on from one line to the other,
 * across the border or past a line of its row's centred label (…组织开展 / 项目名称 / 99).
 */
function sameStart(cells: readonly LayoutCell[], cell: LayoutCell, on: number): LayoutCell[] {
  const start = leftEdge(tokensOn(cell, on));
  const between = (a: number, b: number) => cells.some((c) => c.tokens.some((t) => t.line > Math.min(a, b) && t.line < Math.max(a, b) && t.start <= start && t.end > start));
  return cells.filter((c) => {
    const near = c.tokens.reduce((best, t) => (Math.abs(t.line - on) < Math.abs(best - on) ? t.line : best), Number.POSITIVE_INFINITY);
    if (Math.abs(near - on) > APART_LINES || between(near, on)) return false;
    return leftEdge(tokensOn(c, near)) === start;
  });
}

/**
 * Cells of `rows` next to a border that touches; `skip` leaves rows out (tables, checked by their
 * figures; notes). A cell centred on its row's anchor is its row's, unless the line at the border
 * starts where a cell of the other row starts on its line nearest it (see sameStart): then it may as
 * well be that cell's wrapped line (项目名称's value going on right above 主管部门's centred one, or past
 * 项目名称's own line), and both are unclear.
 */
export function touchingRowCells(rows: readonly LayoutRow[], table: readonly LayoutCell[][], skip: (row: number) => boolean, locationOf: (cell: LayoutCell) => string): UnclearCell[] {
  const out: UnclearCell[] = [];
  const holding = (r: number, line: { index: number; lineNo: number }, other: number) =>
    table[r]!.flatMap((c) => {
      if (!c.tokens.some((t) => t.line === line.index)) return [];
      const continued = sameStart(table[other]!, c, line.index);
      if (continued.length === 0) return centredOn(c, rows[r]!.anchor) ? [] : [{ location: locationOf(c), lineNo: line.lineNo }];
      // Cells of a row may share one location: the text names the field meant.
      return [c, ...continued].map((u) => ({ location: locationOf(u), lineNo: line.lineNo, text: cellText(u) }));
    });
  for (let r = 0; r + 1 < rows.length; r++) {
    const upper = rows[r]!;
    const lower = rows[r + 1]!;
    if (skip(r) || skip(r + 1) || !touch(upper, lower)) continue;
    const last = upper.lines.at(-1)!;
    const first = lower.lines[0]!;
    if (last.index !== upper.anchor) out.push(...holding(r, last, r + 1));
    if (first.index !== lower.anchor) out.push(...holding(r + 1, first, r));
  }
  return out;
}

/**
 * Whether a cell's line at a border stands apart from the cell's other lines (more than one line of
 * other text between): the cell's part across the gap may be the neighbouring row's, however the
 * rest lies around the anchor (期 / … / 实施进度滞。: 期 the end of the row above's 年度指标值).
 */
function apart(cellLines: readonly number[], border: number): boolean {
  const others = cellLines.filter((l) => l !== border);
  return others.length > 0 && Math.min(...others.map((l) => Math.abs(l - border))) > APART_LINES;
}

/**
 * Whether `cell` is a bare number and the other row has one in its column: a number never wraps, so
 * it is no part of that one, nor that row's second (分值 8.5 set four lines above its row's text is
 * still its row's: the row above prints its own).
 */
function numberHeld(cell: LayoutCell, other: readonly LayoutCell[]): boolean {
  return isBareNumber(cellText(cell)) && other.some((o) => o.rowSpan === 1 && o.col === cell.col && isBareNumber(cellText(o)));
}

/**
 * Table rows that touch: a cell of the upper row lying wholly below its row's anchor line, down to
 * the border, may be the lower row's cell set at its top; a cell of the lower row wholly above its
 * anchor, up to the border, the upper row's set at its bottom. Such cells are unclear (`inTable`:
 * the tables' data rows). The cell's text says which field of its line is meant.
 */
export function touchingTableCells(rows: readonly LayoutRow[], table: readonly LayoutCell[][], inTable: (row: number) => boolean, locationOf: (cell: LayoutCell) => string): UnclearCell[] {
  const out: UnclearCell[] = [];
  const lines = (c: LayoutCell) => c.tokens.map((t) => t.line);
  const unclear = (c: LayoutCell, lineNo: number) => namedCell(c, 'layout.cellUnclear', locationOf, lineNo);
  for (let r = 0; r + 1 < rows.length; r++) {
    const upper = rows[r]!;
    const lower = rows[r + 1]!;
    if (!inTable(r) || !inTable(r + 1) || !touch(upper, lower)) continue;
    const last = upper.lines.at(-1)!;
    const first = lower.lines[0]!;
    // A cell wholly past its row's anchor on the border's side, or a cell's part apart at the border,
    // may be the other row's: that row's cell of its column may have lost it, and is doubted too.
    const atBorder = (cells: readonly LayoutCell[], border: { index: number; lineNo: number }, beyondAnchor: (c: LayoutCell) => boolean, other: readonly LayoutCell[]) => {
      for (const c of cells) {
        if (c.rowSpan !== 1 || !lines(c).includes(border.index) || numberHeld(c, other)) continue;
        if (beyondAnchor(c) || apart(lines(c), border.index)) out.push(unclear(c, border.lineNo), ...other.filter((o) => o.rowSpan === 1 && o.col === c.col).map((o) => unclear(o, border.lineNo)));
      }
    };
    atBorder(table[r]!, last, (c) => Math.min(...lines(c)) > upper.anchor, table[r + 1]!);
    atBorder(table[r + 1]!, first, (c) => Math.max(...lines(c)) < lower.anchor, table[r]!);
  }
  // A cell set apart by a blank line below (above) the rest of its row, with a row of the table
  // under (over) it: it may be that row's, set at its top (bottom).
  table.forEach((cells, r) => {
    if (!inTable(r)) return;
    const own = cells.filter((c) => c.rowSpan === 1);
    for (const c of own) {
      const others = own.filter((o) => o !== c).flatMap(lines);
      if (others.length === 0) continue;
      const top = Math.min(...lines(c));
      const bottom = Math.max(...lines(c));
      const lineNo = firstLineNo(c);
      const below = inTable(r + 1) && top > Math.max(...others) + 1 && !numberHeld(c, table[r + 1]!);
      const above = inTable(r - 1) && bottom < Math.min(...others) - 1 && !numberHeld(c, table[r - 1]!);
      if (below || above) out.push(unclear(c, lineNo));
    }
  });
  return out;
}

/**
 * Cells whose text meets on a line with a single space between (确保资金 健全…): the wrapped
 * lines of two columns run together there, and where one column's text ends and the next one's
 * starts is a guess. Both cells are unclear, whichever rows they were put in — and a cell that took
 * both pieces of Chinese text (which has no spaces), with the other text cells of its row; labels are
 * told apart by their text.
 */
const HAN = /\p{Script=Han}/u;

export function touchingColumnCells(table: readonly LayoutCell[][], skip: (row: number) => boolean, isLabel: (text: string) => boolean, locationOf: (cell: LayoutCell) => string): UnclearCell[] {
  const out: UnclearCell[] = [];
  const byLine = new Map<number, Array<{ cell: LayoutCell; r: number; start: number; end: number; lineNo: number; han: boolean }>>();
  table.forEach((cells, r) => {
    if (skip(r)) return;
    for (const cell of cells) {
      if (cell.tokens.some((t) => isLabel(t.text))) continue;
      for (const t of cell.tokens) byLine.set(t.line, [...(byLine.get(t.line) ?? []), { cell, r, start: t.start, end: t.end, lineNo: t.lineNo, han: HAN.test(t.text) }]);
    }
  });
  for (const pieces of byLine.values())
    for (const a of pieces)
      for (const b of pieces) {
        // Chinese text has no spaces: two pieces of it a space apart in one cell are two columns' text run together.
        if ((a.cell === b.cell && !(a.han && b.han)) || b.start - a.end < 0 || b.start - a.end > 1) continue;
        // The text one cell took, a neighbour of its row may have lost (with none, the space is the text's own).
        const losers = a.cell === b.cell ? table[a.r]!.filter((c) => c !== a.cell && !c.tokens.some((t) => isLabel(t.text))) : [b.cell];
        if (losers.length === 0) continue;
        out.push({ location: locationOf(a.cell), lineNo: a.lineNo, key: 'layout.columnsUnclear' }, ...losers.map((c) => ({ location: locationOf(c), lineNo: b.lineNo, key: 'layout.columnsUnclear' as const })));
      }
  return out;
}

/** Table cells that took the text of two pieces of a row together (see sharesColumns in layout-grid.ts). */
export function sharedColumnCells(table: readonly LayoutCell[][], inTable: (row: number) => boolean, shares: (cell: LayoutCell) => boolean, locationOf: (cell: LayoutCell) => string): UnclearCell[] {
  return table.flatMap((cells, r) => {
    if (!inTable(r)) return [];
    const shared = cells.filter(shares);
    // The text one cell took too many of, its neighbour on either side may have lost.
    // A bare number never wraps: beside such a cell it has lost nothing, or all of itself, which
    // that cell then holds (and is reported for).
    const beside = (c: LayoutCell) => !isBareNumber(cellText(c)) && shared.some((s) => s.band !== undefined && c.band !== undefined && Math.abs(s.band - c.band) === 1);
    const near = (c: LayoutCell) => shared.includes(c) || beside(c);
    return cells.filter(near).map((cell) => namedCell(cell, 'layout.columnsUnclear', locationOf));
  });
}

/**
 * Table cells holding two figures each alone on its line (97% / … / 98%): a figure never wraps, so
 * the cell may hold a neighbouring row's figure. The rows are built to keep such figures apart (see
 * layout-table-rows); where a row still took two, the field is named by its text, and so is every
 * cell of the row with text on the line of the figure further from the anchor, or beyond it: that
 * text may be the neighbour's too.
 */
export function stackedFigureCells(rows: readonly LayoutRow[], table: readonly LayoutCell[][], inBody: (row: number) => boolean, locationOf: (cell: LayoutCell) => string): UnclearCell[] {
  return table.flatMap((cells, r) => {
    if (!inBody(r)) return [];
    const anchor = rows[r]!.anchor;
    const strays = cells.flatMap((c) => {
      const figures = figureLines(c);
      return figures.length < 2 ? [] : [figures.reduce((a, b) => (Math.abs(b - anchor) > Math.abs(a - anchor) ? b : a))];
    });
    const beyond = (c: LayoutCell, stray: number) => c.tokens.some((t) => (stray > anchor ? t.line >= stray : t.line <= stray));
    return cells.filter((c) => strays.some((stray) => beyond(c, stray))).map((c) => namedCell(c, 'layout.figuresStacked', locationOf));
  });
}

/** The lines on which a cell's text is a figure or a quantity alone (97%, 201吨). */
function figureLines(cell: LayoutCell): number[] {
  const lines = new Map<number, string>();
  for (const t of cell.tokens) lines.set(t.line, `${lines.get(t.line) ?? ''}${t.text}`);
  return [...lines].filter(([, text]) => isQuantity(text)).map(([line]) => line);
}

/**
 * Table cells whose text has a gap of more than APART_LINES lines (lines of other cells only) between
 * two of its lines: pdftotext interleaves a cell's wrapped lines with its row's other cells one line
 * apart, so text further apart may be two cells' joined (≥90% / four lines of the name and caption /
 * the next row's target set at its top). Named by its text.
 */
export function partedCells(table: readonly LayoutCell[][], inBody: (row: number) => boolean, locationOf: (cell: LayoutCell) => string): UnclearCell[] {
  const parted = (c: LayoutCell) => {
    const lines = linesOf(c);
    return lines.some((l, i) => i > 0 && l - lines[i - 1]! > APART_LINES + 1);
  };
  return table.flatMap((cells, r) => (inBody(r) ? cells.filter((c) => c.rowSpan === 1 && parted(c)) : []).map((c) => namedCell(c, 'layout.cellParted', locationOf)));
}

/**
 * Whether a cell's text ends (a line short of the next: endsBefore) between two of its lines, one
 * leaning (`leans`) and one not: a cell's text fills every line but its last, so the text past such
 * a line is another cell's (部分任务顺延至下年度，年 / 内完成 / 个别指标完成情况未达预期).
 */
function endsBetween(cell: LayoutCell, leans: (line: number) => boolean): boolean {
  const lines = linesOf(cell);
  return lines.some((line, i) => i > 0 && leans(line) !== leans(lines[i - 1]!) && endsBefore(tokensOn(cell, lines[i - 1]!), tokensOn(cell, line)));
}

/** How many columns apart pdftotext may set the left edges of one cell's lines. */
const ONE_EDGE = 2;
/** How many columns apart two left edges of one cell's lines show two cells. */
const EDGES_APART = 4;

/**
 * Table cells whose lines make two blocks, each of two lines or more set at its own left edge, the
 * edges further apart than one cell's lines ever are, and not one text centred: two columns' wrapped
 * cells joined where narrow columns overlap (a target's lines at column 33 above, a name's at 19
 * under them: seed 2468, form 252); or whose text lies in two column ranges no line spans (a name
 * at 23–29, the target's lines from 51, a line between: seed 1470, form 132). Named, with the cells
 * of its row sharing a line with it (what one lost, the other took).
 */
export function twoEdgedCells(table: readonly LayoutCell[][], inBody: (row: number) => boolean, locationOf: (cell: LayoutCell) => string): UnclearCell[] {
  return table.flatMap((cells, r) => {
    if (!inBody(r)) return [];
    const joined = cells.filter((c) => c.rowSpan === 1 && (twoEdged(c) || twoRanges(c)));
    const lines = new Set(joined.flatMap((c) => c.tokens.map((t) => t.line)));
    // A number (分值, 得分) never wraps, so it took nothing of the joined cell's.
    const beside = cells.filter((c) => !joined.includes(c) && c.rowSpan === 1 && c.tokens.some((t) => lines.has(t.line)) && !isBareNumber(cellText(c)));
    return [...joined, ...beside].map((c) => namedCell(c, 'layout.cellTwoEdged', locationOf));
  });
}

/** Whether a cell's text lies in two column ranges EDGES_APART or more apart: a wrapped cell's lines overlap at its edge or its middle. */
function twoRanges(cell: LayoutCell): boolean {
  const sorted = [...cell.tokens].sort((a, b) => a.start - b.start);
  let reach = sorted[0]?.end ?? 0;
  for (const t of sorted.slice(1)) {
    if (t.start - reach >= EDGES_APART) return true;
    reach = Math.max(reach, t.end);
  }
  return false;
}

/** Whether a cell's lines make two blocks of two lines or more, each at its own left edge, and are not one centred text. */
function twoEdged(cell: LayoutCell): boolean {
  const lines = linesOf(cell);
  if (lines.length < 4) return false;
  const starts = lines.map((line) => leftEdge(tokensOn(cell, line)));
  const centres = lines.map((line, i) => starts[i]! + printedWidth(tokensOn(cell, line)) / 2);
  const aligned = (xs: readonly number[], slack: number) => xs.length > 0 && Math.max(...xs) - Math.min(...xs) <= slack;
  // Centred text (its last line too) starts each line elsewhere: one cell.
  if (aligned(centres, 1.5)) return false;
  return starts.some((_, k) => k >= 2 && k <= lines.length - 2 && aligned(starts.slice(0, k), ONE_EDGE) && aligned(starts.slice(k), ONE_EDGE) && Math.abs(starts[0]! - starts[k]!) >= EDGES_APART);
}

/**
 * An indicator row (one with a weight) whose column every indicator prints reads blank, beside a row
 * whose cell of that column has a line nearer the blank row's anchor than its own: that line may be
 * the blank row's text (实际完成 / 173份: the lower row's value set a line over its row, taken by the
 * row above). So with a blank remark, which a row may well leave blank, only where the neighbour's
 * remark ends right before (after) such a line (endsBetween). The neighbour's field is named; the
 * blank one has no cell to name.
 */
export function blankNeighbourCells(rows: readonly LayoutRow[], table: readonly LayoutCell[][], zones: readonly Zone[], locationOf: (cell: LayoutCell) => string): UnclearCell[] {
  const out: UnclearCell[] = [];
  // A line nearer the blank row's anchor than its own row's; a cell with such a line.
  const nearer = (line: number, own: number, blank: number) => Math.abs(line - rows[blank]!.anchor) < Math.abs(line - rows[own]!.anchor);
  const leans = (c: LayoutCell, own: number, blank: number) => c.tokens.some((t) => nearer(t.line, own, blank));
  for (const zone of zones) {
    const weight = zone.bands.findIndex((b) => b.field === 'weight');
    const indicator = (r: number) => r > zone.header && r <= zone.last && table[r]!.some((c) => c.band === weight);
    const printed = zone.bands.flatMap((band, b) => (PRINTED_FIELDS.has(band.field ?? '') ? [b] : []));
    const remark = zone.bands.findIndex((b) => b.field === 'remark');
    for (let r = zone.header + 1; r <= zone.last; r++) {
      if (!indicator(r)) continue;
      const blank = printed.filter((b) => !table[r]!.some((c) => c.band === b));
      const neighbours = [r - 1, r + 1].filter(indicator);
      // A remark may be left blank: only a remark whose text ends right before (after) its lines leaning to the blank row is in doubt.
      const blankRemark = remark >= 0 && !table[r]!.some((c) => c.band === remark);
      const endsAtLean = (c: LayoutCell, n: number) => c.band === remark && blankRemark && endsBetween(c, (line) => nearer(line, n, r));
      const taken = neighbours.flatMap((n) => table[n]!.filter((c) => c.rowSpan === 1 && ((blank.includes(c.band ?? -1) && leans(c, n, r)) || endsAtLean(c, n))));
      out.push(...taken.map((c) => namedCell(c, 'layout.blankBeside', locationOf)));
    }
  }
  return out;
}
