/**
 * A merged cell a page break cut (一级指标 over rows on two pages, 年度总体目标 beside a label row on
 * one page and its text on the next) comes from a PDF reader as two cells marked `cut`: one at the
 * foot of a page, open at the bottom, one at the head of the next, open at the top. Stacking the
 * pages joins them again into the one cell the form has, so the rows on the next page belong to it.
 */
import type { PlacedCell } from './form-region.ts';

const squeezed = (text: string): string => text.replace(/\s+/gu, '');

/**
 * The text of the joined cell. The spreadsheet draws a merged cell's whole text on each page that
 * shows part of it (clipped to that part), or on one of them only: the two parts hold the same
 * text, or one of them none. Parts holding different texts are two cells, not one: undefined.
 */
export function cutCellText(upper: string, lower: string): string | undefined {
  const [a, b] = [squeezed(upper), squeezed(lower)];
  if (b === '' || a.includes(b)) return upper;
  if (a === '' || b.includes(a)) return lower;
  return undefined;
}

/** Whether `lower` goes on from `upper`, a cell reaching down to the page before (which starts at `previousPage`). */
function continues(upper: PlacedCell, lower: PlacedCell, previousPage: number): boolean {
  return upper.cut?.bottom === true && upper.vrow + upper.rowSpan > previousPage && upper.col === lower.col && upper.colSpan === lower.colSpan;
}

/**
 * `before`: the cells placed so far, the page before starting at row `previousPage`; `page`: the
 * next page's cells, placed. Each cell of `page` that continues a cut cell at the foot of the page
 * before in the same columns is joined into it (the cell in `before` is replaced); the cells of
 * `page` left are returned.
 */
export function joinCutCells(before: PlacedCell[], page: readonly PlacedCell[], previousPage: number): PlacedCell[] {
  const rest: PlacedCell[] = [];
  for (const lower of page) {
    const at = lower.cut?.top ? before.findIndex((c) => continues(c, lower, previousPage)) : -1;
    const upper = before[at];
    const text = upper && cutCellText(upper.text, lower.text);
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
