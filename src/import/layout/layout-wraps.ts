/**
 * Labels wrapped inside their cell (`当年预算数（` / `元）`, `项目年度总目` / `标`, `指标名` / `称`) joined
 * back into one token before rows are made, so that a label is found — and anchors its row —
 * however it wraps. A fragment is joined to the text right under it (within a few lines, lines of
 * other cells in between skipped) only when the two together are a label or the start of one and
 * end as a whole label; anything else is left as printed.
 */
import { piecesOf, type LayoutLine, type LayoutToken } from './layout-lines.ts';

/** Whether a text is a whole label, the start of one, or neither. */
export type LabelFit = 'whole' | 'part' | undefined;

/** How far below a fragment (or its last piece) its continuation may be printed (lines of neighbouring cells interleave). */
const REACH = 3;

/** A unit in brackets as a label's last line prints it: （元）, （万元）, （%）, （科室）. */
const UNIT = /^[(（][^\d()（）]{1,4}[)）]$/u;

/** An amount or a rate as printed (4,170,397.33, 76.70%). */
const FIGURE = /^[-+]?[\d,，.]+%?$/u;


/** Character columns pdftotext gives a token; a wrapped piece sits within its cell, give or take one. */
function under(fragment: { start: number; end: number }, token: LayoutToken): boolean {
  return token.start <= fragment.end + 1 && token.end >= fragment.start - 1;
}

function overlap(a: { start: number; end: number }, b: { start: number; end: number }): number {
  return Math.min(a.end, b.end) - Math.max(a.start, b.start);
}

/** The tokens that continue `token` into a whole label, or none. */
function continuation(lines: readonly LayoutLine[], i: number, token: LayoutToken, fit: (text: string) => LabelFit, taken: ReadonlySet<LayoutToken>): LayoutToken[] {
  let text = token.text;
  const parts: LayoutToken[] = [];
  // Each piece within REACH of the one before it (a label wrapped over three lines, a heading's lines between).
  let last = i;
  for (let j = i + 1; j <= last + REACH && j < lines.length && lines[j]!.page === token.page; j++) {
    // Of the pieces under it, the one overlapping it most (a neighbour's may touch its edge).
    // A wrapped line starts at or right of the first line's start: text starting further left is
    // another cell's (a heading merged over rows, spilling over: 项目资金（元） beside 其中：当年财政).
    const below = lines[j]!.tokens.filter((u) => !taken.has(u) && under(token, u) && u.start >= token.start - 1).sort((a, b) => overlap(token, b) - overlap(token, a))[0];
    // A line in between may hold the lines of other cells, a heading merged over the rows among
    // them (项目资金（元） between 其中：当年财政 / 拨款): its text is not under the fragment.
    if (!below) continue;
    const joined = fit(text + below.text);
    // Text only touching the fragment's edge (项目年度 over a value starting right of it) is the next cell's.
    if (joined === undefined && overlap(token, below) <= 0) continue;
    if (joined === undefined) return [];
    text += below.text;
    parts.push(below);
    last = j;
    if (joined === 'whole') return parts;
  }
  return [];
}

export function joinWrappedLabels(lines: readonly LayoutLine[], fit: (text: string) => LabelFit): LayoutLine[] {
  const taken = new Set<LayoutToken>();
  const joined = new Map<LayoutToken, LayoutToken>();
  lines.forEach((line, i) => {
    for (const token of line.tokens) {
      if (taken.has(token) || [...token.text].length < 2) continue;
      const own = fit(token.text);
      if (own === undefined) continue;
      // A whole label goes on only with its unit in brackets (项目资金 / （元）), which keeps it whole:
      // a few characters and no figure (a value's last line, （含12台）, is no unit).
      const unitOnly = (text: string): LabelFit => (UNIT.test(text.slice(token.text.length)) && fit(text) === 'whole' ? 'whole' : undefined);
      const parts = continuation(lines, i, token, own === 'part' ? fit : unitOnly, taken);
      if (parts.length === 0) continue;
      parts.forEach((p) => taken.add(p));
      const middle = middleLine(lines, token, parts.at(-1)!);
      const printedOver = { first: token.line, last: parts.at(-1)!.line };
      joined.set(token, { ...token, text: token.text + parts.map((p) => p.text).join(''), ...(middle ? { line: middle.index, lineNo: middle.lineNo, printedOver } : {}) });
    }
  });
  if (taken.size === 0) return [...lines];
  // Only a label moved onto its middle line carries printedOver: the others stay on their line.
  const moved = [...joined.values()].filter((t) => t.printedOver !== undefined);
  return lines.map((line) => {
    const arriving = moved.filter((t) => t.line === line.index);
    if (arriving.length === 0 && !line.tokens.some((t) => taken.has(t) || joined.has(t))) return line;
    const kept = line.tokens.filter((t) => !taken.has(t)).map((t) => joined.get(t) ?? t).filter((t) => t.line === line.index);
    const tokens = [...kept, ...arriving].sort((a, b) => a.start - b.start);
    return { ...line, tokens, pieces: piecesOf(tokens), ...(line.tokens.some((t) => taken.has(t)) ? { heldLabel: true } : {}) };
  });
}

/**
 * The line a label wrapped over lines `first`..`last` stands on: the middle one, where its cell's
 * other values are printed, when its pieces lie an even number of lines apart with lines of other
 * cells between (`当年预算数（` / `7,070,000.00  上年预算金额（元）` / `元）`); otherwise its first line.
 */
function middleLine(lines: readonly LayoutLine[], first: LayoutToken, last: LayoutToken): LayoutLine | undefined {
  const span = last.line - first.line;
  if (span < 2 || span % 2 !== 0) return undefined;
  const middle = lines.find((l) => l.index === first.line + span / 2);
  // Only a figure next on that line is surely the value of its own row: text there may be another
  // cell wrapped beside a heading merged over rows (项目资金（ / 财政拨款 / 万元）).
  const end = Math.max(first.end, last.end);
  const next = middle?.tokens.filter((t) => t.start >= end).sort((a, b) => a.start - b.start)[0];
  const clear = middle !== undefined && !middle.tokens.some((t) => t.start < end);
  return middle && middle.page === first.page && clear && next !== undefined && FIGURE.test(next.text) ? middle : undefined;
}
