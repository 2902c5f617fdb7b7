/**
 * Rows of `pdftotext -layout` text → a Grid the form recogniser reads. Within a row, pieces of
 * text on different lines that overlap are one wrapped cell. Under a table's column titles (the
 * indicator table, the funding block) each cell goes to the title whose column its centre lies
 * in, so that values line up with their titles whatever their alignment. Cells merged over rows
 * (一级指标 and 二级指标 captions, the 项目资金 heading) are printed once, centred on the rows they
 * span: those spans are worked out from where the caption sits.
 */
import type { Grid, GridCell } from '../grid/grid.ts';
import type { LayoutToken } from './layout-lines.ts';
import type { LayoutRow } from './layout-rows.ts';
import { pageBands } from './page-columns.ts';
import { joinFundingRows } from './funding-rows.ts';
import { figurePastWrap, figuresPastEdge, runsIntoWrappedCell, textPastEdge, textPastWrap, wrapsAlone } from './close-columns.ts';
import type { LabelFit } from './layout-wraps.ts';
import { pageBreaks, rowExtents, unbrokenLines, type PrintedPages, type RowExtent, type Span } from './row-extents.ts';

export interface LayoutCell {
  tokens: LayoutToken[];
  start: number;
  end: number;
  /** Grid column and span, in character columns. */
  col: number;
  colSpan: number;
  row: number;
  rowSpan: number;
  /** The column title it stands under, in a table. */
  band?: number;
}

/** What the grid builder asks of the template: which rows title columns, and how. */
export interface TableHints {
  /** Fields of the column titles in this row (`name`, `weight`, `category`, `funding[].initial` …); empty when it is no title row. */
  titles(texts: readonly string[]): ReadonlyArray<string | undefined>;
  /** Whether the row ends the table (合计 / 总分). */
  isTotals(texts: readonly string[]): boolean;
  /** Whether a cell is a label of a field outside the table, which ends a title row's reach. */
  isFieldLabel(text: string): boolean;
  /** Whether a text is a label of any kind (field, column title, form title): never part of a value's cell. */
  isLabel?(text: string): boolean;
  /** Whether a text is one of the templates' captions of a merged column (`category`, `subcategory`), or the start of one. */
  caption?(field: string, text: string): 'whole' | 'part' | undefined;
  /**
   * The points (in hundredths) a 一级指标 caption's rows add up to: those printed with it (产出指标(45分)),
   * else each template's points for that block; empty when not known.
   */
  captionPoints?(text: string): readonly number[];
  /** A number of points as printed in the 分值 column, in hundredths; undefined when it is none. */
  points?(text: string): number | undefined;
  /** Whether a 二级指标 caption may stand under a 一级指标 caption: false only when no template has it there. */
  nests?(subcategory: string, category: string): boolean;
  /** Whether an indicator's name holds a word a template gives that 二级指标's names (次数 under 数量指标). */
  speaksOf?(subcategory: string, name: string): boolean;
}

const GROUPED = new Set(['category', 'subcategory']);
/** The columns a totals row (合计 / 总分) adds up. */
const TOTALLED = new Set(['weight', 'score']);
/** Two spans of a caption this close (in lines) to where it is printed are a tie. */
const UNCLEAR_LINES = 0.6;
/**
 * Where a tie keeps its row (a 二级指标, reported rather than left blank), two spans this close are
 * one: each border of a row is only known to a line or so (half way between texts), so spans whose
 * costs differ by two and a half lines or less are both what the text may show (seed 777, form 16:
 * 1.5; form 306: 2 and seed 5151, form 94: 2.25, a caption set at the top of a row whose cells print
 * three lines lower).
 */
const KEPT_TIE_LINES = 2.5;
/**
 * A 二级指标 caption this close (in lines) to a row's top border, half way between texts, may be set
 * at the top of that row's merged cell however far below it the row's own text prints (its cells
 * centred in a tall row): a reading the tie test counts as a rival, reported, never the one taken
 * (seed 8282, form 74: 质量指标 on the border, three lines over its row's text, read centred on the
 * row above as well).
 */
const ON_BORDER_LINES = 1;
/** What setting a caption at the top of its merged cell costs over centring it (in lines). */
const TOP_SET_COST = 0.25;
/**
 * What each line costs that a caption set at the top prints above its first row's text, where that
 * row's cells are all centred and the line lies below the row's top border: the row may be that much
 * taller than its text, but rows are seldom much taller than their text needs, so such a line costs
 * half of one above a row that shows where its top is (seed 2468, form 152: 经济效益指标 three lines
 * over a row all centred, read as set at the top of it, where it is centred on that row and the one
 * above, a line off).
 */
const ABOVE_CENTRED_COST = 0.5;
/**
 * What each line costs that a caption set at the top prints below its first row's first line: a
 * merged cell shares that row's top border, and every cell of the row prints at or below its top
 * padding, so a caption set at the top prints on the row's first line or above it, hardly below.
 */
const BELOW_TOP_COST = 2;
/**
 * Where two spans of a 二级指标 caption tie, a miss of a caption's middle counts one line per this
 * many lines of its rows' height: each row's border is known only to a line or so (half way between
 * texts, cells set at the top or in the middle, rows taller than their text), so the taller the rows
 * the further a centred caption strays from their measured middle (seed 777: half a line over 6
 * lines of rows, one and a half over 20, two over 30).
 */
const MIDDLE_LINES_PER_MISS = 8;
/** A caption further than this (in lines) from the middle of the rows it is best given. */
const OFF_CENTRE_LINES = 1;
const NUMBER = /^[-+]?[\d,，.]+%?$/u;

/** Whether a cell's text is a number and nothing else (分值, 得分, an amount, a rate): never wrapped. */
export function isBareNumber(text: string): boolean {
  return NUMBER.test(text);
}

/** The indicator columns every row prints (its name, 三级指标 / 指标名称; its target and actual value; its scoring rule where the form has one). */
export const PRINTED_FIELDS: ReadonlySet<string> = new Set(['name', 'target', 'actual', 'rule']);

/** A quantity as a target or an actual value prints it: a figure with its comparison and a short unit (≥60次, 201吨). */
const QUANTITY = /^[≥≤><＞＜]?[-+]?\d[\d,.]*[%‰]?\p{Script=Han}{0,3}$/u;

/** Whether a text is a number, or a quantity with its unit (201吨, ≥60次): never wrapped. */
export function isQuantity(text: string): boolean {
  return NUMBER.test(text) || QUANTITY.test(text);
}

/** A row a merged caption may or may not reach: left without that caption. */
export interface SpanNote {
  field: string;
  /** Set when no span puts the caption near the middle of its rows: its rows and its neighbours' are in doubt. */
  offCentre?: boolean;
  /** With `offCentre`: where that caption and the captions next to it are printed (cellLocation). */
  around?: readonly string[];
  /** The column's title as printed. */
  column: string;
  lineNo: number;
  first: string;
  second: string;
  /** Set when the row was kept with one of the two: where the two captions are printed (cellLocation). */
  kept?: readonly string[];
}

function overlap(a: { start: number; end: number }, b: { start: number; end: number }): number {
  return Math.min(a.end, b.end) - Math.max(a.start, b.start);
}

/**
 * Tokens of a row → cells: tokens on different lines that overlap are one cell. A label (a
 * column title, a field's label) is a cell of its own: the text of a neighbouring cell that wraps
 * onto the line above or below it is not part of it, nor it of that text.
 */
export function rowCells(tokens: readonly LayoutToken[], row: number, isLabel: (text: string) => boolean = () => false): LayoutCell[] {
  const parent = tokens.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const label = tokens.map((t) => isLabel(t.text));
  tokens.forEach((a, i) =>
    tokens.forEach((b, j) => {
      if (j <= i || a.line === b.line || label[i] !== label[j]) return;
      if (overlap(a, b) >= Math.min(2, a.end - a.start, b.end - b.start)) parent[find(i)] = find(j);
    }),
  );
  const groups = new Map<number, LayoutToken[]>();
  tokens.forEach((t, i) => groups.set(find(i), [...(groups.get(find(i)) ?? []), t]));
  return [...groups.values()]
    .map((ts) => cellOf(ts, row))
    .sort((a, b) => a.start - b.start);
}

function cellOf(tokens: LayoutToken[], row: number): LayoutCell {
  const start = Math.min(...tokens.map((t) => t.start));
  const end = Math.max(...tokens.map((t) => t.end));
  return { tokens, start, end, col: start, colSpan: 1, row, rowSpan: 1 };
}

/** Texts of cells by their token lists (and how many tokens they held then): cells grow while placed. */
const texts = new WeakMap<readonly LayoutToken[], { count: number; text: string }>();

/** A cell's text: its lines top to bottom, pieces on one line set apart by a space. */
export function cellText(cell: LayoutCell): string {
  const known = texts.get(cell.tokens);
  if (known !== undefined && known.count === cell.tokens.length) return known.text;
  const text = textOf(cell);
  texts.set(cell.tokens, { count: cell.tokens.length, text });
  return text;
}

