/**
 * Laying a form out on A4 pages: rows go down the page; a row that does not fit starts the next
 * page, where the indicator table's column titles are printed again; a row taller than a page
 * (or a long-text row such as 主要绩效) is split line by line so that nothing is cut off.
 */
import type { FormLayout, TableSection, TextBlock } from './form-table.ts';
import { linesThatFit, measureRows, splitRow, type MeasuredRow } from './measure-rows.ts';
import { GAP, LINE_HEIGHT, MARGIN, MIN_SPLIT_LINES, PAGE, TABLE_WIDTH } from './page-layout.ts';
import { wrapText } from './wrap-text.ts';

export interface PlacedRow extends MeasuredRow {
  /** Top edge, points from the top of the page. */
  y: number;
}

export interface PlacedLine {
  text: string;
  source: string;
  /** Top of the line's box, points from the top of the page. */
  y: number;
  size: number;
  align: TextBlock['align'];
  bold: boolean;
}

export interface FormPage {
  rows: PlacedRow[];
  lines: PlacedLine[];
}

const BOTTOM = PAGE.height - MARGIN.bottom;

class PageCursor {
  readonly pages: FormPage[] = [{ rows: [], lines: [] }];
  y: number = MARGIN.top;

  get page(): FormPage {
    return this.pages[this.pages.length - 1]!;
  }

  get room(): number {
    return BOTTOM - this.y;
  }

  get atTop(): boolean {
    return this.page.rows.length === 0 && this.page.lines.length === 0;
  }

  newPage(): void {
    this.pages.push({ rows: [], lines: [] });
    this.y = MARGIN.top;
  }

  placeRow(row: MeasuredRow): void {
    this.page.rows.push({ ...row, y: this.y });
    this.y += row.height;
  }

  placeLine(line: Omit<PlacedLine, 'y'>, height: number): void {
    if (height > this.room && !this.atTop) this.newPage();
    this.page.lines.push({ ...line, y: this.y });
    this.y += height;
  }
}

export function paginateForm(layout: FormLayout): FormPage[] {
  const cursor = new PageCursor();
  layout.title.forEach((block, i) => {
    placeTextBlock(cursor, block);
    cursor.y += i === layout.title.length - 1 ? GAP.afterTitle : GAP.afterSubtitle;
  });
  for (const section of layout.sections) placeSection(cursor, section);
  if (layout.notes) {
    cursor.y += GAP.beforeNotes;
    placeTextBlock(cursor, layout.notes);
  }
  return cursor.pages;
}

function placeTextBlock(cursor: PageCursor, block: TextBlock): void {
  const lineHeight = block.size * LINE_HEIGHT;
  for (const { text, source } of block.lines) {
    for (const line of wrapText(text, TABLE_WIDTH, { size: block.size, weight: block.bold ? 'bold' : 'regular' })) {
      cursor.placeLine({ text: line, source, size: block.size, align: block.align, bold: block.bold === true }, lineHeight);
    }
  }
}

function placeSection(cursor: PageCursor, section: TableSection): void {
  const header = measureRows(section.header);
  const headerHeight = header.reduce((sum, r) => sum + r.height, 0);
  const rows = measureRows(section.rows);
  const firstHeight = rows[0]?.height ?? 0;
  // The column titles never stand alone at the foot of a page.
  if (header.length > 0 && headerHeight + firstHeight > cursor.room && !cursor.atTop) cursor.newPage();
  header.forEach((r) => cursor.placeRow(r));
  let freshPage = false;
  for (let i = 0; i < rows.length; ) {
    const row = rows[i]!;
    if (row.height <= cursor.room) {
      cursor.placeRow(row);
      freshPage = false;
      i++;
      continue;
    }
    const tallerThanPage = row.height > BOTTOM - MARGIN.top - headerHeight;
    const fit = linesThatFit(cursor.room);
    if ((row.splittable || tallerThanPage) && (fit >= MIN_SPLIT_LINES || (freshPage && fit >= 1))) {
      const [head, tail] = splitRow(row, cursor.room);
      cursor.placeRow(head);
      rows[i] = tail;
    } else if (freshPage) {
      // A row that cannot be split and does not fit an empty page: placed anyway, never dropped.
      cursor.placeRow(row);
      freshPage = false;
      i++;
      continue;
    }
    cursor.newPage();
    header.forEach((r) => cursor.placeRow(r));
    freshPage = true;
  }
}
