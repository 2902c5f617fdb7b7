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
import type { LayoutLine, LayoutToken } from './layout-lines.ts';
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

/** Pieces of one line's tokens: tokens a single space apart are one piece, as layoutLines parts them. */
function piecesOf(tokens: readonly LayoutToken[]): LayoutToken[] {
  const out: LayoutToken[] = [];
  for (const t of tokens) {
    const last = out.at(-1);
    if (last && t.start - last.end <= 1) out[out.length - 1] = { ...last, text: `${last.text} ${t.text}`, end: t.end };
    else out.push({ ...t });
  }
  return out;
}

/**
 * The blocks' tokens with the right block set apart from the left one. A left block wider than its
 * cell pushes the right block's text on its lines right, a single space after it (…项目按计划 组织开展…):
 * those lines' right parts then overlap the left block's other lines and both read as one cell.
 * Where several lines agree on the right block's left edge (between the last two headings), each
 * such line is cut at the gap nearest that edge, and the right block's tokens are moved right,
 * all by one amount, past the left block's widest line. With no line run together, or no edge
 * agreed, the tokens are left as printed (the reader then flags the fields read from one cell).
 */
export function setApart(blocks: readonly LayoutToken[], heads: readonly LayoutToken[]): LayoutToken[] {
  const sides = [...heads].sort((a, b) => a.start - b.start).slice(-2);
  if (sides.length < 2 || !sideBySide(sides[0]!, sides[1]!)) return [...blocks];
  const [from, to] = [sides[0]!.end, sides[1]!.start];
  const byLine = new Map<number, LayoutToken[]>();
  for (const t of [...blocks].sort((a, b) => a.start - b.start)) byLine.set(t.line, [...(byLine.get(t.line) ?? []), t]);
  // Per line, the tokens that may open the right block: past the left heading, before the right one.
  const openers = [...byLine.values()].map((ts) => ts.filter((t, i) => t.start > from && t.start <= to && (i > 0 || t.start > Math.min(...blocks.map((b) => b.start)))));
  const joined = [...byLine.values()].some((ts, k) => openers[k]!.some((t) => ts[ts.indexOf(t) - 1] !== undefined && t.start - ts[ts.indexOf(t) - 1]!.end === 1));
  const starts = openers.flatMap((o) => o.map((t) => t.start)).sort((a, b) => a - b);
  if (!joined || starts.length === 0) return [...blocks];
  const edge = starts[Math.floor(starts.length / 2)]!;
  const cuts = openers.map((o) => o.filter((t) => Math.abs(t.start - edge) <= EDGE_SLACK).sort((a, b) => Math.abs(a.start - edge) - Math.abs(b.start - edge))[0]);
  if (cuts.filter((c) => c !== undefined).length < 2) return [...blocks];
  const lines = [...byLine.values()];
  const right = new Set(lines.flatMap((ts, k) => (cuts[k] ? ts.slice(ts.indexOf(cuts[k]!)) : [])));
  const left = blocks.filter((t) => !right.has(t));
  if (left.length === 0) return [...blocks];
  const shift = Math.max(0, Math.max(...left.map((t) => t.end)) + 2 - Math.min(...[...right].map((t) => t.start)));
  if (shift === 0) return [...blocks];
  return blocks.map((t) => {
    if (!right.has(t)) return t;
    const out = { ...t, start: t.start + shift, end: t.end + shift };
    moved.add(out);
    return out;
  });
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
    const headingLines = new Set(order.slice(k, last + 1));
    const blockLines = new Set(order.slice(last + 1, end + 1));
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
