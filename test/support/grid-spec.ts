/** Grids for tests of the form recogniser, written as rows of texts the way the form prints them. */
import type { Grid, GridCell } from '../../src/import/grid/grid.ts';

/**
 * A cell, left to right: its text, or `[text, rowSpan, colSpan]` for a merged cell, with the edges a
 * page break cut as a fourth item (PDF pages); null for a column another cell covers.
 */
export type CellSpec = string | [string, number, number, Array<'top' | 'bottom'>?] | null;

/** A grid of `source` ("page 2", "sheet 表1"); give `page` for a PDF page. Locations read "SOURCE, row R, column C". */
export function gridOf(source: string, rows: CellSpec[][], page?: number): Grid {
  const cells: GridCell[] = [];
  rows.forEach((row, r) => {
    let c = 0;
    for (const spec of row) {
      if (spec === null) {
        c++;
        continue;
      }
      const [text, rowSpan, colSpan, cut] = typeof spec === 'string' ? [spec, 1, 1, undefined] : spec;
      const cell: GridCell = { row: r, col: c, rowSpan, colSpan, text, location: `${source}, row ${r + 1}, column ${c + 1}` };
      if (cut) cell.cut = { top: cut.includes('top'), bottom: cut.includes('bottom') };
      cells.push(cell);
      c += colSpan;
    }
  });
  return page === undefined ? { source, cells } : { source, page, cells };
}
