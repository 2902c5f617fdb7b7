/**
 * An HTML page → one Grid per `<table>`: the same intermediate the spreadsheet and PDF readers
 * give the form recogniser, so that this reader holds no form logic of its own. Cells are placed
 * as a browser lays a table out (rowspan/colspan, cells pushed right past the rows spanned from
 * above); a cell's text is what a browser shows: white space collapsed, `<br>` and block elements
 * as line breaks, entities decoded (by htmlparser2, a real parser: no regular expressions on
 * HTML). A table nested in a cell is a grid of its own and its text is not the outer cell's.
 *
 * Streaming (no DOM), and bounded: more cells, nested tables, element depth or spanned area than
 * any form has stops the reading with a problem, so that a hostile page costs bounded time and
 * memory.
 */
import { Parser } from 'htmlparser2';
import type { Grid, GridCell } from '../grid/grid.ts';

export const HTML_LIMITS = {
  /** Cells in all tables of the page. */
  maxCells: 100_000,
  /** Tables inside tables. */
  maxTableDepth: 16,
  /** Elements inside elements. */
  maxElementDepth: 1_000,
  /** Grid positions covered by spans, over the page (a rowspan of 65534 × colspan 1000 is not a form). */
  maxSpannedArea: 1_000_000,
  /** The spans HTML itself allows. */
  maxColSpan: 1_000,
  maxRowSpan: 65_534,
} as const;

export interface HtmlProblem {
  /** A key of the import locale files. */
  key: 'html.tooManyCells' | 'html.tooDeep' | 'html.tooManyTables' | 'html.tooLargeSpans';
  params: Record<string, number>;
}

export interface HtmlGrids {
  grids: Grid[];
  /** Set when the page was refused part-way; the grids are then empty. */
  problem?: HtmlProblem;
}

/** Elements whose start and end break the line inside a cell, as their display: block does. */
const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'center', 'dd', 'details', 'dialog', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer',
  'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'ul',
]);
/** Elements whose content is not shown. */
const HIDDEN = new Set(['script', 'style', 'template', 'noscript', 'title']);

/** The declarations of a style attribute: `display: none; mso-ignore: colspan` → display → none, … */
function styleOf(style: string | undefined): Map<string, string> {
  const declarations = new Map<string, string>();
  for (const part of (style ?? '').split(';')) {
    const colon = part.indexOf(':');
    if (colon > 0) declarations.set(part.slice(0, colon).trim().toLowerCase(), part.slice(colon + 1).trim().toLowerCase());
  }
  return declarations;
}

/** Not shown: a hidden element, or a row or cell a spreadsheet hid (`display:none`, Excel's hidden rows). */
function isHidden(name: string, attributes: Record<string, string>): boolean {
  return HIDDEN.has(name) || 'hidden' in attributes || styleOf(attributes.style).get('display') === 'none';
}
/** Collapsible white space; a no-break space is read as one too (spreadsheets fill empty cells with &nbsp;). */
const isSpace = (c: string) => c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f' || c === '\u00a0';

class Stop extends Error {
  constructor(readonly problem: HtmlProblem) {
    super(problem.key);
  }
}

/** The text of one cell as it is being read: collapsed white space, forced and block line breaks. */
class CellText {
  private out = '';
  private space = false;
  private blockBreak = false;

  add(text: string): void {
    for (const c of text) {
      if (isSpace(c)) {
        this.space = true;
        continue;
      }
      if (this.out !== '' && !this.out.endsWith('\n')) {
        if (this.blockBreak) this.out += '\n';
        else if (this.space) this.out += ' ';
      }
      this.space = false;
      this.blockBreak = false;
      this.out += c;
    }
  }

  /** `<br>`: a line break of its own (two make an empty line); the space before it is dropped. */
  lineBreak(): void {
    this.out += '\n';
    this.space = false;
    this.blockBreak = false;
  }

  /** A block's edge: at most one line break, and none at the cell's start or end. */
  block(): void {
    this.blockBreak = true;
  }

  text(): string {
    let start = 0;
    let end = this.out.length;
    while (start < end && this.out[start] === '\n') start++;
    while (end > start && this.out[end - 1] === '\n') end--;
    return this.out.slice(start, end);
  }
}

interface OpenCell {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  text: CellText;
}

class TableLayout {
  readonly cells: GridCell[] = [];
  private row = -1;
  private col = 0;
  /** Columns taken in rows below the current one by cells spanning down: row → columns. */
  private readonly taken = new Map<number, Set<number>>();
  cell: OpenCell | null = null;

  constructor(readonly source: string) {}

  newRow(): void {
    this.taken.delete(this.row);
    this.row++;
    this.col = 0;
  }

