/**
 * The rows of an indicator table rebuilt from its weights. Every indicator prints one weight, a
 * number that never wraps, so the table has as many rows as its weight column has numbers, and
 * the border between two rows lies somewhere between two weights. Where exactly: a spreadsheet
 * sets each cell at the top of its row or in its middle, so every block of text (a cell's wrapped
 * lines, one column) either starts on the row's first line or is centred on the row. The borders
 * are chosen together (dynamic programming over the gaps) to fit that best, never through a block
 * (but at a seam, where another column's line parts two of its lines) and giving a row two blocks
 * of one column only at a cost: pdftotext lets a column's text drift into its neighbour's place,
 * and refusing every such row would leave the whole page to the anchors, which join rows. What
 * the fit settled that way is reported (besideSeam), never read silently.
 */
import { cellText, isQuantity, PRINTED_FIELDS, rowCells, tableZones, type Band, type TableHints } from './layout-grid.ts';
import type { LayoutLine, LayoutToken } from './layout-lines.ts';
import { endsBefore, firstPiece, type FirstPiece, type LayoutRow } from './layout-rows.ts';
import { pageBands } from './page-columns.ts';

/** 一级指标 / 二级指标: merged over rows, placed by layout-grid once the rows are known. */
const GROUPED = new Set(['category', 'subcategory']);
const NUMBER = /^\d+(\.\d+)?$/u;
/** Columns of points (分值, 得分): a number never wraps, so each printed alone on its line is a cell of its own. */
const FIGURES = new Set(['weight', 'score']);
/** A row's cost when it holds two blocks of one column: not allowed. */
const CLASH = 1e6;

/**
 * A cut through a block where its lines have a line of other text between them: a cell whose
 * wrapped lines were interleaved with a neighbour's, or the last line of one cell and a cell set at
 * the top of the next row. Allowed, at about the cost of a block set two lines off.
 */
const SEAM_COST = 2;
/** A row holding two blocks of one column: text of a neighbouring column drifted into it, or two rows taken for one. */
const DOUBLED_COST = 8;
/**
 * A row given no block of a column every indicator prints (its name, 三级指标 / 指标名称; its target
 * and its actual value; its scoring rule where the form has one): a neighbour has taken it. Without this cost a single-line cell of the row
 * below, one line of other text under the row above's (可持续影 between 健全 and 健全), stays one block
 * with that cell and both go to the row above, the lower row left with none.
 */
const NAMELESS_COST = 3;
/** How far (in lines) a block may sit from its place in a row for free: the rounding of its position to a line. */
const SNAP_LINES = 0.5;
/**
 * A row is about as tall as its tallest cell needs: offices set rows higher than their text, up to
 * about twice as high with some padding (TALL_ROW_LINES_PER_LINE per line of its tallest block, and
 * TALL_ROW_PAD_LINES). A border that makes a row taller than that costs TALL_ROW_COST a line: a
 * one-line remark taken as set at the top of a row whose one-line cells are centred ten lines below
 * it would make that row twenty lines high; it is the middle of the tall row above. pdftotext prints
 * at most four blank lines, so the lines between the two rows' texts do not tell.
 */
const TALL_ROW_COST = 0.5;
const TALL_ROW_LINES_PER_LINE = 2.5;
const TALL_ROW_PAD_LINES = 3;

interface Block {
  band: number;
  top: number;
  bottom: number;
  /** The lines holding its text, ascending. */
  lines: number[];
  /** Its last line's text. */
  text: LayoutToken[];
  /** Where its lines before the last start and how wide they print. */
  above: FirstPiece[];
}

function bandOf(bands: readonly Band[], token: LayoutToken): number {
  const centre = (token.start + token.end) / 2;
  const i = bands.findIndex((b) => centre >= b.left && centre < b.right);
  return i >= 0 ? i : centre < (bands[0]?.left ?? 0) ? 0 : bands.length - 1;
}

/** How many columns pdftotext may set the lines of one cell apart at their left edge. */
const ALIGNED = 1;

/**
 * Each token's column. By its centre, but for the last line of a wrapped cell: a cell's text is set
 * left in its column, which may start well left of its centred title, so a short last line
 * (服务机制，/ 加强) can have its centre under the title on its left. A token starting where the
 * column on its right had text a line or two above (one line of other cells between, which may
 * itself hold text drifted into that column), no wider than that text, and with nothing of that
 * column on its own line, goes on that text's cell. A number in a column of points stays there:
 * points never wrap.
 */
