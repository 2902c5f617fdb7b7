/**
 * Lines → the rows of the printed table. A row of a spreadsheet form prints as one line holding
 * its single-line cells (the anchor: a label, a number) with the lines of its wrapped cells
 * centred around it, above and below. Lines holding only wrapped text are shared out between
 * the anchors around them: a blank line between is a border; otherwise a row reaches as far
 * below its anchor as its text reaches above it (cells are centred in their row).
 */
import type { LayoutLine, LayoutToken } from './layout-lines.ts';

export interface LayoutRow {
  /** Index of the anchor line, or of the row's first line when it has none. */
  anchor: number;
  lines: LayoutLine[];
  /** First and last line index holding text. */
  top: number;
  bottom: number;
  tokens: LayoutToken[];
}

function row(anchor: number, lines: LayoutLine[]): LayoutRow {
  const filled = lines.filter((l) => l.tokens.length > 0);
  return {
    anchor,
    lines: filled,
    top: filled[0]?.index ?? anchor,
    bottom: filled.at(-1)?.index ?? anchor,
    tokens: filled.flatMap((l) => l.tokens),
  };
}

/**
 * Rows never run over a page break (a spreadsheet row prints whole on one page), a title
 * (`isolated`) is a row of its own: the notes above it end the form before; and the notes under a
 * form (`opens`) start rows of their own: the text above them is the form's.
 */
export function layoutRows(lines: readonly LayoutLine[], isAnchor: (line: LayoutLine) => boolean, isolated: (line: LayoutLine) => boolean = () => false, opens: (line: LayoutLine) => boolean = () => false): LayoutRow[] {
  const out: LayoutRow[] = [];
  let from = 0;
  for (let i = 1; i <= lines.length; i++) {
    const starts = (line: LayoutLine) => line.tokens.length > 0 && (isolated(line) || opens(line));
    const cut = i === lines.length || lines[i]!.page !== lines[i - 1]!.page || starts(lines[i]!) || isolated(lines[i - 1]!);
    if (!cut) continue;
    out.push(...pageRows(lines, from, i, isAnchor));
    from = i;
  }
  return out;
}

function pageRows(all: readonly LayoutLine[], from: number, to: number, isAnchor: (line: LayoutLine) => boolean): LayoutRow[] {
  const lines = all.slice(0, to);
  const anchors = lines.slice(from).filter((l) => l.tokens.length > 0 && isAnchor(l)).map((l) => l.index);
  if (anchors.length === 0) return lines.slice(from).filter((l) => l.tokens.length > 0).map((l) => row(l.index, [l]));
  const rows: LayoutRow[] = [];
  // Text above the first anchor: a row of its own when a blank line sets it apart.
  let head = lines.slice(from, anchors[0]);
  for (let j = 0; j < anchors.length; j++) {
    const a = anchors[j]!;
    const next = anchors[j + 1] ?? lines.length;
    const between = lines.slice(a + 1, next);
    const reach = a - (head.find((l) => l.tokens.length > 0)?.index ?? a);
    const split = splitAt(between, a, reach, next === lines.length);
    rows.push(row(a, [...head, lines[a]!, ...between.slice(0, split)]));
    head = between.slice(split);
  }
  return rows;
}

/** How many of the lines between two anchors belong to the upper one. */
function splitAt(between: readonly LayoutLine[], anchor: number, reach: number, last: boolean): number {
  if (last) return between.length;
  const filled = between.map((l) => l.tokens.length > 0);
  if (!filled.some(Boolean)) return between.length;
  const firstFilled = filled.indexOf(true);
  const lastFilled = filled.lastIndexOf(true);
  const blanks = filled.map((f, i) => !f && i > firstFilled && i < lastFilled);
  // Text right after the anchor, then a blank line, then text right before the next anchor.
  const gapAfterAnchor = firstFilled > 0;
  const gapBeforeNext = lastFilled < between.length - 1;
  if (gapAfterAnchor && !gapBeforeNext) return firstFilled;
  if (!gapAfterAnchor && gapBeforeNext) return lastFilled + 1;
  if (blanks.some(Boolean) && !gapAfterAnchor && !gapBeforeNext) {
    const symmetric = reach;
    // The blank run nearest where symmetry puts the border.
    let best = -1;
    for (let i = 0; i < blanks.length; i++) if (blanks[i] && (best < 0 || Math.abs(i - symmetric) < Math.abs(best - symmetric))) best = i;
    return best;
  }
  return Math.min(Math.max(reach, 0), between.length);
}

/**
 * Column titles of one header row set at different heights (权重 at the top of its cell, 目标值 in
 * the middle) print on lines of their own, each taken for a row: rows next to each other (at most
 * a blank line between) that hold nothing but titles are one header row again.
 */
export function joinTitleRows(rows: readonly LayoutRow[], onlyTitles: (texts: readonly string[]) => boolean, titlesAndLabels: (texts: readonly string[]) => boolean = onlyTitles): LayoutRow[] {
  const out: LayoutRow[] = [];
  const texts = (row: LayoutRow) => row.tokens.map((t) => t.text);
  // One of the two may hold a label beside its titles (项目资金（元） left of 全年执行数 … 得分), side by side with the other's.
  const titles = (a: LayoutRow, b: LayoutRow) =>
    (onlyTitles(texts(a)) && onlyTitles(texts(b))) ||
    ((onlyTitles(texts(a)) || onlyTitles(texts(b))) && titlesAndLabels(texts(a)) && titlesAndLabels(texts(b)) && !a.tokens.some((t) => b.tokens.some((u) => u.start < t.end && u.end > t.start)));
  for (const r of rows) {
    const prev = out.at(-1);
    const near = prev !== undefined && r.top - prev.bottom <= 2 && r.lines[0]?.page === prev.lines[0]?.page;
    if (!near || r.tokens.length === 0 || !titles(prev, r)) {
      out.push(r);
      continue;
    }
    const anchor = r.tokens.length >= prev.tokens.length ? r.anchor : prev.anchor;
    out[out.length - 1] = { anchor, lines: [...prev.lines, ...r.lines], top: prev.top, bottom: r.bottom, tokens: [...prev.tokens, ...r.tokens] };
  }
  return out;
}
