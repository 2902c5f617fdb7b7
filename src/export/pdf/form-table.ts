/**
 * What a printed form is made of before it meets a page: a title block, table rows of cells
 * with their horizontal extent, and the notes under the table. Building this is pure (no PDF);
 * measuring, paging and drawing come after.
 */

export type Align = 'left' | 'center' | 'right';

export interface Cell {
  /** Left and right edge, in points from the table's left edge. */
  x0: number;
  x1: number;
  text: string;
  align: Align;
  /**
   * Cells of consecutive rows with the same key at the same place are one merged cell: the
   * 一级指标 over its block, 二级指标 over its rows, 项目资金 over the funding rows. On each page
   * the part there is drawn as one cell and the text is repeated, so a reader of any page has it.
   */
  mergeKey?: string;
  /** Where the text comes from, for reports: a model path such as `indicators[3].name`, or a label key. */
  source: string;
}

export interface Row {
  cells: Cell[];
  /** A long-text row (目标, 主要绩效) may be split across pages line by line. */
  splittable?: boolean;
}

/** A run of rows; `header` rows are printed again at the top of each page the section continues on. */
export interface TableSection {
  header: Row[];
  rows: Row[];
}

export interface TextBlock {
  lines: { text: string; source: string }[];
  size: number;
  align: Align;
  bold?: boolean;
}

export interface FormLayout {
  /** The title and subtitle lines, centred above the table. */
  title: TextBlock[];
  sections: TableSection[];
  /** The 说明 under the table, where the template has them. */
  notes?: TextBlock;
  /** For PDF metadata and outline: the project's name. */
  name: string;
}

/** The x edges of a table's columns from relative weights, scaled to `width`. */
export function columnEdges(weights: readonly number[], width: number): number[] {
  const total = weights.reduce((a, b) => a + b, 0);
  const edges = [0];
  let acc = 0;
  for (const w of weights) {
    acc += w;
    edges.push((acc / total) * width);
  }
  return edges;
}

/** A cell over columns [from, to) of `edges`. */
export function cellOver(edges: readonly number[], from: number, to: number, cell: Omit<Cell, 'x0' | 'x1'>): Cell {
  return { x0: edges[from]!, x1: edges[to]!, ...cell };
}