function tokenBands(lines: readonly LayoutLine[], bands: readonly Band[]): Map<LayoutToken, number> {
  const out = new Map<LayoutToken, number>();
  /** Per band, the last two lines holding its text: their index and tokens (the wrapped cell's may be the earlier, another cell's drifted into the band the later). */
  const last = new Map<number, Array<{ index: number; tokens: LayoutToken[] }>>();
  for (const line of lines) {
    const own = line.tokens.map((t) => bandOf(bands, t));
    const here = line.tokens.map((t, i) => {
      const b = own[i]!;
      if (own.includes(b + 1) || (FIGURES.has(bands[b]!.field ?? '') && NUMBER.test(t.text))) return b;
      const within = (right: { index: number }) => line.index - right.index <= 2 && !(line.index - right.index === 2 && blank(lines, right.index + 1));
      const wraps = (right: { tokens: LayoutToken[] }) => {
        const edge = Math.min(...right.tokens.map((u) => u.start));
        const width = Math.max(...right.tokens.map((u) => u.end)) - edge;
        return Math.abs(t.start - edge) <= ALIGNED && t.end - t.start < width;
      };
      return (last.get(b + 1) ?? []).some((right) => within(right) && wraps(right)) ? b + 1 : b;
    });
    line.tokens.forEach((t, i) => out.set(t, here[i]!));
    for (const b of new Set(here)) last.set(b, [...(last.get(b) ?? []).slice(-1), { index: line.index, tokens: line.tokens.filter((_, i) => here[i] === b) }]);
  }
  return out;
}

/**
 * A column's text in blocks: lines that follow one another (or have one line of other cells
 * between). With `seams` (no border kept every block whole), also up to a line that ends its cell
 * (shorter than the next, both at the column's edge): the next is the top of the row below's cell.
 * Where whole blocks give borders, those stand: the split would only add doubts to the rows.
 * A number alone in the 分值 or 得分 column is always a block of its own (FIGURES), and so is a figure
 * alone on its line under another (97% / 98%): a figure never wraps.
 */
function blocksOf(lines: readonly LayoutLine[], bands: readonly Band[], seams: boolean, bandAt: ReadonlyMap<LayoutToken, number>): Block[] {
  const blocks: Block[] = [];
  const open = new Map<number, Block>();
  for (const line of lines) {
    for (const band of new Set(line.tokens.map((t) => bandAt.get(t)!))) {
      if (GROUPED.has(bands[band]!.field ?? '')) continue;
      const last = open.get(band);
      const text = line.tokens.filter((t) => bandAt.get(t) === band);
      const ended = (seams && last !== undefined && endsBefore(last.text, text, last.above)) || (FIGURES.has(bands[band]!.field ?? '') && text.every((t) => NUMBER.test(t.text))) || (last !== undefined && bareFigure(last.text) && bareFigure(text));
      if (last && !ended && line.index - last.bottom <= 2 && !(line.index - last.bottom === 2 && blank(lines, last.bottom + 1))) (last.bottom = line.index), last.lines.push(line.index), last.above.push(firstPiece(last.text)), (last.text = text);
      else {
        const block: Block = { band, top: line.index, bottom: line.index, lines: [line.index], text, above: [] };
        blocks.push(block);
        open.set(band, block);
      }
    }
  }
  return blocks;
}

/** A line's text in one column that is a quantity alone (97%, 201吨, 1,200.00): never the wrapped line of another such quantity. */
function bareFigure(text: readonly LayoutToken[]): boolean {
  return text.length > 0 && text.every((t) => isQuantity(t.text));
}

function blank(lines: readonly LayoutLine[], index: number): boolean {
  const line = lines.find((l) => l.index === index);
  return !line || line.tokens.length === 0;
}

/** Whether a border after line `c` cuts through a block: at a seam (SEAM_COST), or through a cell's text (never). */
function cutCost(blocks: readonly Block[], c: number, seams = true): number {
  let cost = 0;
  for (const b of blocks) {
    if (!(b.top <= c && c < b.bottom)) continue;
    if (!seams || (b.lines.includes(c) && b.lines.includes(c + 1))) return CLASH;
    cost += SEAM_COST;
  }
  return cost;
}

/** How far (in lines, beyond SNAP_LINES) a block is from the top and from the middle of its row, the nearer. */
function misfit(b: { top: number; bottom: number }, top: number, middle: number): number {
  return Math.max(Math.min(Math.abs(b.top - top), Math.abs((b.top + b.bottom) / 2 - middle)) - SNAP_LINES, 0);
}

/** The median of the blocks' middles (most cells are centred on their row). */
function middleOf(blocks: ReadonlyArray<{ top: number; bottom: number }>): number | undefined {
  const middles = blocks.map((b) => (b.top + b.bottom) / 2).sort((a, b) => a - b);
  if (middles.length === 0) return undefined;
  const k = Math.floor(middles.length / 2);
  return middles.length % 2 === 1 ? middles[k]! : (middles[k - 1]! + middles[k]!) / 2;
}