function textOf(cell: LayoutCell): string {
  const byLine = new Map<number, LayoutToken[]>();
  for (const t of cell.tokens) byLine.set(t.line, [...(byLine.get(t.line) ?? []), t]);
  const lines = [...byLine.entries()].sort((a, b) => a[0] - b[0]).map(([, ts]) => ({ page: ts[0]!.page, text: ts.sort((a, b) => a.start - b.start).map((t) => t.text).join(' ') }));
  // A caption cut by a page break is printed on both pages.
  const kept = lines.filter((l, i) => i === 0 || l.text !== lines[i - 1]!.text || l.page === lines[i - 1]!.page);
  return kept.map((l) => l.text).reduce((out, t) => out + (/[\p{Script=Latin}\d]$/u.test(out) && /^[\p{Script=Latin}\d]/u.test(t) ? ' ' : '') + t, '');
}

export interface Band { field: string | undefined; left: number; right: number; centre: number; start: number }

function bandsOf(cells: readonly LayoutCell[], fields: ReadonlyArray<string | undefined>): Band[] {
  const centres = cells.map((c) => (c.start + c.end) / 2);
  return cells.map((c, i) => {
    const prev = centres[i - 1];
    const next = centres[i + 1];
    const here = centres[i]!;
    const left = prev === undefined ? here - ((next ?? here + 8) - here) / 2 : (prev + here) / 2;
    const right = next === undefined ? Number.POSITIVE_INFINITY : (here + next) / 2;
    return { field: fields[i], left, right, centre: here, start: c.start };
  });
}

/**
 * Table cells (by their token lists, which outlive the copies of a cell) that two pieces of text
 * of one row were put in together: where one column's text ends and the next one's starts was a
 * guess, so the field read from such a cell is reported, never read silently.
 */
const sharedColumns = new WeakSet<readonly LayoutToken[]>();

export function sharesColumns(cell: LayoutCell): boolean {
  return sharedColumns.has(cell.tokens);
}

/** Cost of putting two neighbouring cells set apart by one space into one column (a phrase with a space in it). */
const MERGE_COST = 6;

/**
 * The cells of one row put under the column titles: left to right, each title's column at most
 * once, the cells' centres as near the titles' centres as can be. pdftotext sets each page's
 * columns anew, so a page without the titles is shifted or squeezed; the order holds. Cells set
 * apart by a single space may share a column (one cell); cells left of the first column stay.
 */
function snap(joined: LayoutCell[], bands: readonly Band[], row: number, totals = false): LayoutCell[] {
  const cells = joined.flatMap(splitPastEdge);
  const first = bands[0]?.start ?? 0;
  // Row labels left of the first column title (年度资金总额 beside 年初预算数) stay where they are.
  const outside = cells.filter((c) => c.end <= first + 1);
  const inside = cells.filter((c) => !outside.includes(c)).sort((a, b) => a.start - b.start);
  const n = inside.length;
  const m = bands.length;
  if (n === 0 || m === 0) return cells;
  // Text may be set left, centred or right in its column: the nearest of the three counts.
  // Spreadsheets set numbers right (or centred) and text left (or centred).
  const numeric = inside.map((c) => isBareNumber(cellText(c)));
  // A figure a single space after the text of the column left of it is set at its own column's
  // left edge (that text ran up to it): its left edge counts too, else it reads as that text's end.
  const closeAfter = inside.map((c, i) => i > 0 && numeric[i] && c.start - inside[i - 1]!.end === 1 && inside[i - 1]!.tokens.some((t) => c.tokens.some((u) => u.line === t.line)));
  const distance = (i: number, b: Band) => {
    const c = inside[i]!;
    // 合计 prints the totals of the points columns and nothing else: pdftotext squeezes that short
    // row, so its figures need not stand under their titles, but they are in no other column.
    if (totals && numeric[i]) return TOTALLED.has(b.field ?? '') ? Math.abs((c.start + c.end) / 2 - b.centre) : Number.POSITIVE_INFINITY;
    const centred = Math.abs((c.start + c.end) / 2 - b.centre);
    if (!numeric[i]) return Math.min(centred, Math.abs(c.start - b.left));
    const left = closeAfter[i] ? Math.abs(c.start - b.left) : Number.POSITIVE_INFINITY;
    return Math.min(centred, left, Number.isFinite(b.right) ? Math.abs(c.end - b.right) : Number.POSITIVE_INFINITY);
  };
  const touching = (a: LayoutCell, b: LayoutCell) => b.start - a.end <= 1 && (a.tokens.some((t) => b.tokens.some((u) => u.line === t.line)) ? !figurePastWrap(a, b) && !textPastWrap(a, b) && !wrapsAlone(a, b) : stacked(a, b));
  // cost[i][k]: cells 0..i placed, cell i in band k. With more cells than columns and no two of them
  // touching, no placement keeps them apart: then any two may share a column rather than none fit.
  const place = (mayShare: (i: number) => boolean) => {
    const cost: number[][] = Array.from({ length: n }, () => Array<number>(m).fill(Number.POSITIVE_INFINITY));
    const from: number[][] = Array.from({ length: n }, () => Array<number>(m).fill(-1));
    for (let k = 0; k < m; k++) cost[0]![k] = distance(0, bands[k]!);
    for (let i = 1; i < n; i++) {
      const shares = mayShare(i);
      for (let k = 0; k < m; k++) {
        const here = distance(i, bands[k]!);
        for (let p = 0; p <= k; p++) {
          if (p === k && !shares) continue;
          const c = cost[i - 1]![p]! + here + (p === k ? MERGE_COST : 0);
          if (c < cost[i]![k]!) (cost[i]![k] = c), (from[i]![k] = p);
        }
      }
    }
    return { cost, from };
  };
  let placed = place((i) => touching(inside[i - 1]!, inside[i]!));
  if (!Number.isFinite(Math.min(...placed.cost[n - 1]!))) placed = place(() => true);
  // More figures than the points columns: not the totals row it seemed; placed as any row.
  if (!Number.isFinite(Math.min(...placed.cost[n - 1]!))) return totals ? snap(cells, bands, row) : cells;
  const { cost, from } = placed;
  let k = cost[n - 1]!.indexOf(Math.min(...cost[n - 1]!));
  const bandOf: number[] = [];
  for (let i = n - 1; i >= 0; i--) (bandOf[i] = k), (k = from[i]![k]!);
  const out: LayoutCell[] = [...outside];
  const inBand = new Map<number, LayoutCell>();
  inside.forEach((cell, i) => {
    const b = bandOf[i]!;
    const band = bands[b]!;
    const had = inBand.get(b);
    if (had) sharedColumns.add(had.tokens);
    if (had) had.tokens.push(...cell.tokens), (had.start = Math.min(had.start, cell.start)), (had.end = Math.max(had.end, cell.end));
    else {
      const snapped = { ...cell, tokens: [...cell.tokens], col: colOf(band), colSpan: widthOf(band), row, band: b };
      if (sharedColumns.has(cell.tokens)) sharedColumns.add(snapped.tokens);
      inBand.set(b, snapped);
      out.push(snapped);
    }
  });
  for (const cell of out) if (runsIntoWrappedCell(cell)) sharedColumns.add(cell.tokens);
  return totals ? out : fillBlankPrinted(out, bands);
}

/**
 * A row's cell of one line, two pieces a single space apart, beside a column every row prints
 * (PRINTED_FIELDS) that this row left blank: the two columns' texts run together (参与单位满意度 满意
 * under 指标名称 and 目标值), and the piece on that column's side is its text. Both cells are marked
 * shared: which piece is whose is read from the space alone, so they are reported.
 */
function fillBlankPrinted(cells: LayoutCell[], bands: readonly Band[]): LayoutCell[] {
  const blank = (b: number) => b >= 0 && b < bands.length && PRINTED_FIELDS.has(bands[b]!.field ?? '') && !cells.some((c) => c.band === b);
  return cells.flatMap((cell) => {
    const b = cell.band;
    const tokens = [...cell.tokens].sort((x, y) => x.start - y.start);
    const gaps = tokens.flatMap((t, i) => (i > 0 && t.start - tokens[i - 1]!.end === 1 ? [i] : []));
    if (b === undefined || gaps.length !== 1 || new Set(tokens.map((t) => t.line)).size > 1) return [cell];
    // The blank printed column beside it, on one side only: the pieces go to it and to the cell's own.
    const side = (blank(b - 1) ? -1 : 0) + (blank(b + 1) ? 1 : 0);
    if (side === 0) return [cell];
    const first = side < 0 ? b - 1 : b;
    const pieces = [cellInBand(tokens.slice(0, gaps[0]), cell.row, bands[first]!, first), cellInBand(tokens.slice(gaps[0]), cell.row, bands[first + 1]!, first + 1)];
    for (const piece of pieces) sharedColumns.add(piece.tokens);
    return pieces;
  });
}

/** A cell of `tokens` in row `row`, placed in band `b` (`band`). */
function cellInBand(tokens: LayoutToken[], row: number, band: Band, b: number): LayoutCell {
  return { ...cellOf(tokens, row), col: colOf(band), colSpan: widthOf(band), band: b };
}

