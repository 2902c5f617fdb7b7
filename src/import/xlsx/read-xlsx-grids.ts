/**
 * XLSX bytes → one Grid per visible sheet. Merged ranges become one cell with spans; bordered
 * empty cells are kept (they are the form's blank fields), other empty cells are not.
 */
import ExcelJS from 'exceljs';
import type { Cell, Worksheet } from 'exceljs';
import type { Grid, GridCell } from '../grid/grid.ts';
import { cellText } from './cell-text.ts';

/** More cells than any form has; beyond this a sheet is cut off with a diagnostic. */
export const MAX_CELLS_PER_SHEET = 100_000;

export interface SheetProblem {
  key: string;
  location: string;
  params: Record<string, string | number>;
}

export interface XlsxGrids {
  grids: Grid[];
  problems: SheetProblem[];
}

interface Span {
  rowSpan: number;
  colSpan: number;
}

/** "A1:G1" → the master's address with its spans. */
function mergeSpans(ws: Worksheet): Map<string, Span> {
  const spans = new Map<string, Span>();
  for (const range of ws.model.merges ?? []) {
    const [from, to] = range.split(':');
    if (!from || !to) continue;
    const a = ws.getCell(from);
    const b = ws.getCell(to);
    const top = Math.min(Number(a.row), Number(b.row));
    const left = Math.min(Number(a.col), Number(b.col));
    spans.set(ws.getCell(top, left).address, {
      rowSpan: Math.abs(Number(b.row) - Number(a.row)) + 1,
      colSpan: Math.abs(Number(b.col) - Number(a.col)) + 1,
    });
  }
  return spans;
}

function hasBorder(cell: Cell): boolean {
  const border = cell.border;
  return border !== undefined && Object.values(border).some((side) => side && typeof side === 'object' && 'style' in side && side.style);
}

function sheetGrid(ws: Worksheet, problems: SheetProblem[]): Grid {
  const source = `sheet ${ws.name}`;
  const spans = mergeSpans(ws);
  const cells: GridCell[] = [];
  let cut = false;
  ws.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: true }, (cell) => {
      if (cut) return;
      if (cell.isMerged && cell.master.address !== cell.address) return;
      const span = spans.get(cell.address);
      const { text, missingResult } = cellText(cell.value, cell.numFmt);
      if (text === '' && !span && !hasBorder(cell)) return;
      const location = `${source}, cell ${cell.address}`;
      if (missingResult) problems.push({ key: 'xlsx.formulaWithoutResult', location, params: {} });
      if (cells.length >= MAX_CELLS_PER_SHEET) {
        cut = true;
        problems.push({ key: 'xlsx.tooManyCells', location, params: { max: MAX_CELLS_PER_SHEET } });
        return;
      }
      cells.push({
        row: Number(cell.row) - 1,
        col: Number(cell.col) - 1,
        rowSpan: span?.rowSpan ?? 1,
        colSpan: span?.colSpan ?? 1,
        text,
        location,
      });
    });
  });
  return { source, cells };
}

/** Throws when exceljs cannot read the bytes; the caller has already refused bombs. */
export async function readXlsxGrids(bytes: Uint8Array): Promise<XlsxGrids> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  const problems: SheetProblem[] = [];
  const grids = workbook.worksheets.filter((ws) => ws.state === 'visible' || ws.state === undefined).map((ws) => sheetGrid(ws, problems));
  return { grids, problems };
}