/**
 * A row's middle as its blocks show it: the median of the middles of those that do not begin on the
 * row's first line of text. A block there is set at the top (or, the tallest, fills the row, whose
 * middle the others show too), so its middle says nothing of the row's: three top-set cells of a
 * tall row would pull the median half way up from its three centred ones far below, and the next
 * row's remark set at that row's top would fit the tall row as well (seed 16, form 61). Where every
 * block begins on that line, all of them.
 */
function shownMiddle(blocks: ReadonlyArray<{ top: number; bottom: number }>): number | undefined {
  const top = Math.min(...blocks.map((b) => b.top));
  const belowTop = blocks.filter((b) => b.top - top > SNAP_LINES);
  return middleOf(belowTop.length > 0 ? belowTop : blocks);
}

/** How badly the blocks of lines [top, bottom] fit one row: each block (or its part in the row) at its top or centred on it. */
function rowCost(blocks: readonly Block[], top: number, bottom: number, printed: readonly number[] = []): number {
  // Called for every pair of places of a row's two borders: the blocks' parts are found without a
  // copy of their lines (they are ascending).
  const inside: Array<{ band: number; top: number; bottom: number }> = [];
  let tallest = 0;
  for (const b of blocks) {
    if (b.bottom < top || b.top > bottom) continue;
    let from = -1;
    let to = -1;
    for (const l of b.lines) {
      if (l > bottom) break;
      if (l < top) continue;
      if (from < 0) from = l;
      to = l;
    }
    if (from < 0) continue;
    inside.push({ band: b.band, top: from, bottom: to });
    tallest = Math.max(tallest, to - from + 1);
  }
  const bands = new Set(inside.map((b) => b.band));
  const doubled = (inside.length - bands.size) * DOUBLED_COST;
  // Every indicator prints its name, target and actual: a row given none of one has had it taken by a neighbour.
  const nameless = printed.filter((b) => !bands.has(b)).length * NAMELESS_COST;
  // The row's middle between its borders, or where its blocks show it: pdftotext does not keep the
  // blank lines around a row in proportion, so the borders may put the middle where no cell is.
  const between = (top + bottom) / 2;
  const shown = shownMiddle(inside) ?? between;
  // A row with its top at `top` and its middle at `shown` is twice as high as its middle lies below its top.
  const tooTall = Math.max(0, 2 * (shown - top) + 1 - (TALL_ROW_LINES_PER_LINE * tallest + TALL_ROW_PAD_LINES)) * TALL_ROW_COST;
  // pdftotext puts each printed line on a line of text: half a line off is no evidence.
  return tooTall + doubled + nameless + inside.reduce((sum, b) => sum + Math.min(misfit(b, top, between), misfit(b, top, shown)), 0);
}

/**
 * A border whose every other place costs at least this much more (in lines of misfit) is firm: the
 * blocks beside it are where the best fit put them by a clear margin, so their text is not doubted
 * for lying against it (markSeamsKept). Half a line is the snap of a block to its place (SNAP_LINES);
 * one line more is a block set a line off, which pdftotext's spacing alone can make.
 */
const FIRM_LINES = 1;

interface Borders {
  /** The index of the last line of each row but the last. */
  path: number[];
  cost: number;
  /**
   * For each border of `path`: the first and last line it may end its row at within FIRM_LINES of
   * the best. Firm where the two are one: every other place costs FIRM_LINES more or over.
   */
  reach: Array<[number, number]>;
}

/**
 * Borders for the lines [first, last] of one page of a table with weights on the lines `weights`
 * (ascending), or undefined when no placement keeps every block whole. The rows' costs are found
 * once and summed both ways (best rows before and after each place of each border), so that each
 * border knows how much its next best place costs.
 */