/**
 * Whether two cells of a row, one starting where the other ends, print on lines right above and
 * under each other (at most one line of other cells between) and on none of the same: one cell's
 * wrapped text whose line pdftotext set after a neighbour's text on it, out of line with the rest
 * (制。 落实《实施方案》各 over 项任。; 新增服务点位 滞 under 新增服务点位8个/年，实施进度), or two
 * columns' cells set at other heights in the row. Either may share a column, at a cost.
 */
function stacked(a: LayoutCell, b: LayoutCell): boolean {
  const lines = (c: LayoutCell) => c.tokens.map((t) => t.line);
  const [aTop, aBottom, bTop, bBottom] = [Math.min(...lines(a)), Math.max(...lines(a)), Math.min(...lines(b)), Math.max(...lines(b))];
  return (bTop > aBottom && bTop - aBottom <= 2) || (aTop > bBottom && aTop - bBottom <= 2);
}

/** A cell without the figures or text printed past its edge (another column's), and those as a cell of their own. */
function splitPastEdge(cell: LayoutCell): LayoutCell[] {
  const figures = figuresPastEdge(cell);
  const past = figures.length > 0 ? figures : textPastEdge(cell);
  if (past.length === 0) return [cell];
  const rest = cell.tokens.filter((t) => !past.includes(t));
  return [{ ...cellOf(rest, cell.row), col: cell.col, colSpan: cell.colSpan }, cellOf(past, cell.row)].sort((a, b) => a.start - b.start);
}

export interface Zone {
  header: number;
  last: number;
  bands: Band[];
}

/** The tables of the rows: each title row, its columns, and the rows down to 合计 / 总分 or the next field's label. */
export function tableZones(table: readonly LayoutCell[][], hints: TableHints): Zone[] {
  return zoneSpans(table.map((cells) => cells.map(cellText)), hints).map(({ header, last, fields }) => {
    // A heading left of the titles (项目资金（元） printed at the top of its merged cell) is no column.
    const lead = fields.findIndex((f) => f !== undefined);
    return { header, last, bands: bandsOf(table[header]!.slice(lead), fields.slice(lead)) };
  });
}

/** Where the tables are, by the rows' cell texts: each title row (and the fields its cells title) and the table's last row. */
export function zoneSpans(texts: ReadonlyArray<readonly string[]>, hints: TableHints): Array<{ header: number; last: number; fields: ReadonlyArray<string | undefined> }> {
  const zones: Array<{ header: number; last: number; fields: ReadonlyArray<string | undefined> }> = [];
  const titled = (row: readonly string[]) => hints.titles(row).filter((f) => f !== undefined).length >= 3;
  for (let i = 0; i < texts.length; i++) {
    const fields = hints.titles(texts[i]!);
    if (fields.filter((f) => f !== undefined).length < 3) continue;
    let last = i;
    for (let j = i + 1; j < texts.length; j++) {
      const row = texts[j]!;
      if (titled(row)) break;
      if (hints.isTotals(row)) {
        last = j;
        break;
      }
      if (row.some((t) => hints.isFieldLabel(t))) break;
      last = j;
    }
    zones.push({ header: i, last, fields });
    i = last;
  }
  return zones;
}

export function layoutGrid(rows: readonly LayoutRow[], hints: TableHints, source: string): { grid: Grid; cells: LayoutCell[][]; notes: SpanNote[]; zones: Zone[] } {
  const notes: SpanNote[] = [];
  const table = rows.map((r, i) => rowCells(r.tokens, i, hints.isLabel));
  const zones = tableZones(table, hints);
  for (const zone of zones) {
    const paged = bandsByPage(table, zone, rows, hints);
    const totalsRow = hints.isTotals(table[zone.last]!.map(cellText)) ? zone.last : -1;
    const rowLabel = rowLabelOf(zone, hints);
    for (let r = zone.header; r <= zone.last; r++) {
      const bands = paged.get(pageOf(rows, r));
      const labels = r === zone.header ? [] : table[r]!.filter(rowLabel);
      const cells = table[r]!.filter((c) => !labels.includes(c));
      // Cells placed by a page's own columns take the titles' columns in the grid.
      table[r] = [...labels, ...(bands ? snap(cells, bands, r, r === totalsRow).map((c) => (c.band === undefined ? c : { ...c, col: colOf(zone.bands[c.band]!), colSpan: widthOf(zone.bands[c.band]!) })) : snap(cells, zone.bands, r, r === totalsRow))];
    }
    recalibrate(table, zone, rows, new Set(paged.keys()), totalsRow);
    joinFundingRows(table, zone);
    leftColumns(table, zone);
    spanLeftHeadings(table, zone, rows);
    spanGroupedColumns(table, zone, rows, hints, notes);
  }
  for (const cells of table) widen(cells);
  const grid: Grid = {
    source,
    cells: table.flat().map((c): GridCell => ({
      row: c.row,
      col: c.col,
      rowSpan: c.rowSpan,
      colSpan: c.colSpan,
      text: cellText(c),
      location: cellLocation(c),
    })),
  };
  return { grid, cells: table, notes, zones };
}

/**
 * A row's label in the funding block (年度资金总额, 其中：当年财政拨款): a label and no column title,
 * starting left of the first column's middle. Wrapped in a narrow cell (年度资金 / 总额) it may end
 * right where the first amount starts; it is still the row's label, never that column's value.
 */
function rowLabelOf(zone: Zone, hints: TableHints): (cell: LayoutCell) => boolean {
  const funding = zone.bands.some((b) => b.field?.startsWith('funding[]') === true);
  const first = zone.bands[0]?.centre ?? 0;
  return (cell) => {
    if (!funding || cell.start >= first || hints.isLabel === undefined) return false;
    const text = cellText(cell);
    return hints.isLabel(text) && hints.titles([text])[0] === undefined;
  };
}

/** The file's line number of a cell's first line. */
export function firstLineNo(cell: LayoutCell): number {
  return Math.min(...cell.tokens.map((t) => t.lineNo));
}

export function cellLocation(cell: LayoutCell): string {
  return `line ${firstLineNo(cell)}`;
}

/**
 * pdftotext sets each page's columns anew: on a page the table continues on without its titles,
 * the columns are where that page's fullest rows put their cells. Rows with few cells (合计
 * 100 95) are placed again against those.
 */
function recalibrate(table: LayoutCell[][], zone: Zone, rows: readonly LayoutRow[], placed: ReadonlySet<number>, totalsRow: number): void {
  const m = zone.bands.length;
  const pages = new Set<number>();
  for (let r = zone.header; r <= zone.last; r++) if (!placed.has(pageOf(rows, r))) pages.add(pageOf(rows, r));
  for (const page of pages) {
    const inPage: number[] = [];
    for (let r = zone.header; r <= zone.last; r++) if (pageOf(rows, r) === page) inPage.push(r);
    const full = inPage.filter((r) => table[r]!.filter((c) => c.band !== undefined && c.rowSpan === 1).length >= m - 1);
    if (full.length === 0) continue;
    const centres = zone.bands.map((band, b) => {
      const xs = full.flatMap((r) => table[r]!.filter((c) => c.band === b && c.rowSpan === 1).map((c) => (c.start + c.end) / 2)).sort((x, y) => x - y);
      return xs.length > 0 ? xs[Math.floor(xs.length / 2)]! : band.centre;
    });
    const bands = zone.bands.map((band, b) => ({
      ...band,
      centre: centres[b]!,
      left: b === 0 ? band.left : (centres[b - 1]! + centres[b]!) / 2,
      right: b === m - 1 ? band.right : (centres[b]! + centres[b + 1]!) / 2,
    }));
    for (const r of inPage) {
      if (full.includes(r) || r === zone.header) continue;
      const placed = table[r]!.filter((c) => c.band !== undefined && c.rowSpan === 1);
      const kept = table[r]!.filter((c) => !placed.includes(c));
      const cells = placed.map((c) => ({ ...c, band: undefined as number | undefined, col: c.start, colSpan: 1 }));
      const again = snap(cells, bands, r, r === totalsRow).map((c) => (c.band === undefined ? c : { ...c, col: colOf(zone.bands[c.band]!), colSpan: widthOf(zone.bands[c.band]!) }));
      table[r] = [...kept, ...again];
    }
  }
}

function pageOf(rows: readonly LayoutRow[], r: number): number {
  return rows[r]!.lines.find((l) => l.index === rows[r]!.anchor)?.page ?? rows[r]!.lines[0]?.page ?? 0;
}

/** The columns of each page of a zone's body other than its titles' page, where that page shows them. */
function bandsByPage(table: readonly LayoutCell[][], zone: Zone, rows: readonly LayoutRow[], hints: TableHints): Map<number, Band[]> {
  const titles = pageOf(rows, zone.header);
  const last = hints.isTotals(table[zone.last]!.map(cellText)) ? zone.last - 1 : zone.last;
  const lines = new Map<number, LayoutRow['lines']>();
  for (let r = zone.header + 1; r <= last; r++) for (const l of rows[r]!.lines) if (l.page !== titles) lines.set(l.page, [...(lines.get(l.page) ?? []), l]);
  const out = new Map<number, Band[]>();
  for (const [page, onPage] of lines) {
    const bands = pageBands(onPage, zone.bands, hints.caption);
    if (bands) out.set(page, bands);
  }
  return out;
}

/** The grid column a band's cells start at. */
export function colOf(band: Band): number {
  return Math.max(Math.round(band.left), 0);
}

