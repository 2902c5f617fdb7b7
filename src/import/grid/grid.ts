/**
 * A page or sheet as a table of cells: what the XLSX and PDF readers produce and the form
 * recogniser reads. Positions, not reading order: a merged cell (一级指标 spanning its rows)
 * is one cell with a row span.
 */
export interface GridCell {
  /** 0-based row and column of the cell's top-left corner in the grid. */
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  /** The cell's text; lines wrapped inside the cell are joined without a break. */
  text: string;
  /** Where people find it: "sheet 表1, cell B7" or "page 2, row 14". */
  location: string;
  /**
   * PDF: the cell is one page's part of a merged cell a page break cut — it goes on from the page
   * before (`top`) or onto the next page (`bottom`), where the table's edge has no border over it.
   */
  cut?: { top: boolean; bottom: boolean };
}

export interface Grid {
  /** "sheet 表1" or "page 2". */
  source: string;
  /** 1-based page number for PDFs, so that a form running over pages can be joined. */
  page?: number;
  cells: GridCell[];
}
