/**
 * The rows of an indicator table rebuilt from its weights. Every indicator prints one weight, a
 * number that never wraps, so the table has as many rows as its weight column has numbers, and
 * the border between two rows lies somewhere between two weights. Where exactly: a spreadsheet
 * sets each cell at the top of its row or in its middle, so every block of text (a cell's wrapped
 * lines, one column) either starts on the row's first line or is centred on the row. The borders
 * are chosen together (dynamic programming over the gaps) to fit that best, never through a block
 * and never giving a row two blocks of one column.
 */
import { cellText, rowCells, tableZones, type Band, type TableHints } from './layout-grid.ts';
import type { LayoutLine, LayoutToken } from './layout-lines.ts';
import type { LayoutRow } from './layout-rows.ts';
import { pageBands } from './page-columns.ts';

/** 一级指标 / 二级指标: merged over rows, placed by layout-grid once the rows are known. */
const GROUPED = new Set(['category', 'subcategory']);
const NUMBER = /^\d+(\.\d+)?$/u;
/** A row's cost when it holds two blocks of one column: not allowed. */
const CLASH = 1e6;

interface Block {
  band: number;
  top: number;
  bottom: number;
}

function bandOf(bands: readonly Band[], token: LayoutToken): number {
  const centre = (token.start + token.end) / 2;
  const i = bands.findIndex((b) => centre >= b.left && centre < b.right);
  return i >= 0 ? i : centre < (bands[0]?.left ?? 0) ? 0 : bands.length - 1;
}

/** A column's text in blocks: lines that follow one another (or have one line of other cells between). */
function blocksOf(lines: readonly LayoutLine[], bands: readonly Band[]): Block[] {
  const blocks: Block[] = [];
  const open = new Map<number, Block>();
  for (const line of lines) {
    for (const band of new Set(line.tokens.map((t) => bandOf(bands, t)))) {
      if (GROUPED.has(bands[band]!.field ?? '')) continue;
      const last = open.get(band);
      if (last && line.index - last.bottom <= 2 && !(line.index - last.bottom === 2 && blank(lines, last.bottom + 1))) last.bottom = line.index;
      else {
        const block = { band, top: line.index, bottom: line.index };
        blocks.push(block);
        open.set(band, block);
      }
    }
  }
  return blocks;
}

function blank(lines: readonly LayoutLine[], index: number): boolean {
  const line = lines.find((l) => l.index === index);
  return !line || line.tokens.length === 0;
}

/** How badly the blocks of lines [top, bottom] fit one row: each block at its top or centred on it. */
function rowCost(blocks: readonly Block[], top: number, bottom: number): number {
  const inside = blocks.filter((b) => b.top >= top && b.bottom <= bottom);
  const bands = new Set(inside.map((b) => b.band));
  if (bands.size < inside.length) return CLASH;
  const centre = (top + bottom) / 2;
  return inside.reduce((sum, b) => sum + Math.min(Math.abs(b.top - top), Math.abs((b.top + b.bottom) / 2 - centre)), 0);
}

/**
 * Borders for the lines [first, last] of one page of a table with weights on the lines `weights`
 * (ascending): the index of the last line of each row but the last, or undefined when no
 * placement keeps every block whole.
 */
function borders(blocks: readonly Block[], first: number, last: number, weights: readonly number[]): number[] | undefined {
  const cuts = (k: number): number[] => {
    const out: number[] = [];
    for (let c = weights[k]!; c < weights[k + 1]!; c++) if (!blocks.some((b) => b.top <= c && c < b.bottom)) out.push(c);
    return out;
  };
  const gaps = weights.slice(0, -1).map((_, k) => cuts(k));
  if (gaps.some((g) => g.length === 0)) return undefined;
  // cost[k][j]: rows 0..k placed, row k ending at gaps[k][j].
  let previous = gaps[0]!.map((c) => ({ cost: rowCost(blocks, first, c), path: [c] }));
  for (let k = 1; k < gaps.length; k++) {
    previous = gaps[k]!.map((c) => {
      let best = { cost: Number.POSITIVE_INFINITY, path: [] as number[] };
      for (const p of previous) {
        const cost = p.cost + rowCost(blocks, p.path.at(-1)! + 1, c);
        if (cost < best.cost) best = { cost, path: [...p.path, c] };
      }
      return best;
    });
  }
  const end = previous.map((p) => ({ cost: p.cost + rowCost(blocks, p.path.at(-1)! + 1, last), path: p.path }));
  const best = end.reduce((a, b) => (b.cost < a.cost ? b : a), end[0]!);
  return best.cost >= CLASH ? undefined : best.path;
}