export function widthOf(band: Band): number {
  const col = colOf(band);
  return Number.isFinite(band.right) ? Math.max(Math.round(band.right) - col, 1) : 1000;
}

/** Cells outside the bands reach to the next cell of their row. */
function widen(cells: LayoutCell[]): void {
  const sorted = [...cells].sort((a, b) => a.col - b.col);
  sorted.forEach((c, i) => {
    if (c.colSpan !== 1) return;
    const next = sorted.find((n, k) => k > i && n.col > c.col);
    c.colSpan = next ? next.col - c.col : 1000;
  });
}

/** Left of the bands (the row labels of the funding block), cells whose spans overlap down the zone are one column. */
function leftColumns(table: LayoutCell[][], zone: Zone): void {
  const left = zone.bands[0]?.start ?? 0;
  const cells = table.slice(zone.header, zone.last + 1).flat().filter((c) => c.band === undefined);
  const columns: Array<{ start: number; end: number }> = [];
  for (const c of [...cells].sort((a, b) => a.start - b.start)) {
    const hit = columns.find((k) => overlap(k, c) > 0);
    if (hit) hit.end = Math.max(hit.end, c.end);
    else columns.push({ start: c.start, end: c.end });
  }
  // Only the funding block has row labels of its own left of its columns; elsewhere a cell left of
  // the bands is a stray piece of the first column, which keeps its place.
  const funding = zone.bands.some((b) => b.field?.startsWith('funding[]') === true);
  const firstLeft = Math.max(Math.round(zone.bands[0]?.left ?? left), 0);
  columns.forEach((k, i) => {
    // Each reaches to the next (in the funding block, a heading to the labels beside it, even right of the first column's left edge).
    const next = columns[i + 1]?.start;
    const to = next !== undefined && funding ? next : Math.min(next ?? Number.POSITIVE_INFINITY, Math.max(firstLeft, k.start + 1));
    for (const c of cells.filter((x) => overlap(x, k) > 0)) (c.col = k.start), (c.colSpan = Math.max(to - k.start, 1));
  });
  // A row label starting at or right of the first column's grid column (a narrow label column, the
  // amount a space after it; or the first column's middle far left of its title, which starts
  // right of a long heading) would share its grid column: that column moves right past it.
  const first = table.slice(zone.header, zone.last + 1).flat().filter((c) => c.band === 0 && c.rowSpan === 1);
  const col = first[0]?.col;
  if (col === undefined || !columns.some((k) => k.start >= col)) return;
  const to = funding ? Math.max(...columns.map((k) => k.start)) + 1 : col + 1;
  for (const c of first) (c.colSpan = Math.max(c.col + c.colSpan - to, 1)), (c.col = to);
  for (const c of cells) if (c.col + c.colSpan > to) c.colSpan = Math.max(to - c.col, 1);
}

/**
 * A row with two cells left of the bands (项目资金（万元） beside 其中：当年财政拨款): the first is a
 * heading merged over the rows around it, as far up and down as those rows leave its place free.
 */
function spanLeftHeadings(table: LayoutCell[][], zone: Zone, rows: readonly LayoutRow[]): void {
  const free = (r: number, c: LayoutCell) => r >= zone.header && r <= zone.last && !table[r]!.some((x) => x !== c && overlap(x, c) > 0);
  // A heading left of the column titles, in their row, was set at the top of its merged cell: it
  // spans the whole block (项目资金（万元） beside 年初预算数 …, over 年度资金总额 … 其他资金), and what
  // follows the block (年度总体目标) is no row of it, even where the block's last row is blank.
  const top = table[zone.header]!.filter((c) => c.band === undefined);
  const below = table.slice(zone.header + 1, zone.last + 1).flatMap((cells) => cells.filter((c) => c.band === undefined));
  if (top.length === 1 && zone.last > zone.header && below.length > 0 && below.every((c) => c.start > top[0]!.end)) top[0]!.rowSpan = zone.last - zone.header + 1;
  for (let r = zone.header; r <= zone.last; r++) {
    const lefts = table[r]!.filter((c) => c.band === undefined);
    if (lefts.length < 2) continue;
    const heading = lefts[0]!;
    let k = 0;
    while (free(r - k - 1, heading) && free(r + k + 1, heading)) k++;
    if (k === 0) continue;
    void rows;
    table[r] = table[r]!.filter((c) => c !== heading);
    heading.row = r - k;
    heading.rowSpan = 2 * k + 1;
    table[r - k]!.push(heading);
  }
}

/**
 * The first and last line of a row's own text. A caption already placed over several rows (the
 * 一级指标's, when the 二级指标s are placed) is kept in its first row but is no text of that row:
 * centred over many rows, it would stretch the first one down to its middle.
 */
export function extent(cells: readonly LayoutCell[], row: LayoutRow): { top: number; bottom: number } {
  const lines = cells.filter((c) => c.rowSpan === 1).flatMap((c) => c.tokens.map((t) => t.line));
  return lines.length ? { top: Math.min(...lines), bottom: Math.max(...lines) } : { top: row.top, bottom: row.bottom };
}

/**
 * A column's tokens gathered into captions, top to bottom: lines that follow one another, or with one
 * line between that is no row's anchor line (a caption wrapped around its rows' single-line cells).
 */
function gatherCaptions(tokens: readonly LayoutToken[], anchors: ReadonlySet<number>): LayoutToken[][] {
  const captions: LayoutToken[][] = [];
  for (const t of tokens) {
    const prev = captions.at(-1)?.at(-1);
    if (prev && (t.line - prev.line <= 1 || (t.line - prev.line === 2 && !anchors.has(t.line) && !anchors.has(prev.line)))) captions.at(-1)!.push(t);
    else captions.push([t]);
  }
  return captions;
}

/**
 * The data rows' own text lines (`texts`) and their extents to the borders their cells show (see
 * rowExtents), from the header above to what follows below, in lines as if the table ran on one
 * page (`unbroken`, see unbrokenLines).
 */
function rowGeometry(table: readonly LayoutCell[][], zone: Zone, rows: readonly LayoutRow[], dataRows: readonly number[]): { texts: Span[]; extents: RowExtent[]; unbroken: (line: number) => number } {
  const grouped = (c: LayoutCell) => c.band !== undefined && GROUPED.has(zone.bands[c.band]?.field ?? '');
  const printed = dataRows.map((r) => extent(table[r]!, rows[r]!));
  const printedCells = dataRows.map((r) => cellSpans(table[r]!.filter((c) => c.rowSpan === 1 && !grouped(c))));
  const pages = printedPages(rows);
  const unbroken = unbrokenLines(printed, printedCells, pages);
  const moved = (s: Span) => ({ top: unbroken(s.top), bottom: unbroken(s.bottom) });
  const texts = printed.map(moved);
  const above = unbroken(extent(table[zone.header]!, rows[zone.header]!).bottom);
  const below = zone.last + 1 < rows.length && dataRows.at(-1)! < zone.last ? unbroken(extent(table[zone.last]!, rows[zone.last]!).top) : texts.at(-1)!.bottom + 1;
  return { texts, extents: rowExtents(texts, printedCells.map((cells) => cells.map(moved)), above, below, pageBreaks(printed, pages)), unbroken };
}

/** The page of each of the rows' lines (a line of none of them: that of the nearest line above), and each page's first line. */
function printedPages(rows: readonly LayoutRow[]): PrintedPages {
  const lines = rows.flatMap((r) => r.lines).sort((a, b) => a.index - b.index);
  const firstLines = new Map<number, number>();
  for (const l of lines) if (l.tokens.length > 0 && !firstLines.has(l.page)) firstLines.set(l.page, l.index);
  const pageAt = new Map(lines.map((l) => [l.index, l.page]));
  return {
    pageOf: (line) => pageAt.get(line) ?? lines.reduce((page, l) => (l.index <= line ? l.page : page), lines[0]?.page ?? 1),
    firstLine: (page) => firstLines.get(page) ?? 0,
  };
}

/** Whether a cell is one row's own cell of column `b` (a caption not yet merged over rows). */
const ownCellOf = (b: number) => (c: LayoutCell) => c.band === b && c.rowSpan === 1;

/** A grouped column's captions, cleaned of what pdftotext mixed into them, and those printed again on a next page. */
interface ColumnCaptions {
  captions: LayoutToken[][];
  /** Each caption as it is shown: its text once, where a page break printed it twice. */
  shown: LayoutToken[][];
  /** Captions that are none of the column's known names: the cells beside them are in doubt. */
  strange: LayoutToken[][];
}

/**
 * The captions of column `b` in the data rows, taken out of the rows' cells: page echoes set apart,
 * tokens of the column beside given back to it, captions split, joined and regrouped by the names
 * the template knows.
 */
