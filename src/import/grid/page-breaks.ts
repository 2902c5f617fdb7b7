/**
 * A merged cell a page break cut (一级指标 over rows on two pages, 年度总体目标 beside a label row on
 * one page and its text on the next) comes from a PDF reader as two cells marked `cut`: one at the
 * foot of a page, open at the bottom, one at the head of the next, open at the top. Stacking the
 * pages joins them again into the one cell the form has, so the rows on the next page belong to it.
 */
import type { PlacedCell } from './form-region.ts';

const squeezed = (text: string): string => text.replace(/\s+/gu, '');

/** Fewer characters than this shared by the end of one part and the start of the other is chance, not an overlap. */
const MIN_OVERLAP = 2;

/**
 * The text of the joined cell. The spreadsheet draws a merged cell's text on each page that shows
 * part of it, clipped to that part, or on one of them only; lines past a page's edge may be left
 * out. So the two parts hold the same text, or one of them none, or one holds the other, or the
 * first ends with the lines the second starts with. Parts holding other texts are two cells: undefined.
 */
export function cutCellText(upper: string, lower: string): string | undefined {
  const [a, b] = [squeezed(upper), squeezed(lower)];
  if (b === '' || a.includes(b)) return upper;
  if (a === '' || b.includes(a)) return lower;
  const [first, second] = [upper.trim(), lower.trim()];
  for (let k = Math.min(first.length, second.length) - 1; k >= MIN_OVERLAP; k--) {
    if (first.endsWith(second.slice(0, k))) return first + second.slice(k);
  }
  return undefined;
}

/** Two parts of a cut cell that hold different texts: read as two cells, and said. */
export interface UnjoinedCut {
  upper: PlacedCell;
  lower: PlacedCell;
}

/** Whether `lower` goes on from `upper`, a cell reaching down to the page before (which starts at `previousPage`). */
function continues(upper: PlacedCell, lower: PlacedCell, previousPage: number): boolean {
  return upper.cut?.bottom === true && upper.vrow + upper.rowSpan > previousPage && upper.col === lower.col && upper.colSpan === lower.colSpan;
}

/** Index of the cell `lower` goes on from: in its columns, cut at the bottom, reaching furthest down; -1 if none. */
function lowestContinued(before: readonly PlacedCell[], lower: PlacedCell, previousPage: number): number {
  let found = -1;
  before.forEach((c, i) => {
    const end = c.vrow + c.rowSpan;
    if (continues(c, lower, previousPage) && (found < 0 || end > before[found]!.vrow + before[found]!.rowSpan)) found = i;
  });
  return found;
}

/**
 * `before`: the cells placed so far, the page before starting at row `previousPage`; `page`: the
 * next page's cells, placed. Each cell of `page` that continues a cut cell at the foot of the page
 * before in the same columns is joined into it (the cell in `before` is replaced); the cells of
 * `page` left are returned. Parts that cannot be one cell are added to `unjoined`.
 */
export function joinCutCells(before: PlacedCell[], page: readonly PlacedCell[], previousPage: number, unjoined: UnjoinedCut[]): PlacedCell[] {
  const rest: PlacedCell[] = [];
  for (const lower of page) {
    const at = lower.cut?.top ? lowestContinued(before, lower, previousPage) : -1;
    const upper = before[at];
    const text = upper && cutCellText(upper.text, lower.text);
    if (upper && text === undefined) unjoined.push({ upper, lower });
    if (!upper || text === undefined) {
      rest.push(lower);
      continue;
    }
    before[at] = {
      ...upper,
      text,
      rowSpan: lower.vrow + lower.rowSpan - upper.vrow,
      cut: { top: upper.cut!.top, bottom: lower.cut!.bottom },
    };
  }
  return rest;
}