/** A row of lines; its anchor is the line of its weight, as a row's single-line cells are. */
function rowOf(lines: readonly LayoutLine[], weights: readonly number[]): LayoutRow {
  const filled = lines.filter((l) => l.tokens.length > 0);
  const weight = filled.find((l) => weights.includes(l.index));
  return { anchor: weight?.index ?? filled[0]?.index ?? lines[0]!.index, lines: filled, top: filled[0]?.index ?? lines[0]!.index, bottom: filled.at(-1)?.index ?? lines[0]!.index, tokens: filled.flatMap((l) => l.tokens) };
}

/** One page's part of a table body as rows, or undefined to keep the rows as they were. */
function pageRows(lines: readonly LayoutLine[], bands: readonly Band[]): LayoutRow[] | undefined {
  const weightBand = bands.findIndex((b) => b.field === 'weight');
  if (weightBand < 0 || lines.length === 0) return undefined;
  const weights = lines.filter((l) => l.tokens.some((t) => bandOf(bands, t) === weightBand && NUMBER.test(t.text))).map((l) => l.index);
  if (weights.length === 0) return undefined;
  const first = lines[0]!.index;
  const last = lines.at(-1)!.index;
  const cut = weights.length === 1 ? [] : borders(blocksOf(lines, bands), first, last, weights);
  if (cut === undefined) return undefined;
  const bounds = [first - 1, ...cut, last];
  return bounds.slice(1).map((b, k) => rowOf(lines.filter((l) => l.index > bounds[k]! && l.index <= b), weights)).filter((r) => r.tokens.length > 0);
}

/**
 * The lines right above the totals row holding nothing but numbers, when the totals row itself
 * prints no weight: the totals' own figures, set at the top of its row.
 */
function totalsFigures(lines: readonly LayoutLine[], top: number, bottom: number, bands: readonly Band[], totals: LayoutRow): LayoutLine[] {
  const weightBand = bands.findIndex((b) => b.field === 'weight');
  if (totals.tokens.some((t) => bandOf(bands, t) === weightBand && NUMBER.test(t.text))) return [];
  const out: LayoutLine[] = [];
  for (let i = bottom; i >= top; i--) {
    const line = lines.find((l) => l.index === i);
    if (!line || line.tokens.length === 0) continue;
    if (!line.tokens.every((t) => NUMBER.test(t.text))) break;
    out.unshift(line);
  }
  return out.some((l) => l.tokens.some((t) => bandOf(bands, t) === weightBand)) ? out : [];
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
    let bottom = totals ? rows[zone.last]!.top - 1 : rows[to]!.bottom;
    if (totals) {
      // 合计's figures set at the top of its row print above the word 合计: they are the totals'.
      const figures = totalsFigures(lines, top, bottom, zone.bands, rows[zone.last]!);
      if (figures.length > 0) {
        out[zone.last] = rowOf([...figures, ...rows[zone.last]!.lines], []);
        bottom = figures[0]!.index - 1;
      }
    }
    const body = lines.filter((l) => l.index >= top && l.index <= bottom);
    const pages = [...new Set(body.map((l) => l.page))];
    const rebuilt: LayoutRow[] = [];
    const titlesPage = rows[zone.header]!.lines[0]?.page;
    for (const page of pages) {
      const onPage = body.filter((l) => l.page === page);
      // A page without the titles has columns of its own.
      const bands = page === titlesPage ? zone.bands : (pageBands(onPage, zone.bands) ?? zone.bands);
      const again = pageRows(onPage, bands);
      rebuilt.push(...(again ?? rows.slice(from, to + 1).filter((r) => r.lines[0]?.page === page)));
    }
    out.splice(from, to - from + 1, ...rebuilt);
  }
  return out;
}
