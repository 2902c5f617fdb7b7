/**
 * The national form's funding block (项目资金（万元）) as pdftotext lays it out. Its cells are set
 * at the top, the middle or the bottom of their rows, each its own way: an amount may print on a
 * line of its own above or below its source's name (年度资金总额), and the heading merged over
 * the block's rows prints once, on a line of its own, somewhere down its left side. Here the
 * amounts rejoin the row of their source, and the heading spans the block from its column
 * titles down, as the grid reader expects of a merged heading.
 */
import { cellText, firstLineNo, widthOf, type LayoutCell, type Zone } from './layout-grid.ts';
import type { LayoutToken } from './layout-lines.ts';
import type { UnclearCell } from './touching-rows.ts';

/** Amounts, points and rates: what the block prints in its columns. */
const AMOUNT = /^[-+]?[\d,，]+(\.\d+)?%?$/u;

const lineOf = (cells: readonly LayoutCell[]) => Math.min(...cells.flatMap((c) => c.tokens.map((t) => t.line)));

function isFundingZone(zone: Zone): boolean {
  return zone.bands.some((b) => b.field?.startsWith('funding[].') === true);
}

/**
 * The heading's cells: left of every source's name, one text (a merged cell pdftotext may print
 * more than once), alone in its row or beside a source or its amounts.
 */
function headingCells(table: readonly LayoutCell[][], zone: Zone): Array<{ r: number; cell: LayoutCell }> {
  const lefts: Array<{ r: number; cell: LayoutCell }> = [];
  for (let r = zone.header + 1; r <= zone.last; r++) for (const cell of table[r]!) if (cell.band === undefined) lefts.push({ r, cell });
  const start = Math.min(...lefts.map((l) => l.cell.start));
  const heads = lefts.filter((l) => l.cell.start === start);
  const others = lefts.filter((l) => !heads.includes(l));
  const text = heads[0] && cellText(heads[0].cell);
  if (others.length === 0 || !heads.every((h) => cellText(h.cell) === text && others.every((o) => h.cell.end <= o.cell.start))) return [];
  return heads;
}

/**
 * Bare amounts given to a source's row although the row on their other side was about as near (a
 * line or less further, see ownerOf): which source they are of is a guess, reported on their cells,
 * and on that source's name where it printed no amounts of its own.
 */
const guessedOwner = new WeakSet<readonly LayoutToken[]>();

/**
 * The cells of amounts whose source was a guess, in the rows `inZone` keeps: each is reported as
 * possibly the other source's. Located without its text: amounts read in 万元 are kept in 元, so a
 * field's value is not its cell's text, and the place says which field it is.
 */
export function guessedAmountCells(table: readonly LayoutCell[][], inZone: (row: number) => boolean, locationOf: (cell: LayoutCell) => string): UnclearCell[] {
  return table.flatMap((cells, r) => (inZone(r) ? cells.filter((c) => guessedOwner.has(c.tokens)) : []).map((cell) => ({ location: locationOf(cell), lineNo: firstLineNo(cell), key: 'layout.amountsGuessed' as const })));
}

/** How many lines a row's text lies from line `line`: none where its lines (a wrapped name's, joined onto its first) reach past it. */
function linesFrom(cells: readonly LayoutCell[], line: number): number {
  const lines = cells.flatMap((c) => c.tokens.flatMap((t) => [t.printedOver?.first ?? t.line, t.printedOver?.last ?? t.line]));
  return Math.max(Math.min(...lines) - line, line - Math.max(...lines), 0);
}

/**
 * The row of a source whose amounts a row of bare amounts belongs to: of those with the amounts'
 * columns free, the one that already prints amounts where the other is at most a line nearer
 * (上年结转资 / 金 with its 年初预算数, the rest set lower in its row, right above 其他资金: a source's
 * amounts are printed together, or none), else the nearer (by their lines, a wrapped name's every line
 * counting). `close` where the other was a line or less further: a guess.
 */
function ownerOf(table: readonly LayoutCell[][], zone: Zone, r: number): { owner: number; close: boolean } | undefined {
  const bands = new Set(table[r]!.map((c) => c.band));
  const fits = (k: number) =>
    k > zone.header && k <= zone.last && table[k]!.some((c) => c.band === undefined) && !table[k]!.some((c) => bands.has(c.band));
  const here = lineOf(table[r]!);
  let above: number | undefined;
  let below: number | undefined;
  for (let k = r - 1; k > zone.header && above === undefined; k--) if (table[k]!.some((c) => c.band === undefined)) above = fits(k) ? k : -1;
  for (let k = r + 1; k <= zone.last && below === undefined; k++) if (table[k]!.some((c) => c.band === undefined)) below = fits(k) ? k : -1;
  const distance = (k: number | undefined) => (k === undefined || k < 0 ? Number.POSITIVE_INFINITY : linesFrom(table[k]!, here));
  const up = distance(above);
  const down = distance(below);
  const close = Math.abs(up - down) <= 1;
  // About as near both: the one printing amounts already, where one does.
  const printsAmounts = (k: number | undefined) => k !== undefined && k >= 0 && table[k]!.some((c) => c.band !== undefined);
  if (close && Number.isFinite(up) && Number.isFinite(down) && printsAmounts(above) !== printsAmounts(below)) return { owner: printsAmounts(above) ? above! : below!, close };
  // Else the nearer; equally near both, which row it belongs to cannot be told: it stays (and is read as no source's).
  if (up === down) return undefined;
  return { owner: up < down ? above! : below!, close };
}

