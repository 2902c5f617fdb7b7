/**
 * The cells of one form, in document coordinates. PDF pages (grids with a page number) are
 * stacked into one tall document so that a table running over pages reads as one; sheets are
 * documents of their own. A document is then cut into forms at each title.
 */
import type { Grid, GridCell } from './grid.ts';
import { joinCutCells, type UnjoinedCut } from './page-breaks.ts';

export interface PlacedCell extends GridCell {
  /** Row in the stacked document. */
  vrow: number;
  source: string;
}

export interface GridDocument {
  cells: PlacedCell[];
  /** Where the document starts, for `ImportedForm.start`. */
  start: string;
  /** Parts of cells cut by a page break that hold different texts, read as two cells. */
  unjoinedCuts: UnjoinedCut[];
}

function byPosition(a: PlacedCell, b: PlacedCell): number {
  return a.vrow - b.vrow || a.col - b.col;
}

function place(grid: Grid, offset: number): PlacedCell[] {
  return grid.cells.map((cell) => ({ ...cell, vrow: cell.row + offset, source: grid.source }));
}

/** Consecutive page grids become one document; every sheet is its own. */
export function gridDocuments(grids: readonly Grid[]): GridDocument[] {
  const documents: GridDocument[] = [];
  let pages: { cells: PlacedCell[]; offset: number; previous: number; start: string; unjoinedCuts: UnjoinedCut[] } | undefined;
  for (const grid of grids) {
    if (grid.page === undefined) {
      if (pages) documents.push({ cells: pages.cells, start: pages.start, unjoinedCuts: pages.unjoinedCuts });
      pages = undefined;
      documents.push({ cells: place(grid, 0).sort(byPosition), start: grid.source, unjoinedCuts: [] });
      continue;
    }
    pages ??= { cells: [], offset: 0, previous: 0, start: grid.source, unjoinedCuts: [] };
    pages.cells.push(...joinCutCells(pages.cells, place(grid, pages.offset), pages.previous, pages.unjoinedCuts));
    // The next page's first row follows this page's last: a table running over pages reads as one.
    const lastRow = grid.cells.reduce((max, c) => Math.max(max, c.row + c.rowSpan), 0);
    pages.previous = pages.offset;
    pages.offset += lastRow;
  }
  if (pages) documents.push({ cells: pages.cells.sort(byPosition), start: pages.start, unjoinedCuts: pages.unjoinedCuts });
  return documents;
}

/** Lookups by position within one form's cells. */
export class FormRegion {
  readonly cells: readonly PlacedCell[];
  readonly rows: readonly number[];
  private readonly byRow = new Map<number, PlacedCell[]>();

  constructor(cells: readonly PlacedCell[]) {
    this.cells = cells;
    for (const cell of cells) {
      const list = this.byRow.get(cell.vrow) ?? [];
      list.push(cell);
      this.byRow.set(cell.vrow, list);
    }
    this.rows = [...this.byRow.keys()].sort((a, b) => a - b);
  }

  /** Cells that start in this row, left to right. */
  startingIn(vrow: number): readonly PlacedCell[] {
    return this.byRow.get(vrow) ?? [];
  }

  /**
   * The cell covering a position, merged cells included. Where cells overlap (a line printed over
   * bordered cells, outside them: a caption a page break cut from its merged cell), the one
   * starting nearest the position is the cell there.
   */
  covering(vrow: number, col: number): PlacedCell | undefined {
    let best: PlacedCell | undefined;
    for (const c of this.cells) {
      if (!(c.vrow <= vrow && vrow < c.vrow + c.rowSpan && c.col <= col && col < c.col + c.colSpan)) continue;
      if (!best || c.col > best.col || (c.col === best.col && c.vrow > best.vrow)) best = c;
    }
    return best;
  }

  /** The nearest cell to the right on the label's first row. */
  rightOf(cell: PlacedCell): PlacedCell | undefined {
    let best: PlacedCell | undefined;
    for (const c of this.cells) {
      if (c.col < cell.col + cell.colSpan || c.vrow > cell.vrow || cell.vrow >= c.vrow + c.rowSpan) continue;
      if (!best || c.col < best.col) best = c;
    }
    return best;
  }

  /** The cell right under this one, at its first column. */
  below(cell: PlacedCell): PlacedCell | undefined {
    const vrow = cell.vrow + cell.rowSpan;
    return this.cells.find((c) => c.vrow === vrow && c.col <= cell.col && cell.col < c.col + c.colSpan);
  }
}

/** Cuts a document's cells at the rows of the given title cells; cells before the first title form a part of their own. */
export function cutAtTitles(cells: readonly PlacedCell[], titleRows: readonly number[]): PlacedCell[][] {
  const bounds = [...new Set(titleRows)].sort((a, b) => a - b);
  const parts: PlacedCell[][] = [];
  const before = cells.filter((c) => bounds.length === 0 || c.vrow < bounds[0]!);
  if (before.length > 0) parts.push(before);
  bounds.forEach((from, i) => {
    const to = bounds[i + 1] ?? Number.POSITIVE_INFINITY;
    parts.push(cells.filter((c) => c.vrow >= from && c.vrow < to));
  });
  return parts;
}