function borders(blocks: readonly Block[], first: number, last: number, weights: readonly number[], seams: boolean, printed: readonly number[] = []): Borders | undefined {
  const cuts = (k: number): Array<{ c: number; cost: number }> => {
    const out: Array<{ c: number; cost: number }> = [];
    for (let c = weights[k]!; c < weights[k + 1]!; c++) {
      const cost = cutCost(blocks, c, seams);
      if (cost < CLASH) out.push({ c, cost });
    }
    return out;
  };
  const gaps = weights.slice(0, -1).map((_, k) => cuts(k));
  if (gaps.some((g) => g.length === 0)) return undefined;
  const K = gaps.length;
  // Row k lies between the weights of rows k - 1 and k + 1: only the blocks there can cost it anything.
  const near = (from: number, to: number) => blocks.filter((b) => b.bottom >= from && b.top <= to);
  const firstBlocks = near(first, weights[1]!);
  const lastBlocks = near(weights.at(-2)!, last);
  // inner[k][i][j]: row k (0 < k < K) from border k - 1 at gaps[k - 1][i] to border k at gaps[k][j].
  const inner = gaps.map((g, k) => {
    if (k === 0) return [];
    const around = near(weights[k - 1]!, weights[k + 1]!);
    return gaps[k - 1]!.map((p) => g.map(({ c }) => rowCost(around, p.c + 1, c, printed)));
  });
  // fwd[k][j]: rows 0..k at their best with border k at gaps[k][j], its seam counted; bwd[k][j]: rows k + 1.. at their best.
  const fwd: number[][] = [gaps[0]!.map(({ c, cost }) => cost + rowCost(firstBlocks, first, c, printed))];
  const back: number[][] = [gaps[0]!.map(() => -1)];
  for (let k = 1; k < K; k++) {
    const row = gaps[k]!.map(({ cost }, j) => {
      let best = { cost: Number.POSITIVE_INFINITY, from: -1 };
      fwd[k - 1]!.forEach((before, i) => {
        const total = before + cost + inner[k]![i]![j]!;
        if (total < best.cost) best = { cost: total, from: i };
      });
      return best;
    });
    fwd.push(row.map((r) => r.cost));
    back.push(row.map((r) => r.from));
  }
  const bwd: number[][] = Array.from({ length: K }, () => []);
  bwd[K - 1] = gaps[K - 1]!.map(({ c }) => rowCost(lastBlocks, c + 1, last, printed));
  for (let k = K - 2; k >= 0; k--) bwd[k] = gaps[k]!.map((_, i) => Math.min(...gaps[k + 1]!.map(({ cost }, j) => cost + inner[k + 1]![i]![j]! + bwd[k + 1]![j]!)));
  const totals = fwd.map((row, k) => row.map((f, j) => f + bwd[k]![j]!));
  const end = totals[K - 1]!;
  let j = end.indexOf(Math.min(...end));
  const best = end[j]!;
  if (best >= CLASH) return undefined;
  const chosen: number[] = [];
  for (let k = K - 1; k >= 0; k--) (chosen[k] = j), (j = back[k]![j]!);
  const path = chosen.map((i, k) => gaps[k]![i]!.c);
  const reach = totals.map((row, k): [number, number] => {
    const near = gaps[k]!.filter((_, x) => row[x]! - best < FIRM_LINES).map(({ c }) => c);
    return [Math.min(...near), Math.max(...near)];
  });
  return { path, cost: best, reach };
}

/** A row of lines; its anchor is the line of its weight, as a row's single-line cells are. */
function rowOf(lines: readonly LayoutLine[], weights: readonly number[]): LayoutRow {
  const filled = lines.filter((l) => l.tokens.length > 0);
  const weight = filled.find((l) => weights.includes(l.index));
  return { anchor: weight?.index ?? filled[0]?.index ?? lines[0]!.index, lines: filled, top: filled[0]?.index ?? lines[0]!.index, bottom: filled.at(-1)?.index ?? lines[0]!.index, tokens: filled.flatMap((l) => l.tokens) };
}

/**
 * Tokens of a block kept whole in its row although it could have been cut at a seam (a line of
 * other text between two of its lines): what follows the seam may be the top of the next row's
 * cell, or what precedes it the end of the last row's. The row's fit alone chose; the field is
 * reported. Only the seams the other columns would have let a border through count.
 */
const seamTokens = new WeakSet<LayoutToken>();

export function besideSeam(token: LayoutToken): boolean {
  return seamTokens.has(token);
}

/** A block's lines within one row. */
interface Part {
  block: Block;
  top: number;
  bottom: number;
}

