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
  const kept = [...byLine].map(([index, ts]) => ({ ...lines.get(index)!, tokens: ts, pieces: lines.get(index)!.pieces.filter((p) => ts.some((t) => t.start >= p.start && t.end <= p.end)) }));
  if (kept.length === 0) return undefined;
  return { anchor: kept[0]!.index, lines: kept, top: kept[0]!.index, bottom: kept.at(-1)!.index, tokens: kept.flatMap((l) => l.tokens) };
}

const sideBySide = (a: LayoutToken, b: LayoutToken) => a.end <= b.start || b.end <= a.start;

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
    const rebuilt = [...rest, rowOf(heads, lines)!, ...(blocks.length > 0 ? [rowOf(blocks, lines)!] : [])].sort((a, b) => a.top - b.top);
    return { first: touched[0]!, last: touched.at(-1)!, rebuilt };
  }
  return undefined;
}
