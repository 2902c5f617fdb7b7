/**
 * Blocks of text printed under their headings (预期目标 | 实际完成情况 over the annual goal and what
 * was done, 年度总体目标 merged over both rows on their left). Each heading and each block is
 * centred or set at the top of its cell its own way, so pdftotext puts the headings on lines of
 * their own or beside either block, and the row label anywhere down the left, even on the next
 * page. The heading row is the lines holding nothing but such headings, two or more side by side;
 * what follows, down to the next other label, table or title, is the row of blocks under them. The
 * lines are rebuilt as those two rows, the blocks' columns left as printed (a block is then the
 * cell under its heading), and a heading printed twice (a merged cell cut by a page break) once.
 */
import { piecesOf, type LayoutLine, type LayoutToken } from './layout-lines.ts';
import type { LayoutRow } from './layout-rows.ts';

/** How many lines the headings of one row may be set apart (set at different heights in their cells). */
const HEADING_LINES = 2;

function rowOf(tokens: readonly LayoutToken[], lines: ReadonlyMap<number, LayoutLine>): LayoutRow | undefined {
  const byLine = new Map<number, LayoutToken[]>();
  for (const t of [...tokens].sort((a, b) => a.line - b.line || a.start - b.start)) byLine.set(t.line, [...(byLine.get(t.line) ?? []), t]);
  const kept = [...byLine].map(([index, ts]) => ({ ...lines.get(index)!, tokens: ts, pieces: ts.some((t) => moved.has(t)) ? piecesOf(ts) : lines.get(index)!.pieces.filter((p) => ts.some((t) => t.start >= p.start && t.end <= p.end)) }));
  if (kept.length === 0) return undefined;
  return { anchor: kept[0]!.index, lines: kept, top: kept[0]!.index, bottom: kept.at(-1)!.index, tokens: kept.flatMap((l) => l.tokens) };
}

const sideBySide = (a: LayoutToken, b: LayoutToken) => a.end <= b.start || b.end <= a.start;

/** How far (columns) the right block's line starts may stray from their common left edge. */
const EDGE_SLACK = 4;

/** Tokens set at another column by setApart: their line's pieces are rebuilt from them. */
const moved = new WeakSet<LayoutToken>();

/**
 * The blocks' tokens with the right block set apart from the left one. pdftotext counts columns in
 * characters, and a character of Chinese is wider than a column: a left block wider than its cell
 * pushes the right block's text on its lines right, a single space after it (…项目按计划 组织开展…),
 * and on a line holding fewer of them the right block starts further left than on the lines below.
 * Either way the right block's lines no longer overlap one another but the left block's, and the
 * two read as one cell or the right one loses a line. Each line is cut where the right block
 * starts: the first token past the left heading set apart by two spaces or more, or, a single
 * space apart, near the edge the other lines agree on or next to a line so cut; then each line's right part is set at one
 * column past the left block's widest line. Left as printed when no line needs it, when fewer
 * than two lines hold the right block, or when the headings are not side by side.
 */