function markSeamsKept(blocks: readonly Block[], lines: readonly LayoutLine[], bandAt: ReadonlyMap<LayoutToken, number>, bounds: readonly number[], reach: ReadonlyArray<[number, number]>, apart: ReadonlySet<number>): void {
  const byIndex = new Map(lines.map((l) => [l.index, l]));
  const mark = (b: Block, top: number, bottom: number) => {
    for (const i of b.lines) if (i >= top && i <= bottom) for (const t of byIndex.get(i)?.tokens ?? []) if (bandAt.get(t) === b.band) seamTokens.add(t);
  };
  // Whether the border under row k could lie elsewhere at nearly the same cost (none under the last row).
  const loose = (k: number) => k >= 0 && k + 2 < bounds.length && reach[k]![0] !== reach[k]![1];
  // Whether a border nearly as good as border k would put some of the part's lines in the other row.
  const moves = (k: number, p: Part) => k >= 0 && k < reach.length && p.block.lines.some((l) => l >= p.top && l <= p.bottom && l > reach[k]![0] && l <= reach[k]![1]);
  // Whether the part has a seam: a line of other text between two of its lines.
  const seamed = (p: Part) => p.block.lines.some((l, i) => i > 0 && l <= p.bottom && p.block.lines[i - 1]! >= p.top && l - p.block.lines[i - 1]! > 1);
  const whole = (b: Block): Part => ({ block: b, top: b.top, bottom: b.bottom });
  // A block with a seam, cut there, or some of whose lines a border nearly as good would put in the
  // other row: which row its lines beyond the seam are in was the fit's choice (服务对象满意度达到较满意，得满 /
  // 分 / 受疫情影响部分活, cut after 得满: seed 8585, form 85). Kept whole where every such border leaves
  // its lines where they are, the other columns placed them.
  const cut = (b: Block) => bounds.slice(1, -1).some((c) => b.top <= c && c < b.bottom);
  const placedByFit = (b: Block) => cut(b) || reach.some((_, k) => moves(k, whole(b)));
  // ... or kept whole past a line that ends a cell (short of the next): the fit with every block
  // whole was chosen over the one that ends cells there, and what follows may be the next row's
  // cell set at its top (推进 / 按照市区两: seed 4444, form 95).
  const textOn = (b: Block, line: number) => (byIndex.get(line)?.tokens ?? []).filter((t) => bandAt.get(t) === b.band);
  const endsWithin = (b: Block) => b.lines.some((l, i) => i > 0 && endsBefore(textOn(b, b.lines[i - 1]!), textOn(b, l), b.lines.slice(0, i - 1).map((x) => firstPiece(textOn(b, x)))));
  for (const b of blocks) if (seamed(whole(b)) && (placedByFit(b) || endsWithin(b))) mark(b, b.top, b.bottom);
  const rowsOf = (k: number) => ({ top: bounds[k]! + 1, bottom: bounds[k + 1]! });
  const partsOf = bounds.slice(1).map((_, k) => {
    const { top, bottom } = rowsOf(k);
    return blocks.flatMap((b) => {
      if (b.bottom < top || b.top > bottom) return [];
      const lines = b.lines.filter((l) => l >= top && l <= bottom);
      return lines.length === 0 ? [] : [{ block: b, top: lines[0]!, bottom: lines.at(-1)! }];
    });
  });
  const parts = (k: number) => partsOf[k]!;
  for (let k = 0; k + 1 < bounds.length; k++) {
    const { top, bottom } = rowsOf(k);
    const here = parts(k);
    // A block against a border whose neighbour across it has no text in that column may be the neighbour's.
    const lacks = (j: number, band: number) => j >= 0 && j + 1 < bounds.length && !parts(j).some((x) => x.block.band === band);
    // A row given two blocks of one column (the best fit had to) beside a row with none: either may be
    // that row's. Beside rows that have their own, the two are one cell's lines parted by a neighbour's.
    for (const p of here) if (here.some((o) => o !== p && o.block.band === p.block.band) && (lacks(k - 1, p.block.band) || lacks(k + 1, p.block.band))) mark(p.block, top, bottom);
    // ... but two blocks of one column with a blank line between are never one cell's: a cell's lines
    // have no blank line among them, so the upper may be the end of the row above's cell, or the lower
    // the top of the row below's (…较高。 / blank lines / ≥29人). Both are named, and that neighbour's cell.
    const blankBetween = (p: { bottom: number }, o: { top: number }) => Array.from({ length: o.top - p.bottom - 1 }, (_, i) => p.bottom + 1 + i).some((i) => (byIndex.get(i)?.tokens.length ?? 0) === 0);
    const markNeighbour = (j: number, band: number) => {
      if (j < 0 || j + 1 >= bounds.length) return;
      for (const x of parts(j)) if (x.block.band === band) mark(x.block, rowsOf(j).top, rowsOf(j).bottom);
    };
    for (const p of here) {
      const lower = apart.has(p.block.band) ? here.find((o) => o.block.band === p.block.band && blankBetween(p, o)) : undefined;
      if (!lower) continue;
      mark(p.block, top, bottom);
      mark(lower.block, top, bottom);
      markNeighbour(k - 1, p.block.band);
      markNeighbour(k + 1, p.block.band);
    }
    // A wrapped block against a border (within a line of it) with no text of its column across it
    // may be the neighbour's where a border nearly as good would move some of its lines, or where it
    // has a seam: its part beyond the seam may be the neighbour's cell set at its top (bottom),
    // however clear the border (围绕年度重点工作。 / 实际完成数略低于: seed 2222, form 70).
    // Elsewhere the other columns placed it. Only wrapped text: a single line stands where its row's single-line cells stand.
    const wrapped = (p: Part) => p.bottom > p.top;
    const below = (p: Part) => moves(k, p) || seamed(p);
    const over = (p: Part) => moves(k - 1, p) || seamed(p);
    for (const p of here) if (wrapped(p) && ((p.bottom >= bottom - 1 && below(p) && lacks(k + 1, p.block.band)) || (p.top <= top + 1 && over(p) && lacks(k - 1, p.block.band)))) mark(p.block, top, bottom);
    // A column's text in this row and the next with at most a line between, across a border nearly
    // as good elsewhere that would move some of it: the last lines of one cell and a cell set at the
    // top of the next row print alike.
    if (k + 2 >= bounds.length || !loose(k)) continue;
    const next = rowsOf(k + 1);
    for (const q of parts(k + 1)) {
      const p = here.find((x) => x.block.band === q.block.band && q.top - x.bottom <= 2 && (wrapped(x) || wrapped(q)) && (moves(k, x) || moves(k, q)));
      if (p) mark(p.block, top, bottom), mark(q.block, next.top, next.bottom);
    }
  }
}

