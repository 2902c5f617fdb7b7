/**
 * Where the rows of a layout table lie, in text lines: their borders (the lines of blank between
 * two rows' texts are shared out) and the lines pdftotext leaves out (a page's blank foot, blank
 * lines past its fourth).
 */

/** A first and last line (inclusive; borders may fall half way between lines). */
export interface Span {
  top: number;
  bottom: number;
}

/**
 * How far down each row reaches by its own cells. A cell is set at the top of its row or in its
 * middle: the row's top is at its first line, its middle at the lowest middle of a cell (a cell set
 * at the top has its middle above the row's), so it reaches as far below that middle as it begins above it.
 */
function rowReach(texts: readonly Span[], cells: readonly Span[][]): Span[] {
  return texts.map((t, k) => {
    const middle = Math.max(...cells[k]!.map((c) => (c.top + c.bottom) / 2), (t.top + t.bottom) / 2);
    return { top: t.top, bottom: Math.max(t.bottom, 2 * middle - t.top) };
  });
}

/**
 * Where each row's borders lie, from its cells (`cells[k]`: the lines of row k's cells, captions
 * left out) and `texts[k]` (its first and last line): a row whose weight is set at the top and its
 * remark centred over ten lines reaches down to that remark's end and its padding, not half way to
 * the next row's text (see rowReach). Two rows meet half way between where the upper one ends and
 * the lower one begins, within the blank lines between their texts; the first and last reach half
 * way to the text around the table.
 */
export function rowExtents(texts: readonly Span[], cells: readonly Span[][], above: number, below: number): Span[] {
  const reach = rowReach(texts, cells);
  const border = (k: number) => Math.min(Math.max((reach[k]!.bottom + reach[k + 1]!.top) / 2, texts[k]!.bottom), texts[k + 1]!.top);
  return texts.map((t, k) => ({
    top: k === 0 ? (t.top + above) / 2 : border(k - 1),
    bottom: k === texts.length - 1 ? (Math.max(t.bottom, Math.min(reach[k]!.bottom, below)) + below) / 2 : border(k),
  }));
}

/** Where the text lines are: each line's page, and each page's first line. */
export interface PrintedPages {
  pageOf(line: number): number;
  firstLine(page: number): number;
}

/** pdftotext prints at most this many blank lines in a row: a taller blank between two texts loses the rest. */
export const MOST_BLANK_LINES = 4;

/**
 * Line numbers as the rows lie on paper: as if the table ran on one long page, with every blank
 * line between its rows. A row reaches as far below its middle as it begins above it (rowReach),
 * and the lines of text printed below it start no higher than that:
 * - pdftotext prints nothing of a page's blank foot: the last row on a page seems to end at its
 *   last text line and the next page's first row to begin straight after. A merged cell cut by the
 *   break is laid out over its whole height, its caption centred on both parts together (a 二级指标
 *   over a tall row at a page's foot and a short one on the next page prints below the tall row's
 *   text, not beside it);
 * - within a page it prints at most MOST_BLANK_LINES blank lines: the padding under a tall row
 *   whose name is centred far below its remark set at the top is cut short, and a 二级指标 over it
 *   and the short row above seems centred on the tall row alone (seed 16, form 86).
 * So the lines after such a place move down by what the row before it lost, the next text at that
 * row's border (where the row reaches no further than that text, nothing moves: rows printed
 * touching still touch, and no line moves up).
 */
export function unbrokenLines(texts: readonly Span[], cells: readonly Span[][], pages: PrintedPages): (line: number) => number {
  const reach = rowReach(texts, cells);
  const shifts: Array<{ from: number; by: number }> = [];
  for (let k = 0; k + 1 < texts.length; k++) {
    const next = texts[k + 1]!.top;
    const page = pages.pageOf(next);
    const broken = page > pages.pageOf(texts[k]!.bottom);
    if (!broken && next - texts[k]!.bottom - 1 < MOST_BLANK_LINES) continue;
    const from = broken ? pages.firstLine(page) : next;
    if (reach[k]!.bottom > from) shifts.push({ from, by: reach[k]!.bottom - from });
  }
  return (line) => shifts.reduce((moved, s) => (line >= s.from ? moved + s.by : moved), line);
}