export function setApart(blocks: readonly LayoutToken[], heads: readonly LayoutToken[]): LayoutToken[] {
  const sides = [...heads].sort((a, b) => a.start - b.start).slice(-2);
  if (sides.length < 2 || !sideBySide(sides[0]!, sides[1]!)) return [...blocks];
  const [from, to] = [sides[0]!.end, sides[1]!.start];
  const leftEdge = Math.min(...blocks.map((b) => b.start));
  const byLine = new Map<number, LayoutToken[]>();
  for (const t of [...blocks].sort((a, b) => a.line - b.line || a.start - b.start)) byLine.set(t.line, [...(byLine.get(t.line) ?? []), t]);
  const lines = [...byLine.values()];
  const gapBefore = (ts: readonly LayoutToken[], i: number) => (i === 0 ? Number.POSITIVE_INFINITY : ts[i]!.start - ts[i - 1]!.end);
  // Clear starts: a line of the right block alone, or its text two spaces or more past the left's.
  const clear = lines.map((ts) => (ts[0]!.start > from && ts[0]!.start > leftEdge ? ts[0] : ts.find((t, i) => i > 0 && t.start > from && t.start <= to && gapBefore(ts, i) >= 2)));
  const single = lines.map((ts) => ts.filter((t, i) => i > 0 && t.start > from && t.start <= to && gapBefore(ts, i) === 1));
  const known = clear.flatMap((t) => (t ? [t.start] : []));
  const starts = (known.length > 0 ? known : single.flat().map((t) => t.start)).sort((a, b) => a - b);
  if (starts.length === 0) return [...blocks];
  const edge = starts[Math.floor(starts.length / 2)]!;
  const near = (o: readonly LayoutToken[]) => o.filter((t) => Math.abs(t.start - edge) <= EDGE_SLACK).sort((a, b) => Math.abs(a.start - edge) - Math.abs(b.start - edge))[0];
  const cuts = lines.map((ts, k) => clear[k] ?? near(single[k]!));
  // Pushed by the left block, a line's right part may start far from that edge: a single space
  // next to a line of the right block (its lines run on) still cuts it, nearest the edge.
  for (let grown = true; grown; ) {
    grown = false;
    lines.forEach((_, k) => {
      if (cuts[k] || single[k]!.length === 0 || !(cuts[k - 1] || cuts[k + 1])) return;
      cuts[k] = [...single[k]!].sort((a, b) => Math.abs(a.start - edge) - Math.abs(b.start - edge))[0];
      grown = true;
    });
  }
  const rightLines = lines.flatMap((ts, k) => (cuts[k] ? [ts.slice(ts.indexOf(cuts[k]!))] : []));
  if (rightLines.length < 2) return [...blocks];
  const span = (ts: readonly LayoutToken[]) => ({ start: ts[0]!.start, end: ts.at(-1)!.end });
  const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => Math.min(a.end, b.end) - Math.max(a.start, b.start) >= 2;
  const right = new Set(rightLines.flat());
  const left = blocks.filter((t) => !right.has(t));
  const leftEnd = Math.max(...left.map((t) => t.end));
  // Needed where a line's right part touches the left block's text, or stands apart from the right block's other lines.
  const joined = lines.some((ts, k) => cuts[k] !== undefined && gapBefore(ts, ts.indexOf(cuts[k]!)) === 1);
  const strays = rightLines.some((ts) => !rightLines.some((o) => o !== ts && overlaps(span(ts), span(o))));
  if ((!joined && !strays) || left.length === 0) return [...blocks];
  const at = Math.max(leftEnd + 2, ...rightLines.map((ts) => ts[0]!.start));
  const shifted = new Map<LayoutToken, LayoutToken>();
  for (const ts of rightLines) {
    const shift = at - ts[0]!.start;
    for (const t of ts) {
      const out = { ...t, start: t.start + shift, end: t.end + shift };
      moved.add(out);
      shifted.set(t, out);
    }
  }
  return blocks.map((t) => shifted.get(t) ?? t);
}

/**
 * `rows` with each row of headings over blocks of text rebuilt (see above). `isBlockLabel`: a
 * heading of a field read from the cell under it; `isLabel`: any label; `fixed`: rows of tables
 * and titles, which end a block and are left alone.
 */
export function blocksUnderHeadings(rows: readonly LayoutRow[], isBlockLabel: (text: string) => boolean, isLabel: (text: string) => boolean, fixed: (row: number) => boolean): LayoutRow[] {
  const still = new Set(rows.filter((_, r) => fixed(r)));
  let out = [...rows];
  let from = 0;
  for (;;) {
    const found = nextBlocks(out, from, isBlockLabel, isLabel, (r) => still.has(out[r]!));
    if (!found) return out;
    out = [...out.slice(0, found.first), ...found.rebuilt, ...out.slice(found.last + 1)];
    from = found.first + found.rebuilt.length;
  }
}