function oneWeightEach(rows: readonly LayoutRow[], bands: readonly Band[]): boolean {
  const weightBand = bands.findIndex((b) => b.field === 'weight');
  return rows.every((r) => r.tokens.filter((t) => bandOf(bands, t) === weightBand && NUMBER.test(t.text)).length === 1);
}

interface PageFit {
  lines: readonly LayoutLine[];
  blocks: Block[];
  weights: number[];
  /** The index of the line before each row, and the last line. */
  bounds: number[];
  cost: number;
  /** For each border between rows: the first and last line it may end its row at, nearly as well (see Borders); firm where they are one. */
  reach: Array<[number, number]>;
  /** Each token's column (see tokenBands). */
  bandAt: ReadonlyMap<LayoutToken, number>;
  /** The columns of text right of the names (see APART): the 一级/二级指标 captions never drift into them. */
  apart: ReadonlySet<number>;
}

/**
 * Columns of text right of the indicators' names (年度指标值, 实际完成值, 评分规则, 备注): two blocks of one of
 * them with a blank line between are two cells' (see markSeamsKept). Not the names' column, into which
 * the merged captions' short lines left of it drift (指标, 标).
 */
const APART = new Set(['target', 'actual', 'rule', 'remark']);

/** The indices of the PRINTED columns the table has. */
function printedBands(bands: readonly Band[]): number[] {
  return bands.flatMap((b, i) => (PRINTED_FIELDS.has(b.field ?? '') ? [i] : []));
}

/** The best borders of one page's part of a table body, or undefined when none keeps the blocks as `seams` asks. */
function pageFit(lines: readonly LayoutLine[], bands: readonly Band[], seams: boolean): PageFit | undefined {
  const weightBand = bands.findIndex((b) => b.field === 'weight');
  if (weightBand < 0 || lines.length === 0) return undefined;
  const weights = lines.filter((l) => l.tokens.some((t) => bandOf(bands, t) === weightBand && NUMBER.test(t.text))).map((l) => l.index);
  if (weights.length === 0) return undefined;
  const first = lines[0]!.index;
  const last = lines.at(-1)!.index;
  const bandAt = tokenBands(lines, bands);
  const blocks = blocksOf(lines, bands, seams, bandAt);
  const fit = weights.length === 1 ? { path: [], cost: 0, reach: [] } : borders(blocks, first, last, weights, seams, printedBands(bands));
  if (fit === undefined) return undefined;
  const apart = new Set(bands.flatMap((b, i) => (APART.has(b.field ?? '') ? [i] : [])));
  return { lines, blocks, weights, bounds: [first - 1, ...fit.path, last], cost: fit.cost, reach: fit.reach, bandAt, apart };
}

/** `fit` with each border loose where `other`, the fit with or without seams, is nearly as good and puts it elsewhere. */
function loosenedBy(fit: PageFit, other: PageFit | undefined): PageFit {
  if (other === undefined || other.cost - fit.cost >= FIRM_LINES) return fit;
  const widened = (k: number, [lo, hi]: [number, number]): [number, number] => [Math.min(lo, other.bounds[k + 1]!), Math.max(hi, other.bounds[k + 1]!)];
  return { ...fit, reach: fit.reach.map((r, k) => widened(k, r)) };
}

/**
 * The best fit of one page's part of a table body in the columns `bands`, loosened by the other
 * (see loosenedBy); none where no border keeps every block whole and the rows as the anchors gave
 * them (`kept`) hold one weight each: those stand. Otherwise blocks may be cut where another
 * column's line parts them. Cut blocks fitting better than whole ones (a row given two blocks of a
 * column, or one far off its place, costs more than a seam) are taken too: the whole ones were not
 * the page's rows. So are cut blocks fitting as well with other borders, none of them through a
 * block: the blocks were only ended where a line short of the one under it ends its cell (a remark's
 * 资。 over the next row's remark set at its top), which the whole ones left unsaid; even where the
 * whole ones fit at no cost (a remark's last line joined over a line of nothing but a 二级指标
 * caption to the next row's remark, right above that row's line: seed 16, form 20).
 */