/**
 * The heading set at the top of its merged cell, which reaches up over the column titles: it prints
 * on a line of its own right above them (`项目资金（万元）` over `年初预算数  全年预算数 …`), left of every
 * source's name. Taken only where no heading prints down the block's left side.
 */
function headingAbove(table: readonly LayoutCell[][], zone: Zone): Array<{ r: number; cell: LayoutCell }> {
  const r = zone.header - 1;
  const cells = table[r] ?? [];
  const cell = cells[0];
  if (cells.length !== 1 || cell === undefined || cell.band !== undefined) return [];
  const lastLine = Math.max(...cell.tokens.map((t) => t.line));
  if (lineOf(table[zone.header]!) - lastLine !== 1) return [];
  const sources = table.slice(zone.header + 1, zone.last + 1).flatMap((row) => row.filter((c) => c.band === undefined));
  const firstBand = Math.min(...zone.bands.map((b) => b.left));
  return sources.length > 0 && sources.every((s) => cell.end <= s.start) && cell.end <= firstBand ? [{ r, cell }] : [];
}

export function joinFundingRows(table: LayoutCell[][], zone: Zone): void {
  if (!isFundingZone(zone)) return;
  const inside = headingCells(table, zone);
  const heads = inside.length > 0 ? inside : headingAbove(table, zone);
  for (const { r, cell } of heads) table[r] = table[r]!.filter((c) => c !== cell);
  if (heads.length > 0) {
    const cell = heads[0]!.cell;
    cell.row = zone.header;
    cell.rowSpan = zone.last - zone.header + 1;
    table[zone.header]!.push(cell);
  }
  for (let r = zone.header + 1; r <= zone.last; r++) {
    const cells = table[r]!;
    if (cells.length === 0 || !cells.every((c) => c.band !== undefined && c.tokens.every((t) => AMOUNT.test(t.text)))) continue;
    const found = ownerOf(table, zone, r);
    if (found === undefined) continue;
    // A guess: the amounts are reported, and the source they were given to where it printed none of its own (its name is then a guess too).
    const named = table[found.owner]!.some((o) => o.band !== undefined) ? [] : table[found.owner]!.filter((o) => o.band === undefined);
    if (found.close) for (const c of [...cells, ...named]) guessedOwner.add(c.tokens);
    table[found.owner]!.push(...cells.map((c) => ({ ...c, row: found.owner })));
    table[r] = [];
  }
  amountsPastTheirColumn(table, zone);
}

/**
 * 分值, 执行率 and 得分 are printed once, on the first source's row (年度资金总额). A wide amount set at
 * the right of its column may reach past the middle of the narrow 分值 column beside it
 * (`全年执行数  分值` over `2,046.2364`): on a later source's row, where the first row already has
 * its figure in that column, it is the amount of the nearest amount column left of it that this
 * row leaves empty.
 */
function amountsPastTheirColumn(table: LayoutCell[][], zone: Zone): void {
  const sources: number[] = [];
  for (let r = zone.header + 1; r <= zone.last; r++) if (table[r]!.some((c) => c.band === undefined)) sources.push(r);
  const [first, ...later] = sources;
  if (first === undefined) return;
  const isAmountBand = (b: number) => zone.bands[b]?.field?.startsWith('funding[].') === true;
  const filled = new Set(table[first]!.map((c) => c.band));
  const amountBands = zone.bands.flatMap((_, b) => (isAmountBand(b) ? [b] : []));
  for (const r of later) {
    if (inOrder(table, r, amountBands, zone)) continue;
    const taken = new Set(table[r]!.map((c) => c.band));
    table[r] = table[r]!.map((c) => {
      if (c.band === undefined || isAmountBand(c.band) || !filled.has(c.band) || !c.tokens.every((t) => AMOUNT.test(t.text) && !t.text.endsWith('%'))) return c;
      let b = c.band - 1;
      while (b >= 0 && !isAmountBand(b) && !taken.has(b)) b--;
      if (b < 0 || !isAmountBand(b) || taken.has(b)) return c;
      taken.add(b);
      const band = zone.bands[b]!;
      return { ...c, band: b, col: Math.max(Math.round(band.left), 0), colSpan: widthOf(band) };
    });
  }
}

/**
 * A later source's row prints nothing but its amounts, one in each amount column (年初预算数,
 * 全年预算数, 全年执行数). pdftotext may set them far from their titles (a row of its own page, or
 * shifted right past the narrow 分值 and 执行率 columns): a row with exactly as many amounts as
 * there are amount columns has them left to right, whatever columns their places point at.
 */
function inOrder(table: LayoutCell[][], r: number, amountBands: readonly number[], zone: Zone): boolean {
  const placed = table[r]!.filter((c) => c.band !== undefined);
  if (placed.length !== amountBands.length || !placed.every((c) => c.tokens.every((t) => AMOUNT.test(t.text) && !t.text.endsWith('%')))) return false;
  const sorted = [...placed].sort((a, b) => a.start - b.start);
  const moved = new Map(sorted.map((c, i): [LayoutCell, LayoutCell] => {
    const b = amountBands[i]!;
    const band = zone.bands[b]!;
    return [c, c.band === b ? c : { ...c, band: b, col: Math.max(Math.round(band.left), 0), colSpan: widthOf(band) }];
  }));
  table[r] = table[r]!.map((c) => moved.get(c) ?? c);
  return true;
}