/** The first row of headings over blocks at or after row `from`: the rows it spans and those rebuilt. */
function nextBlocks(rows: readonly LayoutRow[], from: number, isBlockLabel: (text: string) => boolean, isLabel: (text: string) => boolean, fixed: (row: number) => boolean): { first: number; last: number; rebuilt: LayoutRow[] } | undefined {
  const lines = new Map(rows.flatMap((r) => r.lines.map((l) => [l.index, l] as const)));
  const rowOfLine = new Map(rows.flatMap((r, i) => r.lines.map((l) => [l.index, i] as const)));
  const order = [...lines.keys()].filter((i) => rowOfLine.get(i)! >= from).sort((a, b) => a - b);
  // Lines that could head blocks: in no table, holding labels only, one of them a heading of a block.
  const pure = (index: number) => {
    const ts = lines.get(index)!.tokens;
    return !fixed(rowOfLine.get(index)!) && ts.length > 0 && ts.every((t) => isLabel(t.text)) && ts.some((t) => isBlockLabel(t.text));
  };
  for (let k = 0; k < order.length; k++) {
    if (!pure(order[k]!)) continue;
    // The heading lines: pure lines within HEADING_LINES of the first, on its page.
    const first = lines.get(order[k]!)!;
    let last = k;
    for (let j = k + 1; j < order.length && order[j]! - first.index <= HEADING_LINES && lines.get(order[j]!)!.page === first.page; j++) if (pure(order[j]!)) last = j;
    const headings = order.slice(k, last + 1).flatMap((i) => lines.get(i)!.tokens.filter((t) => isBlockLabel(t.text)));
    if (!headings.some((a) => headings.some((b) => sideBySide(a, b)))) continue;
    // The blocks: the lines after, down to a table, a title or another label.
    let end = last;
    for (let j = last + 1; j < order.length; j++) {
      const ts = lines.get(order[j]!)!.tokens;
      if (fixed(rowOfLine.get(order[j]!)!) || ts.some((t) => isLabel(t.text) && !isBlockLabel(t.text))) break;
      end = j;
    }
    if (end === last) continue;
    // A line of text between two heading lines (a block's first line, set higher than the heading
    // beside it) is the blocks', not the headings'.
    const headingLines = new Set(order.slice(k, last + 1).filter(pure));
    const blockLines = new Set([...order.slice(k, last + 1).filter((i) => !pure(i)), ...order.slice(last + 1, end + 1)]);
    const touched = [...new Set([...headingLines, ...blockLines].map((i) => rowOfLine.get(i)!))].sort((a, b) => a - b);
    // Rows between the touched ones (a table between) would be reordered: left as they were.
    if (touched.at(-1)! - touched[0]! + 1 !== touched.length) continue;
    const inRegion = (t: LayoutToken) => headingLines.has(t.line) || blockLines.has(t.line);
    const heads: LayoutToken[] = [];
    const blocks: LayoutToken[] = [];
    for (const t of touched.flatMap((r) => rows[r]!.tokens.filter(inRegion))) {
      if (!headingLines.has(t.line) && !isBlockLabel(t.text)) blocks.push(t);
      // A heading printed again (a merged cell cut by a page break) is shown once.
      else if (!heads.some((h) => h.text === t.text && !sideBySide(h, t))) heads.push(t);
    }
    const rest = touched.flatMap((r) => {
      const row = rowOf(rows[r]!.tokens.filter((t) => !inRegion(t)), lines);
      return row ? [row] : [];
    });
    const apart = setApart(blocks, heads);
    const rebuilt = [...rest, rowOf(heads, lines)!, ...(apart.length > 0 ? [rowOf(apart, lines)!] : [])].sort((a, b) => a.top - b.top);
    return { first: touched[0]!, last: touched.at(-1)!, rebuilt };
  }
  return undefined;
}
