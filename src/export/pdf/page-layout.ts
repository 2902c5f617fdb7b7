/**
 * Every measure of the printed form in one place: the A4 page, margins, font sizes, cell padding
 * and the column widths of the indicator tables. All lengths are PDF points (1/72 inch).
 */

/** A4 portrait. */
export const PAGE = { width: 595.28, height: 841.89 } as const;

export const MARGIN = { top: 42, bottom: 42, left: 36, right: 36 } as const;

/** The width the form's table takes: the page between the margins. */
export const TABLE_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;

export const FONT_SIZE = {
  title: 16,
  subtitle: 11,
  cell: 9,
  notes: 8.5,
  /** A merged cell split across pages may shrink its caption down to this to stay inside. */
  smallest: 5,
} as const;

/** Line pitch as a multiple of the font size (CJK text needs more than Latin). */
export const LINE_HEIGHT = 1.3;

/** Space between a cell's border and its text. */
export const CELL_PADDING = { x: 3, y: 3 } as const;

/** The lowest a table row is drawn, so one-line rows look like the official form's. */
export const MIN_ROW_HEIGHT = 18;

/** Cell borders: thin black rules, as the official form prints them. */
export const BORDER = { width: 0.6, color: '#000000' } as const;

/** Space under the title block and above the notes. */
export const GAP = { afterTitle: 8, afterSubtitle: 6, beforeNotes: 6 } as const;

/**
 * Relative widths of the indicator table's columns by model field; the table is scaled to
 * TABLE_WIDTH, so a template that adds or drops a column still fills the page. A field not
 * listed gets DEFAULT_COLUMN_WEIGHT.
 */
export const COLUMN_WEIGHTS: Readonly<Record<string, number>> = {
  category: 56,
  subcategory: 62,
  name: 114,
  target: 86,
  actual: 70,
  weight: 32,
  rule: 120,
  score: 36,
  remark: 80,
};
export const DEFAULT_COLUMN_WEIGHT = 70;

/**
 * The label | value grid above and below the indicator table (项目名称 | … | 预算单位 | …): a
 * label column wide enough for 具体实施处（科室） on one line, pairs splitting the table in half.
 */
export const FIELD_GRID = { labelWidth: 92, pairSplitShare: 0.5 } as const;

/**
 * The national form's 项目资金 block: heading, source (年度资金总额 …), 年初预算数, 全年预算数,
 * 全年执行数, 分值, 执行率, 得分 — relative widths, scaled to TABLE_WIDTH.
 */
export const FUNDING_COLUMN_WEIGHTS = [62, 100, 72, 72, 72, 40, 52, 45] as const;

/** Rows left on a page below which a splittable cell moves whole to the next page. */
export const MIN_SPLIT_LINES = 2;