function takeCaptions(table: LayoutCell[][], zone: Zone, rows: readonly LayoutRow[], dataRows: readonly number[], b: number, hints: TableHints): ColumnCaptions | undefined {
  const band = zone.bands[b]!;
  const inBand = ownCellOf(b);
  const tokens = dataRows.flatMap((r) => table[r]!.filter(inBand).flatMap((c) => c.tokens)).sort((x, y) => x.line - y.line);
  if (tokens.length === 0) return undefined;
  const captions = gatherCaptions(tokens, new Set(dataRows.map((r) => rows[r]!.anchor)));
  const fit = (text: string) => hints.caption?.(band.field!, text);
  // On a new page pdftotext may set the echo left of that page's columns: cells left of the bands may be one too.
  const lefts = dataRows.flatMap((r) => table[r]!.filter((c) => c.band === undefined && c.rowSpan === 1).flatMap((c) => c.tokens));
  const echoes = takePageEchoes(captions, fit, lefts);
  const echoed = new Set(echoes.flatMap((e) => e.tokens));
  for (const r of dataRows) table[r] = table[r]!.filter((c) => !c.tokens.every((t) => echoed.has(t)));
  const next = zone.bands[b + 1];
  const beside = next && !GROUPED.has(next.field ?? '') ? next : undefined;
  const rowOf = new Map(dataRows.flatMap((r) => table[r]!.filter(inBand).flatMap((c) => c.tokens.map((t) => [t, r] as const))));
  if (beside) for (const caption of captions) for (const t of strayTokens(caption, fit)) giveToBand(table[rowOf.get(t)!]!, t, b + 1, beside, rowOf.get(t)!);
  splitJoinedCaptions(captions, fit);
  joinWrappedCaptions(captions, fit);
  regroupCaptions(captions, fit);
  const strange = strangeCaptions(captions, fit);
  // The cells beside a strange caption's lines may have lost their text to it: said, never read silently.
  if (beside) for (const t of strange.flat()) for (const c of table[rowOf.get(t)!]!) if (c.band === b + 1 && c.rowSpan === 1) sharedColumns.add(c.tokens);
  // A caption printed again on the next page is one merged cell: placed as one, shown once.
  const shown = repeatedOnNextPage(captions);
  joinPageEchoes(captions, echoes);
  return { captions, shown, strange };
}

/**
 * 一级指标 / 二级指标 captions: the tokens of the column gathered into captions, and the data rows
 * shared out between them in order, each caption taking the rows it is centred on.
 */
function spanGroupedColumns(table: LayoutCell[][], zone: Zone, rows: readonly LayoutRow[], hints: TableHints, notes: SpanNote[]): void {
  const dataRows: number[] = [];
  for (let r = zone.header + 1; r <= zone.last; r++) dataRows.push(r);
  if (dataRows.length > 0 && hints.isTotals(table[zone.last]!.map(cellText))) dataRows.pop();
  let parentsByPoints = false;
  zone.bands.forEach((band, b) => {
    if (!band.field || !GROUPED.has(band.field)) return;
    const inBand = ownCellOf(b);
    const taken = takeCaptions(table, zone, rows, dataRows, b, hints);
    if (taken === undefined) return;
    const { captions, shown, strange } = taken;
    const template = table[dataRows[0]!]!.find(inBand) ?? table[zone.header]!.find((c) => c.band === b)!;
    for (const r of dataRows) table[r] = table[r]!.filter((c) => !inBand(c));
    const { texts, extents, unbroken } = rowGeometry(table, zone, rows, dataRows);
    const unbrokenCaptions = captions.map((c) => c.map((t) => ({ ...t, line: unbroken(t.line) })));
    const title = table[zone.header]!.find((c) => c.band === b);
    const column = title ? cellText(title) : band.field;
    // The 一级指标 rows bound the 二级指标s only where their points placed them (else they are a guess).
    // A caption printed on two pages is named by its text on the first (the joined lines hold it twice).
    const names = shown.map((c) => cellText(cellOf(c, 0)));
    const fits = band.field === 'category' ? pointsFit(names, dataRows.map((r) => table[r]!), zone, hints) : parentsByPoints ? nestedFit(table, dataRows, zone, names, hints) : undefined;
    // A 二级指标 row in a tie is kept with the nearer caption and reported; a 一级指标 row is left to the template's points.
    const keepTies = band.field === 'subcategory';
    const nameBand = zone.bands.findIndex((x) => x.field === 'name');
    const rowNames = keepTies && hints.speaksOf ? dataRows.map((r) => table[r]!.filter((c) => c.band === nameBand).map(cellText).join('')) : [];
    const leans = keepTies && hints.speaksOf ? (i: number, r: number) => hints.speaksOf!(names[i]!, rowNames[r]!) : undefined;
    // Whether the border after data row e is one of a 一级指标 its points placed (found once, where asked).
    let parents: number[] | undefined;
    const parentsBorder = (e: number) => parentsByPoints && (parents ??= categoryParents(table, dataRows, zone)?.parent ?? [])[e] !== parents[e + 1];
    const placed = placeCaptions(unbrokenCaptions, texts, extents, fits, keepTies, leans).map((p) => (band.field === 'category' ? p : { ...p, byPoints: false }));
    if (band.field === 'category') parentsByPoints = placed.length === captions.length && placed.every((p) => p.byPoints === true && p.unclear === undefined);
    const col = colOf(band);
    placed.forEach(({ s, e, cost, unclear, byPoints, margin }, i) => {
      const caption = captions[i]!;
      const cell: LayoutCell = { ...cellOf(shown[i]!, dataRows[s]!), col, colSpan: template.colSpan, rowSpan: e - s + 1, band: b };
      if (strange.includes(caption)) sharedColumns.add(cell.tokens);
      table[dataRows[s]!]!.push(cell);
      // Rows whose weights add up to the caption's points need only hold it; otherwise a caption near
      // neither the middle nor the top of the rows it is best given: the rows it spans are a guess.
      const lines = unbrokenCaptions[i]!.map((t) => t.line);
      const outside = byPoints ? Math.max(...lines) < extents[s]!.top || Math.min(...lines) > extents[e]!.bottom : (cost > OFF_CENTRE_LINES && (margin ?? 0) < FORCED_SPAN_LINES) || squeezedTopSet(unbrokenCaptions[i]!, texts, extents, s, e);
      if (outside) {
        const row = rows[dataRows[s]!]!;
        // Its borders with the captions next to it are a guess: their rows, not the whole column's.
        const around = [i - 1, i, i + 1].filter((j) => j >= 0 && j < shown.length).map((j) => cellLocation(cellOf(shown[j]!, 0)));
        notes.push({ field: band.field!, offCentre: true, around, column, lineNo: row.lines[0]?.lineNo ?? 0, first: names[i]!, second: '' });
      }
      // The border with the next caption in doubt, noted on the row at it (with `keepTies`, both captions' rows are reported).
      const borderNote = (lineNo: number): SpanNote => ({
        field: band.field!,
        column,
        lineNo,
        first: cellText(cell),
        second: cellText(cellOf(shown[i + 1]!, 0)),
        ...(keepTies ? { kept: [cellLocation(cell), cellLocation(cellOf(shown[i + 1]!, 0))] } : {}),
      });
      if (unclear !== undefined) {
        const row = rows[dataRows[unclear]!]!;
        notes.push(borderNote(row.lines.find((l) => l.index === row.anchor)?.lineNo ?? row.lines[0]?.lineNo ?? 0));
      }
      // Names that speak of the caption across the border and not of their own (设施巡查次数 under
      // 质量指标, 数量指标 next): the border may lie elsewhere than the lines put it, unless it is a
      // 一级指标's border its points placed.
      else if (leans && i + 1 < placed.length && !parentsBorder(e) && namesCross(leans, i, placed[i]!, placed[i + 1]!)) notes.push(borderNote(rows[dataRows[e]!]!.lines[0]?.lineNo ?? 0));
    });
  });
}

/** Whether a row of caption i's span speaks of caption i + 1 and not of i, or one of i + 1's of i and not of i + 1. */
function namesCross(leans: Leans, i: number, upper: { s: number; e: number }, lower: { s: number; e: number }): boolean {
  const rows = (span: { s: number; e: number }) => Array.from({ length: span.e - span.s + 1 }, (_, k) => span.s + k);
  return rows(upper).some((r) => leans(i + 1, r) && !leans(i, r)) || rows(lower).some((r) => leans(i, r) && !leans(i + 1, r));
}

/**
 * A caption off the middle and the top of its rows is reported unless every other span for it (its
 * first or last row elsewhere, the other captions best for that) costs this many lines more: about
 * a row's height, so that the rows it was given are the only ones the lines allow. A wrong span was
 * as close as 3–5 lines (seed 5151, form 44); on eleven corpora none was further.
 */
const FORCED_SPAN_LINES = 8;

/** Rows whose texts stand at most this many lines apart (one line between) have lost the blank lines between them. */
const SQUEEZED_GAP = 2;

/**
 * Whether a caption given rows s..e as set at the top of them (not centred on them), rows of the
 * next caption after them, is also centred on its first row alone, while rows from that first one
 * down to the next caption's first stand squeezed together (at most a line between their texts):
 * pdftotext drops the blank lines between such rows, so the lines no longer measure where the next
 * caption's rows have their middle, and the rows given past the first may be the next caption's.
 * The column's captions are then reported (kept, not left to the lines alone).
 */