function fitPage(onPage: readonly LayoutLine[], bands: readonly Band[], kept: readonly LayoutRow[]): { fit: PageFit | undefined; loosened: PageFit | undefined } {
  const whole = pageFit(onPage, bands, false);
  // A whole fit at no cost is only beaten by one with cells ended where it kept them going.
  const cut = (whole === undefined && oneWeightEach(kept, bands)) || (whole?.cost === 0 && !endsCells(whole, bands)) ? undefined : pageFit(onPage, bands, true);
  const fit = whole === undefined || (cut !== undefined && (cut.cost < whole.cost || endsCellsOnly(cut, whole))) ? cut : whole;
  return { fit, loosened: fit && loosenedBy(fit, fit === whole ? cut : whole) };
}

/** Whether a short line ends a cell in the blocks of `whole` (so that they part with seams allowed). */
function endsCells(whole: PageFit, bands: readonly Band[]): boolean {
  return blocksOf(whole.lines, bands, true, whole.bandAt).length !== whole.blocks.length;
}

/** Whether `cut` costs what `whole` does with other borders, none of them through a block (at a seam). */
function endsCellsOnly(cut: PageFit, whole: PageFit): boolean {
  const borders = cut.bounds.slice(1, -1);
  return cut.cost === whole.cost && borders.join() !== whole.bounds.slice(1, -1).join() && borders.every((c) => cutCost(cut.blocks, c) === 0);
}

/** Whether two sets of columns put every token of the lines in the same column by its centre (a second fit in them would be the first). */
function sameColumns(lines: readonly LayoutLine[], a: readonly Band[], b: readonly Band[]): boolean {
  return lines.every((l) => l.tokens.every((t) => bandOf(a, t) === bandOf(b, t)));
}

/** One page's part of a table body as rows cut at the borders of `fit`. */
function pageRows(fit: PageFit): LayoutRow[] {
  const { lines, blocks, weights, bounds, bandAt, reach, apart } = fit;
  markSeamsKept(blocks, lines, bandAt, bounds, reach, apart);
  return bounds.slice(1).map((b, k) => rowOf(lines.filter((l) => l.index > bounds[k]! && l.index <= b), weights)).filter((r) => r.tokens.length > 0);
}

/** `row` without its lines above its anchor, or `row` itself when it has none. */
function fromAnchor(row: LayoutRow): LayoutRow {
  if (row.top >= row.anchor) return row;
  const lines = row.lines.filter((l) => l.index >= row.anchor);
  return { ...row, lines, top: row.anchor, tokens: lines.flatMap((l) => l.tokens) };
}

/**
 * `rebuilt` with the lines the totals row gave up (above its 合计 line) that no row took (the
 * anchors' rows stood) added to the last row, the indicator they were set in: no text is dropped.
 */
function withLinesLeft(rebuilt: LayoutRow[], totals: LayoutRow, kept: LayoutRow | undefined): LayoutRow[] {
  const last = rebuilt.at(-1);
  if (kept === undefined || kept === totals || last === undefined) return rebuilt;
  const taken = new Set(rebuilt.flatMap((r) => r.lines.map((l) => l.index)));
  const left = totals.lines.filter((l) => l.index < kept.top && !taken.has(l.index));
  if (left.length === 0) return rebuilt;
  const lines = [...last.lines, ...left].sort((a, b) => a.index - b.index);
  return [...rebuilt.slice(0, -1), { ...last, lines, top: lines[0]!.index, bottom: lines.at(-1)!.index, tokens: lines.flatMap((l) => l.tokens) }];
}

/** A totals row (合计 / 总分) prints two figures: the weights' total and the points' total. */
const TOTALS_FIGURES = 2;

function numbers(tokens: readonly LayoutToken[]): number {
  return tokens.filter((t) => NUMBER.test(t.text)).length;
}

function onlyNumbers(line: LayoutLine | undefined): line is LayoutLine {
  return line !== undefined && line.tokens.length > 0 && line.tokens.every((t) => NUMBER.test(t.text));
}

/**
 * Whether a number prints in the column of a figure the totals row already holds: each column has
 * one total, so it is an indicator's figure (the last row's 得分 1.5 a line under its row, above
 * 总分 75.77), not the total missing from the other column.
 */
function under(token: LayoutToken, held: readonly LayoutToken[]): boolean {
  return held.some((h) => token.start < h.end && h.start < token.end);
}

/**
 * The totals row's figures it does not print on its own lines: a cell set at the top of its row
 * prints above the word 合计 (set in the middle), a cell set in the middle below it when 合计 is at
 * the top. The nearest lines of nothing but numbers on the side given, up to the count missing,
 * stopping at a number in a column the row already fills;
 * where they are really an indicator's, the points no longer add up and that is reported.
 */
