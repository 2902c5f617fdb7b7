/**
 * The cell borders of a page as few, long, straight rules: the edges of every cell box, with
 * shared and touching edges joined. One clean rule per border is what a table reader expects,
 * and it keeps the page small.
 */

export interface Box {
  x0: number;
  x1: number;
  top: number;
  bottom: number;
}

/** A rule along `at` (y for horizontal, x for vertical) from `from` to `to`. */
export interface Rule {
  at: number;
  from: number;
  to: number;
}

export interface Rules {
  horizontal: Rule[];
  vertical: Rule[];
}

/** Positions this close (points) are one line: float sums of column widths differ in the last bits. */
const SAME = 0.01;

function snap(at: number): number {
  return Math.round(at / SAME) * SAME;
}

export function collectRules(boxes: readonly Box[]): Rules {
  const horizontal: Rule[] = [];
  const vertical: Rule[] = [];
  for (const b of boxes) {
    horizontal.push({ at: b.top, from: b.x0, to: b.x1 }, { at: b.bottom, from: b.x0, to: b.x1 });
    vertical.push({ at: b.x0, from: b.top, to: b.bottom }, { at: b.x1, from: b.top, to: b.bottom });
  }
  return { horizontal: joinRules(horizontal), vertical: joinRules(vertical) };
}

/** Overlapping or touching rules on the same line become one. */
export function joinRules(rules: readonly Rule[]): Rule[] {
  const sorted = rules.map((r) => ({ ...r, at: snap(r.at) })).sort((a, b) => a.at - b.at || a.from - b.from);
  const out: Rule[] = [];
  for (const rule of sorted) {
    const last = out[out.length - 1];
    if (last && last.at === rule.at && rule.from <= last.to + SAME) {
      last.to = Math.max(last.to, rule.to);
    } else {
      out.push(rule);
    }
  }
  return out;
}
