/**
 * Drawing one laid-out page into its content stream (page-content.ts): every cell border as a
 * straight stroked line (merged cells without the rules inside them), and each line of text
 * inside its cell — numbers right-aligned, labels centred — so a PDF reader can rebuild the
 * table from rules and text.
 */
import { textWidth } from './form-font.ts';
import type { Align, Cell } from './form-table.ts';
import { cellTextWidth } from './measure-rows.ts';
import type { FormPage, PlacedLine, PlacedRow } from './paginate-form.ts';
import { BORDER, CELL_PADDING, FONT_SIZE, LINE_HEIGHT, MARGIN, TABLE_WIDTH } from './page-layout.ts';
import { collectRules, type Rules } from './page-rules.ts';
import { PageContent } from './page-content.ts';
import { wrapText } from './wrap-text.ts';


/** A cell where it is drawn: its box on the page and its lines. */
interface CellBox {
  cell: Cell;
  top: number;
  bottom: number;
  lines: string[];
  size: number;
  valign: 'middle' | 'top';
}

export function drawFormPage(text: PageContent, page: FormPage): void {
  // Reading order in the content stream: the title above the table, the table, the notes below.
  const tableTop = page.rows[0]?.y ?? Infinity;
  for (const line of page.lines.filter((l) => l.y < tableTop)) drawFreeLine(text, line);
  const boxes = cellBoxes(page.rows);
  drawRules(text, collectRules(boxes.map((b) => ({ x0: MARGIN.left + b.cell.x0, x1: MARGIN.left + b.cell.x1, top: b.top, bottom: b.bottom }))));
  for (const box of boxes) drawCellText(text, box);
  for (const line of page.lines.filter((l) => l.y >= tableTop)) drawFreeLine(text, line);
}

/** Unmerged cells one per row; a merged cell once over the consecutive rows it spans on this page. */
function cellBoxes(rows: readonly PlacedRow[]): CellBox[] {
  const boxes: CellBox[] = [];
  const open = new Map<string, CellBox & { lastRow: number }>();
  rows.forEach((row, r) => {
    for (const { cell, lines, size } of row.cells) {
      if (cell.mergeKey === undefined) {
        boxes.push({ cell, top: row.y, bottom: row.y + row.height, lines, size, valign: row.continued ? 'top' : 'middle' });
        continue;
      }
      const key = `${cell.mergeKey}@${cell.x0}`;
      const merged = open.get(key);
      if (merged && merged.lastRow === r - 1) {
        merged.bottom = row.y + row.height;
        merged.lastRow = r;
      } else {
        const fresh = { cell, top: row.y, bottom: row.y + row.height, lines: [], size: FONT_SIZE.cell, valign: 'middle' as const, lastRow: r };
        open.set(key, fresh);
        boxes.push(fresh);
      }
    }
  });
  return boxes.map((box) => (box.cell.mergeKey === undefined ? box : fitMergedText(box)));
}

/**
 * A merged cell's caption for the part of it on this page; where a page break leaves only a
 * sliver of the block, the caption is set smaller rather than spill out of its cell.
 */
function fitMergedText(box: CellBox): CellBox {
  const room = box.bottom - box.top - 2 * CELL_PADDING.y;
  for (let size: number = FONT_SIZE.cell; size >= FONT_SIZE.smallest; size -= 0.5) {
    const lines = wrapText(box.cell.text, cellTextWidth(box.cell), { size });
    if (lines.length * size * LINE_HEIGHT <= room || size <= FONT_SIZE.smallest) return { ...box, lines, size };
  }
  return box;
}

const BORDER_RGB = [1, 3, 5].map((i) => parseInt(BORDER.color.slice(i, i + 2), 16) / 255) as [number, number, number];

function drawRules(content: PageContent, rules: Rules): void {
  content.rules(rules, { width: BORDER.width, rgb: BORDER_RGB });
}

function drawCellText(text: PageContent, box: CellBox): void {
  if (box.lines.length === 0) return;
  const lineHeight = box.size * LINE_HEIGHT;
  const textHeight = box.lines.length * lineHeight;
  const top = box.valign === 'top' ? box.top + CELL_PADDING.y : box.top + (box.bottom - box.top - textHeight) / 2;
  const left = MARGIN.left + box.cell.x0 + CELL_PADDING.x;
  const width = cellTextWidth(box.cell);
  box.lines.forEach((line, i) => drawLine(text, line, left, width, top + i * lineHeight, box.size, box.cell.align));
}

function drawFreeLine(text: PageContent, line: PlacedLine): void {
  drawLine(text, line.text, MARGIN.left, TABLE_WIDTH, line.y, line.size, line.align, line.bold);
}

/** One line of text in a slot of `width` points whose top is `lineTop`. */
function drawLine(text: PageContent, line: string, left: number, width: number, lineTop: number, size: number, align: Align, bold = false): void {
  const w = textWidth(line, size, bold ? 'bold' : 'regular');
  const x = align === 'left' ? left : align === 'right' ? left + width - w : left + (width - w) / 2;
  // The font's em box (ascender + descender = 1 em) sits in the middle of the taller line slot.
  const y = lineTop + ((LINE_HEIGHT - 1) * size) / 2;
  text.text(bold ? 'bold' : 'regular', size, line, x, y);
}