  /** `covers`: the columns the cell takes in the row; more than its span when Excel's text overflows (mso-ignore:colspan). */
  openCell(rowSpan: number, colSpan: number, covers = colSpan): OpenCell {
    if (this.row < 0) this.newRow();
    const taken = this.taken.get(this.row);
    while (taken?.has(this.col)) this.col++;
    const cell: OpenCell = { row: this.row, col: this.col, rowSpan, colSpan, text: new CellText() };
    for (let r = 1; r < rowSpan; r++) {
      let cols = this.taken.get(this.row + r);
      if (!cols) this.taken.set(this.row + r, (cols = new Set()));
      for (let c = 0; c < colSpan; c++) cols.add(this.col + c);
    }
    this.col += Math.max(colSpan, covers);
    this.cell = cell;
    return cell;
  }

  closeCell(): void {
    const cell = this.cell;
    if (!cell) return;
    this.cell = null;
    const location = `${this.source}, row ${cell.row + 1}, column ${cell.col + 1}`;
    this.cells.push({ row: cell.row, col: cell.col, rowSpan: cell.rowSpan, colSpan: cell.colSpan, text: cell.text.text(), location });
  }

  /** The grid, with row spans cut at the table's last row as a browser cuts them. */
  finish(): Grid {
    this.closeCell();
    const rows = this.cells.reduce((n, c) => Math.max(n, c.row + 1), 0);
    for (const cell of this.cells) cell.rowSpan = Math.max(1, Math.min(cell.rowSpan, rows - cell.row));
    return { source: this.source, cells: this.cells };
  }
}

/** A span attribute as a browser reads it: leading digits, else 1; capped. */
function span(value: string | undefined, max: number): number {
  if (value === undefined) return 1;
  let digits = '';
  for (const c of value.trim()) {
    if (c < '0' || c > '9') break;
    digits += c;
  }
  const n = digits === '' ? 1 : Number(digits.slice(0, 6));
  return Math.min(Math.max(n, 1), max);
}

export function htmlGrids(html: string, limits: typeof HTML_LIMITS = HTML_LIMITS): HtmlGrids {
  const grids: Grid[] = [];
  const open: { layout: TableLayout; index: number }[] = [];
  let tables = 0;
  let cells = 0;
  let depth = 0;
  /** The depth of the hidden element being skipped, or 0. */
  let hiddenFrom = 0;
  let area = 0;
  const current = () => open[open.length - 1]?.layout;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        depth++;
        if (depth > limits.maxElementDepth) throw new Stop({ key: 'html.tooDeep', params: { max: limits.maxElementDepth } });
        if (hiddenFrom > 0) return;
        if (isHidden(name, attributes)) {
          hiddenFrom = depth;
          return;
        }
        const layout = current();
        if (name === 'table') {
          if (open.length >= limits.maxTableDepth) throw new Stop({ key: 'html.tooManyTables', params: { max: limits.maxTableDepth } });
          tables++;
          open.push({ layout: new TableLayout(`table ${tables}`), index: grids.length });
          grids.push({ source: `table ${tables}`, cells: [] });
        } else if (!layout) return;
        else if (name === 'tr') {
          layout.closeCell();
          layout.newRow();
        } else if (name === 'td' || name === 'th') {
          layout.closeCell();
          if (++cells > limits.maxCells) throw new Stop({ key: 'html.tooManyCells', params: { max: limits.maxCells } });
          const rowSpan = span(attributes.rowspan, limits.maxRowSpan);
          const colSpan = span(attributes.colspan, limits.maxColSpan);
          area += rowSpan * colSpan;
          if (area > limits.maxSpannedArea) throw new Stop({ key: 'html.tooLargeSpans', params: { max: limits.maxSpannedArea } });
          // Excel writes text running over empty cells as a colspan it marks as not a merge.
          if (styleOf(attributes.style).get('mso-ignore') === 'colspan') layout.openCell(rowSpan, 1, colSpan);
          else layout.openCell(rowSpan, colSpan);
        } else if (name === 'br') layout.cell?.text.lineBreak();
        else if (BLOCKS.has(name)) layout.cell?.text.block();
      },
      onclosetag(name) {
        const closing = depth;
        depth = Math.max(0, depth - 1);
        if (hiddenFrom > 0) {
          if (closing === hiddenFrom) hiddenFrom = 0;
          return;
        }
        const layout = current();
        if (!layout) return;
        if (name === 'table') {
          const { index } = open.pop()!;
          grids[index] = layout.finish();
        } else if (name === 'td' || name === 'th') layout.closeCell();
        else if (name === 'tr') layout.closeCell();
        else if (BLOCKS.has(name)) layout.cell?.text.block();
      },
      ontext(text) {
        if (hiddenFrom === 0) current()?.cell?.text.add(text);
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: true },
  );
  try {
    parser.end(html);
  } catch (error) {
    if (error instanceof Stop) return { grids: [], problem: error.problem };
    throw error;
  }
  // Tables left open at the end of the page are laid out as they stand.
  while (open.length > 0) {
    const { layout, index } = open.pop()!;
    grids[index] = layout.finish();
  }
  return { grids: grids.filter((g) => g.cells.length > 0) };
}