export function squeezedTopSet(caption: readonly LayoutToken[], texts: readonly Span[], extents: readonly Span[], s: number, e: number): boolean {
  // The last caption of the column has no next one to have lost rows to.
  if (e <= s || e + 1 >= texts.length) return false;
  const lines = [...new Set(caption.map((t) => t.line))];
  const centre = lines.reduce((sum, l) => sum + l, 0) / lines.length;
  const centredOn = (a: number, b: number) => Math.abs((extents[a]!.top + extents[b]!.bottom) / 2 - centre) <= OFF_CENTRE_LINES || Math.abs((texts[a]!.top + texts[b]!.bottom) / 2 - centre) <= OFF_CENTRE_LINES;
  if (centredOn(s, e) || !centredOn(s, s)) return false;
  for (let k = s; k <= e; k++) if (texts[k + 1]!.top - texts[k]!.bottom <= SQUEEZED_GAP) return true;
  return false;
}

/** The first and last line of each cell. */
function cellSpans(cells: readonly LayoutCell[]): Span[] {
  return cells.map((c) => {
    const lines = c.tokens.map((t) => t.line);
    return { top: Math.min(...lines), bottom: Math.max(...lines) };
  });
}

/**
 * Whether rows s..e, given to a 二级指标 caption, lie within the rows of one 一级指标 caption already
 * placed, one the templates put that 二级指标 under: merged cells nest (a 一级指标's rows are whole
 * 二级指标s), so no 二级指标 crosses the border of two 一级指标s. Undefined when no 一级指标 was placed (rows without one may go with either neighbour).
 */
function nestedFit(table: readonly LayoutCell[][], dataRows: readonly number[], zone: Zone, captions: readonly string[], hints: TableHints): ((i: number, s: number, e: number) => boolean) | undefined {
  const known = categoryParents(table, dataRows, zone);
  if (known === undefined || known.parent.every((p) => p < 0)) return undefined;
  return withinParents(known.parent, (k) => known.texts.get(k)!, captions, hints.nests ?? (() => true));
}

/** For each data row, the first data row of the 一级指标 caption over it (-1: none), and those captions by that row. */
function categoryParents(table: readonly LayoutCell[][], dataRows: readonly number[], zone: Zone): { parent: number[]; texts: Map<number, string> } | undefined {
  const band = zone.bands.findIndex((b) => b.field === 'category');
  if (band < 0) return undefined;
  const parent = dataRows.map(() => -1);
  const texts = new Map<number, string>();
  dataRows.forEach((r, k) => {
    for (const c of table[r]!) {
      if (c.band !== band) continue;
      texts.set(k, cellText(c));
      for (let j = k; j < Math.min(k + c.rowSpan, dataRows.length); j++) parent[j] = k;
    }
  });
  return { parent, texts };
}

/**
 * The test of nestedFit over rows whose 一级指标 are known: `parent[k]`, the first row of the
 * 一级指标 over row k (-1: none), `parentText` that caption's text, `captions` the 二级指标s' texts.
 */
export function withinParents(parent: readonly number[], parentText: (row: number) => string, captions: readonly string[], nests: (subcategory: string, category: string) => boolean): (i: number, s: number, e: number) => boolean {
  return (i, s, e) => {
    const over = [...new Set(parent.slice(s, e + 1).filter((p) => p >= 0))];
    // A 二级指标 the templates put under another 一级指标 stands under none of these rows.
    return over.length === 0 || (over.length === 1 && nests(captions[i]!, parentText(over[0]!)));
  };
}

/**
 * Whether rows s..e, given to caption i, hold weights (the 分值 column) adding up to that caption's
 * points; undefined unless every caption's points and every row's weight are known.
 */
function pointsFit(captions: readonly string[], rows: readonly LayoutCell[][], zone: Zone, hints: TableHints): ((i: number, s: number, e: number) => boolean) | undefined {
  const weightBand = zone.bands.findIndex((band) => band.field === 'weight');
  if (weightBand < 0 || hints.captionPoints === undefined || hints.points === undefined) return undefined;
  const points = captions.map((c) => hints.captionPoints!(c));
  if (points.some((p) => p.length === 0)) return undefined;
  const weights = rows.map((cells) => {
    const inBand = cells.filter((c) => c.band === weightBand && c.rowSpan === 1);
    return inBand.length === 1 ? hints.points!(cellText(inBand[0]!)) : undefined;
  });
  if (weights.some((w) => w === undefined)) return undefined;
  // sums[k]: the weights of rows 0..k-1, in hundredths (exact integers).
  const sums = [0];
  for (const w of weights) sums.push(sums.at(-1)! + w!);
  return (i, s, e) => points[i]!.includes(sums[e + 1]! - sums[s]!);
}

/**
 * Captions of the same text on two pages, one after the other, are one merged cell cut by the page
 * break (printed on both pages): joined in `captions` (their lines place it), and the tokens to show
 * for each (the first page's) returned.
 */
export function repeatedOnNextPage(captions: LayoutToken[][]): LayoutToken[][] {
  const text = (c: readonly LayoutToken[]) => cellText(cellOf([...c], 0));
  const shown = captions.map((c) => c);
  for (let k = 0; k + 1 < captions.length; k++) {
    const upper = captions[k]!;
    const lower = captions[k + 1]!;
    if (lower[0]!.page === upper.at(-1)!.page) continue;
    // The first page may show only the cell's first lines (服务对象满意 ‖ 服务对象满意 / 度指标): the fuller is shown.
    const head = headOf(shown[k]!, lower);
    if (text(shown[k]!) !== text(lower) && !head) continue;
    captions.splice(k, 2, [...upper, ...lower]);
    shown.splice(k, 2, head ? lower : shown[k]!);
    k--;
  }
  return shown;
}

/** Lines a caption printed again at the top of the next page, and the token they follow. */
export interface PageEcho { tokens: LayoutToken[]; after: LayoutToken }

/**
 * A merged cell cut by a page break may print its last lines again at the top of the next page
 * (满意度指 / 标(20分) ‖ 标(20分)): read as a caption of their own, such a tail takes rows from the
 * real one. Lines on a new page that repeat, line for line, the lines of one caption just before the
 * break (and are no whole caption of the templates themselves) are taken out of the captions
 * before these are read against the templates; `joinPageEchoes` gives them back to place the cell.
 */
export function takePageEchoes(captions: LayoutToken[][], fit: CaptionTextFit, lefts: readonly LayoutToken[] = []): PageEcho[] {
  const linesOf = (c: readonly LayoutToken[], k: number) => [...new Set(c.map((t) => t.line))].map((line) => ({ k, tokens: c.filter((t) => t.line === line) }));
  const lines = [...captions.flatMap((c, k) => linesOf(c, k)), ...linesOf(lefts, -1)].sort((a, b) => a.tokens[0]!.line - b.tokens[0]!.line);
  const text = (ls: typeof lines) => ls.map((l) => l.tokens.map((t) => t.text).join(' ')).join('\n');
  const page = (i: number) => lines[i]!.tokens[0]!.page;
  const echoes: PageEcho[] = [];
  for (let i = 1; i < lines.length; i++) {
    if (page(i) === page(i - 1)) continue;
    for (let m = i; m >= 1; m--) {
      const old = lines.slice(i - m, i);
      const echo = lines.slice(i, i + m);
      if (echo.length < m || echo.some((l) => l.tokens[0]!.page !== page(i)) || old.some((l) => l.k < 0 || l.k !== old[0]!.k || l.tokens[0]!.page !== page(i - 1))) continue;
      // A whole caption printed again in the column is `repeatedOnNextPage`'s; left of the columns, it is an echo too.
      const whole = m === lines.filter((l) => l.k === old[0]!.k && l.tokens[0]!.page === page(i - 1)).length;
      if (text(echo) !== text(old) || (whole && echo.some((l) => l.k >= 0))) continue;
      if (!whole && fit(captionText(echo.flatMap((l) => l.tokens))) === 'whole') continue;
      echoes.push({ tokens: echo.flatMap((l) => l.tokens), after: old.at(-1)!.tokens.at(-1)! });
      break;
    }
  }
  const taken = new Set(echoes.flatMap((e) => e.tokens));
  const kept = captions.map((c) => c.filter((t) => !taken.has(t))).filter((c) => c.length > 0);
  captions.splice(0, captions.length, ...kept);
  return echoes;
}

/** Echoes given back to the captions they repeat (new token lists: the shown ones stay without them). */
export function joinPageEchoes(captions: LayoutToken[][], echoes: readonly PageEcho[]): void {
  for (const { tokens, after } of echoes) {
    const k = captions.findIndex((c) => c.includes(after));
    if (k >= 0) captions[k] = [...captions[k]!, ...tokens].sort((a, b) => a.line - b.line);
  }
}

/** Whether `upper`'s lines are, line for line, the first lines of `lower` (and fewer). */
function headOf(upper: readonly LayoutToken[], lower: readonly LayoutToken[]): boolean {
  const lines = (c: readonly LayoutToken[]) => [...new Set(c.map((t) => t.line))].map((l) => c.filter((t) => t.line === l).map((t) => t.text).join(' '));
  const a = lines(upper);
  const b = lines(lower);
  return a.length < b.length && a.every((t, i) => t === b[i]);
}

/**
 * Captions no template has, in a column whose other captions the templates know: text of another
 * column a row put into the captions' column (a name wrapped far left), not a caption to trust.
 */
