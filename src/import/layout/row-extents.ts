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
 * A row's borders, and from where a cell set at the top of it prints: its first line where one of
 * its cells shows it, else anywhere from its top border down to its text (its cells all centred in
 * a row as tall as the blank around it leaves room for). Without `topSetFrom`, the text's first line.
 */
export interface RowExtent extends Span {
  topSetFrom?: number;
}

/** The line a row's cells are centred on: the lowest middle of a cell (a cell set at the top has its middle above the row's). */
function rowMiddle(text: Span, cells: readonly Span[]): number {
  return Math.max(...cells.map((c) => (c.top + c.bottom) / 2), (text.top + text.bottom) / 2);
}

/**
 * How far down each row reaches by its own cells (`middles`: each row's, see rowMiddle). A cell is
 * set at the top of its row or in its middle: the row's top is at its first line, so it reaches as
 * far below its middle as it begins above it.
 */
function rowReach(texts: readonly Span[], middles: readonly number[]): Span[] {
  return texts.map((t, k) => ({ top: t.top, bottom: Math.max(t.bottom, 2 * middles[k]! - t.top) }));
}

/**
 * How far below its row's top border a cell set at the top prints its first line: the cell's
 * padding and the line's own height above its text, about a line as pdftotext counts them.
 */
const TOP_PADDING_LINES = 1;

/** A cell's middle this many lines or more above its row's middle: the cell is set at the top. */
const TOP_SET_LINES = 1;

/**
 * Whether a row shows where its top is: a cell set at the top (its middle above the others'),
 * printed on the row's first line. A row whose cells are all centred begins somewhere above its
 * text, as far as its height leaves over.
 */
function showsItsTop(cells: readonly Span[], middle: number): boolean {
  return cells.some((c) => middle - (c.top + c.bottom) / 2 >= TOP_SET_LINES);
}

/**
 * Where each row's borders lie, from its cells (`cells[k]`: the lines of row k's cells, captions
 * left out) and `texts[k]` (its first and last line): a row whose weight is set at the top and its
 * remark centred over ten lines reaches down to that remark's end and its padding, not half way to
 * the next row's text (see rowReach). A border is where the rows on either side show it: the foot
 * of a row that shows its top, or of a row all centred whose other border the row beyond shows (it
 * reaches as far below its middle as its top is above, and the other way), and the top of a row
 * that shows it (see shownBorders).
 * Between rows that show neither, the rows meet half way between where the upper one ends and the
 * lower one begins. Every border lies within the blank lines between the rows' texts; the first and
 * last reach half way to the text around the table. Where a page breaks between two rows
 * (`pageBreaks[k]`: after row k) no border is known from the other page: pdftotext drops the
 * page's foot and top margin, so the lines on either side no longer measure the other's height;
 * and a cell set at the top of the row after the break prints on that row's page, not above it.
 */
export function rowExtents(texts: readonly Span[], cells: readonly Span[][], above: number, below: number, pageBreaks: readonly boolean[] = []): RowExtent[] {
  const middles = texts.map((t, k) => rowMiddle(t, cells[k]!));
  const reach = rowReach(texts, middles);
  const tops = cells.map((row, k) => showsItsTop(row, middles[k]!));
  const borders = shownBorders(texts, middles, tops, pageBreaks);
  const border = (k: number) => borders[k] ?? within(texts, k, (reach[k]!.bottom + reach[k + 1]!.top) / 2);
  return texts.map((t, k) => {
    const top = k === 0 ? (t.top + above) / 2 : border(k - 1);
    const bottom = k === texts.length - 1 ? (Math.max(t.bottom, Math.min(reach[k]!.bottom, below)) + below) / 2 : border(k);
    // A row at a page's top begins there: nothing of it prints on the page before.
    return { top, bottom, topSetFrom: tops[k] || pageBreaks[k - 1] === true ? t.top : top };
  });
}

/** A border between rows k and k + 1 at `x`, moved into the blank lines between their texts. */
function within(texts: readonly Span[], k: number, x: number): number {
  return Math.min(Math.max(x, texts[k]!.bottom), texts[k + 1]!.top);
}

/**
 * The borders between rows (after row k: `[k]`) that the rows show (see rowExtents), undefined
 * where neither row does. `middles[k]`: row k's middle (rowMiddle); `tops[k]`: whether it shows its top.
 */
function shownBorders(texts: readonly Span[], middles: readonly number[], tops: readonly boolean[], pageBreaks: readonly boolean[]): Array<number | undefined> {
  const shownTop = (k: number) => texts[k]!.top - TOP_PADDING_LINES;
  const footFrom = (k: number, top: number) => 2 * middles[k]! - top;
  const borders: Array<number | undefined> = [];
  // Rows are measured from a border a row shows, not from one measured so in turn: a row's text is
  // centred in it only to a line or so, and each step doubles that. Nor from a border the rows put
  // inside a row's text (drawn at that text): pdftotext's lines did not keep the heights there.
  const measured: boolean[] = [];
  const draw = (k: number, at: number | undefined, shown: boolean) => {
    borders[k] = at === undefined ? undefined : within(texts, k, at);
    measured[k] = shown && at !== undefined && borders[k] === at;
  };
  // Down the table: each row's foot from its top, where it shows it or the border above is measured.
  for (let k = 0; k + 1 < texts.length; k++) {
    if (pageBreaks[k] === true) {
      draw(k, undefined, false);
      continue;
    }
    const foot = tops[k] ? footFrom(k, shownTop(k)) : k > 0 && measured[k - 1] ? footFrom(k, borders[k - 1]!) : undefined;
    const top = tops[k + 1] ? shownTop(k + 1) : undefined;
    draw(k, foot === undefined ? top : top === undefined ? foot : (foot + top) / 2, tops[k] || tops[k + 1]!);
  }
  // Up the table: a row that shows neither border above it, centred, from the border below it.
  for (let k = texts.length - 3; k >= 0; k--) {
    if (borders[k] === undefined && pageBreaks[k] !== true && measured[k + 1] && !tops[k + 1]) draw(k, footFrom(k + 1, borders[k + 1]!), false);
  }
  return borders;
}

/** Where the text lines are: each line's page, and each page's first line. */
export interface PrintedPages {
  pageOf(line: number): number;
  firstLine(page: number): number;
}

/** Whether a page breaks after each row (the next row begins on a later page); the last row: false. */
export function pageBreaks(texts: readonly Span[], pages: PrintedPages): boolean[] {
  return texts.map((t, k) => k + 1 < texts.length && pages.pageOf(texts[k + 1]!.top) > pages.pageOf(t.bottom));
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
  const reach = rowReach(texts, texts.map((t, k) => rowMiddle(t, cells[k]!)));
  const breaks = pageBreaks(texts, pages);
  const shifts: Array<{ from: number; by: number }> = [];
  for (let k = 0; k + 1 < texts.length; k++) {
    const next = texts[k + 1]!.top;
    const page = pages.pageOf(next);
    const broken = breaks[k]!;
    if (!broken && next - texts[k]!.bottom - 1 < MOST_BLANK_LINES) continue;
    const from = broken ? pages.firstLine(page) : next;
    if (reach[k]!.bottom > from) shifts.push({ from, by: reach[k]!.bottom - from });
  }
  return (line) => shifts.reduce((moved, s) => (line >= s.from ? moved + s.by : moved), line);
}