function totalsFigures(lines: readonly LayoutLine[], from: number, to: number, step: 1 | -1, totals: LayoutRow): LayoutLine[] {
  let missing = TOTALS_FIGURES - numbers(totals.tokens);
  const out: LayoutLine[] = [];
  const held = totals.tokens.filter((t) => NUMBER.test(t.text));
  for (let i = from; missing > 0 && (step < 0 ? i >= to : i <= to); i += step) {
    const line = lines.find((l) => l.index === i);
    if (!line || line.tokens.length === 0) continue;
    if (!onlyNumbers(line) || line.tokens.length > missing || line.tokens.some((t) => under(t, held))) break;
    missing -= line.tokens.length;
    out.push(line);
    held.push(...line.tokens);
  }
  return out.sort((a, b) => a.index - b.index);
}

/**
 * The rows of `rows` with each indicator table's body (between its titles and 合计) cut again at
 * the borders its weights and blocks give; a page where they give none keeps its rows.
 */
export function tableRows(rows: readonly LayoutRow[], lines: readonly LayoutLine[], hints: TableHints): LayoutRow[] {
  const table = rows.map((r, i) => rowCells(r.tokens, i, hints.isLabel));
  const out = [...rows];
  const zones = tableZones(table, hints).reverse();
  for (const zone of zones) {
    if (!zone.bands.some((b) => b.field === 'weight') || !zone.bands.some((b) => b.field === 'name')) continue;
    const totals = hints.isTotals(table[zone.last]!.map(cellText));
    const from = zone.header + 1;
    const to = totals ? zone.last - 1 : zone.last;
    if (to < from) continue;
    const top = rows[zone.header]!.bottom + 1;
    // The totals row from its 合计 / 总分 line down: lines above it with text are the last
    // indicator's cells set in the middle of a tall row (figures above are found below).
    const totalsRow = totals ? fromAnchor(rows[zone.last]!) : undefined;
    let bottom = totalsRow ? totalsRow.top - 1 : rows[to]!.bottom;
    if (totalsRow) {
      const row = totalsRow;
      // Below 合计 only rows of nothing but numbers (the next field's row starts with its label).
      let after = zone.last + 1;
      while (after < rows.length && rows[after]!.lines.every(onlyNumbers) && rows[after]!.lines[0]?.page === row.lines[0]?.page) after++;
      // Every figure missing, printed on one line under 合计: the figures above are the last row's
      // (its 得分 printed a line low), not the totals'.
      const whole = totalsFigures(lines, row.bottom + 1, rows[after - 1]!.bottom, 1, row);
      const complete = whole.length === 1 && numbers(row.tokens) + numbers(whole[0]!.tokens) === TOTALS_FIGURES;
      const above = complete ? [] : totalsFigures(lines, bottom, top, -1, row);
      if (above.length > 0) bottom = above[0]!.index - 1;
      const below = totalsFigures(lines, row.bottom + 1, rows[after - 1]!.bottom, 1, { ...row, tokens: [...row.tokens, ...above.flatMap((l) => l.tokens)] });
      const taken = rows.slice(zone.last + 1, after).filter((r) => r.lines.every((l) => below.includes(l))).length;
      if (above.length > 0 || taken > 0 || row !== rows[zone.last]) {
        const joined = [...above, ...row.lines, ...rows.slice(zone.last + 1, zone.last + 1 + taken).flatMap((r) => r.lines)];
        out.splice(zone.last, 1 + taken, rowOf(joined, []));
      }
    }
    const body = lines.filter((l) => l.index >= top && l.index <= bottom);
    const pages = [...new Set(body.map((l) => l.page))];
    const rebuilt: LayoutRow[] = [];
    const titlesPage = rows[zone.header]!.lines[0]?.page;
    for (const page of pages) {
      const onPage = body.filter((l) => l.page === page);
      const kept = rows.slice(from, to + 1).filter((r) => r.lines[0]?.page === page);
      // A page without the titles has columns of its own. On the titles' page, the titles set in
      // another font than the cells may stand columns away from them (pdftotext counts characters,
      // not distance): the columns the cells themselves show are tried too, the better fit taken.
      // Only as many rows, on the same weights' lines: columns learnt from a few rows may lose a
      // weight, and fewer rows always cost less.
      const own = pageBands(onPage, zone.bands, hints.caption);
      const tryOwn = page === titlesPage && own !== undefined && !sameColumns(onPage, zone.bands, own);
      const tried = [page === titlesPage ? zone.bands : (own ?? zone.bands), ...(tryOwn ? [own] : [])].map((bands) => fitPage(onPage, bands, kept));
      const sameRows = (a: PageFit, b: PageFit) => a.weights.length === b.weights.length && a.weights.every((w, i) => w === b.weights[i]);
      const best = tried.reduce((a, b) => (a.fit !== undefined && b.fit !== undefined && sameRows(a.fit, b.fit) && b.fit.cost < a.fit.cost ? b : a));
      rebuilt.push(...(best.fit === undefined ? kept : pageRows(best.loosened!)));
    }
    out.splice(from, to - from + 1, ...withLinesLeft(rebuilt, rows[zone.last]!, totalsRow));
  }
  return out;
}