export function strangeCaptions(captions: readonly LayoutToken[][], fit: CaptionTextFit): LayoutToken[][] {
  if (!captions.some((c) => fit(captionText(c)) === 'whole')) return [];
  return captions.filter((c) => fit(captionText(c)) === undefined);
}

/** Whether tokens read as one caption of the templates, or as several, line after line. */
function readsAsCaptions(tokens: readonly LayoutToken[], fit: CaptionTextFit): boolean {
  return fit(captionText(tokens)) === 'whole' || wholeLineParts(tokens, fit) !== undefined;
}

/**
 * The next column's text wrapped onto a caption's line a single space after it (数量指标 效能, the
 * name's last line; 数量指 加 over 标): when the caption's tokens are no caption of the templates, but
 * are without the tokens right of the first on their lines, those are the next column's. They are
 * taken out of `caption` and returned; a caption that reads as it is, or does not read without them, stays.
 */
export function strayTokens(caption: LayoutToken[], fit: CaptionTextFit): LayoutToken[] {
  const firstOnLine = (t: LayoutToken) => !caption.some((u) => u.line === t.line && u.start < t.start);
  const kept = caption.filter(firstOnLine);
  if (kept.length === caption.length || fit(captionText(caption)) !== undefined || readsAsCaptions(caption, fit) || !readsAsCaptions(kept, fit)) return [];
  const stray = caption.filter((t) => !kept.includes(t));
  caption.splice(0, caption.length, ...kept);
  return stray;
}

/** A token put into the cell of band `b` in a row's cells (a new cell there when it has none). */
function giveToBand(cells: LayoutCell[], token: LayoutToken, b: number, band: Band, row: number): void {
  const cell = cells.find((c) => c.band === b && c.rowSpan === 1);
  if (!cell) {
    cells.push(cellInBand([token], row, band, b));
    return;
  }
  cell.tokens.push(token);
  cell.start = Math.min(cell.start, token.start);
  cell.end = Math.max(cell.end, token.end);
  if (runsIntoWrappedCell(cell)) sharedColumns.add(cell.tokens);
}

/** Whether a caption's text is one of the templates' captions of its column, or the start of one. */
type CaptionTextFit = (text: string) => LabelFit;

/** A caption's tokens as one text, lines run together (captions are matched without spaces). */
const captionText = (tokens: readonly LayoutToken[]): string => tokens.map((t) => t.text).join('');

/**
 * A caption's tokens cut line by line into captions of the templates (a new one wherever the lines
 * so far make one), or undefined where the lines make no such run of whole captions.
 */
function wholeLineParts(tokens: readonly LayoutToken[], fit: CaptionTextFit): LayoutToken[][] | undefined {
  const parts: LayoutToken[][] = [[]];
  for (const line of [...new Set(tokens.map((t) => t.line))]) {
    if (parts.at(-1)!.length > 0 && fit(captionText(parts.at(-1)!)) === 'whole') parts.push([]);
    parts.at(-1)!.push(...tokens.filter((t) => t.line === line));
  }
  return parts.every((p) => fit(captionText(p)) === 'whole') ? parts : undefined;
}

/**
 * Captions of neighbouring merged cells printed on lines next to each other (经济效益指标 right over
 * 服务对象满意度指标) were gathered as one: where no caption of the templates is the whole, but its
 * lines make two or more of them one after the other, each is a caption of its own.
 */
function splitJoinedCaptions(captions: LayoutToken[][], fit: CaptionTextFit): void {
  for (let k = 0; k < captions.length; k++) {
    const caption = captions[k]!;
    if (fit(captionText(caption)) === 'whole') continue;
    const parts = wholeLineParts(caption, fit);
    if (parts === undefined || parts.length < 2) continue;
    captions.splice(k, 1, ...parts);
    k += parts.length - 1;
  }
}

/**
 * A caption wrapped in its merged cell with a row's line between its lines (满意度指 / 标(20分)):
 * pieces at most two lines apart are one caption when the first is no caption of the templates
 * and the two together are one, or the start of one.
 */
function joinWrappedCaptions(captions: LayoutToken[][], fit: CaptionTextFit): void {
  for (let k = 0; k + 1 < captions.length; k++) {
    const upper = captions[k]!;
    const lower = captions[k + 1]!;
    if (lower[0]!.line - upper.at(-1)!.line > 2 || fit(captionText(upper)) === 'whole' || fit(captionText(upper) + captionText(lower)) === undefined) continue;
    captions.splice(k, 2, [...upper, ...lower]);
    k--;
  }
}

/** How far apart (in lines) two lines of one caption may print: a row's line or two between them. */
const CAPTION_LINE_GAP = 3;
/** The most captions a caption and its neighbours are regrouped into. */
const REGROUP_WINDOW = 3;

/**
 * Captions gathered wrongly where lines of neighbouring merged cells meet (社会效益指标 / 经济效益指
 * printed on lines next to each other, then 标 two lines down): a caption that is none of the
 * templates' is regrouped with its neighbours, token by token in print order, into captions that
 * all are, where such a grouping exists. Captions the templates do not know stay as printed.
 */
export function regroupCaptions(captions: LayoutToken[][], fit: CaptionTextFit): void {
  const whole = (c: readonly LayoutToken[]) => fit(captionText(c)) === 'whole';
  for (let k = 0; k < captions.length; k++) {
    if (whole(captions[k]!)) continue;
    for (const [from, to] of windowsAround(k, captions.length)) {
      const groups = wholeGroups(captions.slice(from, to + 1).flat(), whole);
      if (groups === undefined) continue;
      captions.splice(from, to - from + 1, ...groups);
      k = from + groups.length - 1;
      break;
    }
  }
}

/** Ranges of captions around k, narrowest first: k with the next, with the one before, with both. */
function windowsAround(k: number, n: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let size = 2; size <= REGROUP_WINDOW; size++) for (let from = k; from > k - size; from--) if (from >= 0 && from + size - 1 < n) out.push([from, from + size - 1]);
  return out;
}

/** `tokens` cut into runs (tokens in order, lines close) each `whole`, fewest runs first; undefined if none. */
function wholeGroups(tokens: readonly LayoutToken[], whole: (c: readonly LayoutToken[]) => boolean): LayoutToken[][] | undefined {
  const best: Array<{ count: number; from: number } | undefined> = [{ count: 0, from: -1 }];
  for (let end = 1; end <= tokens.length; end++) {
    for (let start = end - 1; start >= 0; start--) {
      if (start < end - 1 && tokens[start + 1]!.line - tokens[start]!.line > CAPTION_LINE_GAP) break;
      const before = best[start];
      if (before === undefined || !whole(tokens.slice(start, end))) continue;
      if (best[end] === undefined || before.count + 1 < best[end]!.count) best[end] = { count: before.count + 1, from: start };
    }
  }
  if (best[tokens.length] === undefined) return undefined;
  const groups: LayoutToken[][] = [];
  for (let end = tokens.length; end > 0; end = best[end]!.from) groups.unshift(tokens.slice(best[end]!.from, end));
  return groups;
}

/** A caption's place: rows s..e, how far it sits from where it would print there, and the first row left unplaced after it. */
interface CaptionPlace {
  s: number;
  e: number;
  cost: number;
  unclear?: number;
  /** How much more the best placement costs with this caption's first or last row elsewhere. */
  margin?: number;
  /** Set when every caption's rows add up to its points (产出指标(45分) over weights 45 in all). */
  byPoints?: boolean;
}

/**
 * The data rows shared out between the captions of a merged column, in order, each caption at
 * least one row. A merged cell prints its caption in its middle or at its top (on its first
 * row's first line): each caption costs how far it is from the nearer of the two, and the spans
 * are chosen together (dynamic programming), so that a caption set at the top, which fits any
 * span starting on its row, is bounded by where the next caption fits. Where moving a border
 * costs less than UNCLEAR_LINES more, the rows between are left without a caption, or, with
 * `keepTies`, kept with the caption the row's name speaks of (`leans`), else with the caption of
 * the best border (either way noted).
 * `texts` are the rows' text lines, `extents` those reaching to the rows' borders (see rowExtents).
 */
export function placeCaptions(captions: readonly LayoutToken[][], texts: readonly Span[], extents: readonly RowExtent[], fits?: (i: number, s: number, e: number) => boolean, keepTies = false, leans?: Leans): CaptionPlace[] {
  // Where every caption can take rows whose weights add up to its points, only such spans are taken.
  if (fits !== undefined) {
    const placed = placeCaptionsBy(captions, texts, extents, fits, keepTies, leans);
    if (placed.length > 0 && placed.every((p) => Number.isFinite(p.cost))) return placed.map((p) => ({ ...p, byPoints: true }));
  }
  return placeCaptionsBy(captions, texts, extents, () => true, keepTies, leans);
}

/**
 * The best totals of sharing rows out between captions, by dynamic programming over `cost(i, s, e)`
 * (caption i on rows s..e): fwd[i][e], captions 0..i on rows 0..e, caption i ending at e;
 * bwd[i][s], captions i..m-1 on rows s..n-1.
 */
function bestTotals(m: number, n: number, cost: (i: number, s: number, e: number) => number): { fwd: number[][]; bwd: number[][] } {
  const fwd = Array.from({ length: m }, () => Array<number>(n).fill(Number.POSITIVE_INFINITY));
  const bwd = Array.from({ length: m + 1 }, () => Array<number>(n + 1).fill(Number.POSITIVE_INFINITY));
  for (let e = 0; e < n; e++) fwd[0]![e] = cost(0, 0, e);
  for (let i = 1; i < m; i++) for (let e = i; e < n; e++) for (let s = i; s <= e; s++) fwd[i]![e] = Math.min(fwd[i]![e]!, fwd[i - 1]![s - 1]! + cost(i, s, e));
  bwd[m]![n] = 0;
  for (let i = m - 1; i >= 0; i--) for (let s = i; s < n; s++) for (let e = s; e < n; e++) bwd[i]![s] = Math.min(bwd[i]![s]!, cost(i, s, e) + bwd[i + 1]![e + 1]!);
  return { fwd, bwd };
}

/**
 * The best total with caption i ending at row x, where each caption within ON_BORDER_LINES of a
 * row's top border may also be set at the top of that row, measured from the border rather than
 * from the row's text; undefined where no caption is read anew so (the totals are the lines' own).
 */
function onBorderReadings(tops: readonly number[], extents: readonly Span[], fits: (i: number, s: number, e: number) => boolean, cost: (i: number, s: number, e: number) => number): ((i: number, x: number) => number) | undefined {
  const m = tops.length;
  const n = extents.length;
  const fromBorder = (i: number, s: number) => Math.abs(tops[i]! - extents[s]!.top);
  const onBorder = (i: number, s: number) => fromBorder(i, s) <= ON_BORDER_LINES;
  if (!tops.some((_, i) => extents.some((_, s) => onBorder(i, s)))) return undefined;
  const { fwd, bwd } = bestTotals(m, n, (i, s, e) => (onBorder(i, s) && fits(i, s, e) ? Math.min(cost(i, s, e), fromBorder(i, s) + TOP_SET_COST) : cost(i, s, e)));
  return (i, x) => fwd[i]![x]! + bwd[i + 1]![x + 1]!;
}

/** Whether row `row`'s name speaks of caption `caption` (its words: see TableHints.speaksOf). */
type Leans = (caption: number, row: number) => boolean;

function placeCaptionsBy(captions: readonly LayoutToken[][], texts: readonly Span[], extents: readonly RowExtent[], fits: (i: number, s: number, e: number) => boolean, keepTies: boolean, leans?: Leans): CaptionPlace[] {
  const n = texts.length;
  const m = Math.min(captions.length, n);
  if (m === 0) return [];
  const centres = captions.map((c) => {
    const lines = [...new Set(c.map((t) => t.line))];
    return lines.reduce((sum, l) => sum + l, 0) / lines.length;
  });
  const tops = captions.map((c) => Math.min(...c.map((t) => t.line)));
  // With `relative`, a miss of the middle counts per MIDDLE_LINES_PER_MISS lines of the rows' height.
  const cost = (i: number, s: number, e: number, relative = false) => {
    // Rows whose text touches a neighbour's (no blank line between: pdftotext dropped them) have
    // their border on their first or last line, not half way: their own lines measure their middle too.
    const touching = (s > 0 && texts[s]!.top - texts[s - 1]!.bottom <= 1) || (e + 1 < n && texts[e + 1]!.top - texts[e]!.bottom <= 1);
    const miss = Math.min(Math.abs((extents[s]!.top + extents[e]!.bottom) / 2 - centres[i]!), touching ? Math.abs((texts[s]!.top + texts[e]!.bottom) / 2 - centres[i]!) : Infinity);
    const middle = relative ? miss / Math.max(1, (extents[e]!.bottom - extents[s]!.top) / MIDDLE_LINES_PER_MISS) : miss;
    // Set at the top, a caption prints on its first row's first line, with that row's cells set at
    // the top, or above it where they are centred, as far up as the row's top border (topSetFrom);
    // most offices centre them, so of two equal fits the centred one is taken.
    const below = tops[i]! - texts[s]!.top;
    const room = texts[s]!.top - (extents[s]!.topSetFrom ?? texts[s]!.top);
    const above = Math.min(-below, room) * ABOVE_CENTRED_COST + Math.max(0, -below - room);
    const top = (below > 0 ? below * BELOW_TOP_COST : above) + TOP_SET_COST;
    return fits(i, s, e) ? Math.min(middle, top) : Number.POSITIVE_INFINITY;
  };
  const { fwd, bwd } = bestTotals(m, n, cost);
  const best = fwd[m - 1]![n - 1]!;
  if (!Number.isFinite(best)) return [];
  // The totals with each caption on a row's top border also read as set at the top of that row (a 二级指标's rival borders).
  const borderTotals = keepTies ? onBorderReadings(tops.slice(0, m), extents, fits, cost) : undefined;
  // The best borders, first to last: each the first end whose best continuation gives the best total.
  const ends: number[] = [];
  for (let i = 0, s = 0; i < m; i++) {
    const before = s === 0 ? 0 : fwd[i - 1]![s - 1]!;
    let e = n - 1;
    if (i < m - 1) for (let x = s; x < n - 1; x++) if (Math.abs(before + cost(i, s, x) + bwd[i + 1]![x + 1]! - best) < 1e-9) { e = x; break; }
    ends.push(e);
    s = e + 1;
  }
  const out: CaptionPlace[] = [];
  let start = 0;
  // Whether caption i from row `from`, ending at x (and the next running on to its best end), misses
  // its rows' middles by less, each miss counted against its rows' height, than ending at y.
  const closerForHeight = (i: number, from: number, x: number, y: number) => {
    const relative = (end: number) => cost(i, from, end, true) + cost(i + 1, end + 1, ends[i + 1]!, true);
    return relative(x) < relative(y);
  };
  // The margin of the caption before: its end is this one's start.
  let marginBefore = Number.POSITIVE_INFINITY;
  const tied = (more: number) => (keepTies ? more <= KEPT_TIE_LINES : more < UNCLEAR_LINES);
  for (let i = 0; i < m; i++) {
    let e = ends[i]!;
    let unclear: number | undefined;
    const nextEnd = i + 1 < m ? ends[i + 1]! : n - 1;
    if (i < m - 1) {
      // Another border for this caption, the others best for it, nearly as good: a tie.
      const rival = [e - 1, e + 1].find((x) => x >= start && x < nextEnd && tied(fwd[i]![x]! + bwd[i + 1]![x + 1]! - best));
      if (rival !== undefined) {
        unclear = Math.max(e, rival);
        // Kept: the row goes with the caption its name speaks of where it speaks of one of the two
        // (带动社会投资 under 经济效益指标), else with the one the lines put it under, by a hair
        // (reported either way), each caption's miss of its rows' middle weighed against how tall those rows are.
        const row = Math.max(e, rival);
        const upper = leans?.(i, row) === true;
        const lower = leans?.(i + 1, row) === true;
        if (!keepTies) e = Math.min(e, rival);
        else if (upper !== lower) e = upper ? row : row - 1;
        else if (closerForHeight(i, start, rival, e)) e = rival;
      }
      // A 二级指标 border further off nearly as good: a tie too, reported. Where the names speak against
      // this border and not that one (带动社会投资 two rows into 生态效益指标, 经济效益指标 centred on the
      // rows from the one before it), the nearest such border is taken.
      if (keepTies) {
        const across = (x: number) => leans !== undefined && namesCross(leans, i, { s: start, e: x }, { s: x + 1, e: nextEnd });
        const borders = Array.from({ length: nextEnd - start }, (_, k) => start + k);
        const others = borders.filter((x) => x !== e && tied(fwd[i]![x]! + bwd[i + 1]![x + 1]! - best));
        const nearest = (xs: number[]) => xs.sort((a, b) => Math.abs(a - e) - Math.abs(b - e))[0];
        const agreed = across(e) ? nearest(others.filter((x) => !across(x))) : undefined;
        const other = agreed ?? nearest(others);
        if (other !== undefined) unclear ??= Math.min(e, other) + 1;
        if (agreed !== undefined) e = agreed;
        // A caption on a row's top border set at the top of that row: a rival border, reported, not
        // taken. Weighed against this border in the same readings, not against the lines' best, so
        // that a caption on a border elsewhere lowers both alike.
        const borderRival = unclear === undefined && borderTotals ? nearest(borders.filter((x) => x !== e && tied(borderTotals(i, x) - borderTotals(i, e)))) : undefined;
        if (borderRival !== undefined) unclear = Math.min(e, borderRival) + 1;
      }
    }
    // Its end elsewhere, the others best for it (the last caption ends where the rows do).
    let margin = Number.POSITIVE_INFINITY;
    if (i < m - 1) for (let x = i; x < n - 1; x++) if (x !== ends[i]!) margin = Math.min(margin, fwd[i]![x]! + bwd[i + 1]![x + 1]! - best);
    out.push({ s: start, e, cost: cost(i, start, e), margin: Math.min(margin, marginBefore), ...(unclear === undefined ? {} : { unclear }) });
    marginBefore = margin;
    start = (keepTies ? e : (unclear ?? e)) + 1;
  }
  return out;
}
