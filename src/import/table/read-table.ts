/**
 * A plain table from a file — the lists a bureau keeps in spreadsheets (units, users, the year's
 * projects) — as its header and its rows of text, each with the row number the file shows.
 *
 * What the file is comes from its bytes: XLSX (the first visible sheet that has anything on it;
 * refused like a form workbook when it is a zip bomb or declares entities), or CSV text in UTF-8
 * (with or without a BOM), UTF-16 with a BOM, or GB18030/GBK — what Excel's "CSV" and Windows
 * Notepad's "ANSI" save on a Chinese system. Blank rows are skipped. Bounded: at most MAX_ROWS rows,
 * MAX_COLUMNS columns and MAX_CELL characters a cell; beyond, the file is refused with the reason.
 */
import { isUtf8 } from 'node:buffer';
import { parse } from 'csv-parse/sync';
import type { Explanation } from '../../core/explanation.ts';
import { explain } from '../../core/explanation.ts';
import { sniffKind } from '../sniff.ts';

export const MAX_TABLE_BYTES = 20 * 1024 * 1024;
export const MAX_ROWS = 100_000;
export const MAX_COLUMNS = 60;
export const MAX_CELL = 2_000;

export interface TableRow {
  /** As the file numbers it: the header is row 1 (of the first non-blank line). */
  row: number;
  cells: string[];
}

export interface Table {
  /** `sheet 单位` for a workbook; the encoding for CSV (`UTF-8`, `GB18030`). */
  source: string;
  header: string[];
  headerRow: number;
  rows: TableRow[];
}

export type TableResult = { ok: true; table: Table } | { ok: false; message: Explanation };

const refuse = (key: string, params: Record<string, string | number> = {}): TableResult => ({ ok: false, message: explain(key, params) });

export async function readTable(bytes: Uint8Array): Promise<TableResult> {
  if (bytes.length === 0) return refuse('table.empty');
  if (bytes.length > MAX_TABLE_BYTES) return refuse('table.tooLarge', { maxMb: MAX_TABLE_BYTES / 1048576 });
  const kind = sniffKind(bytes);
  if (kind === 'xlsx') return readWorkbook(bytes);
  if (kind === 'pdf' || kind === 'zip' || kind === 'docx' || isLegacyWorkbook(bytes)) return refuse('table.unsupported');
  const decoded = decode(bytes);
  if (!decoded) return refuse('table.encoding');
  return fromRows(decoded.encoding, csvRows(decoded.text));
}

/** The OLE compound file of a legacy .xls (or .doc). */
const isLegacyWorkbook = (bytes: Uint8Array) => [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1].every((b, i) => bytes[i] === b);

function decode(bytes: Uint8Array): { text: string; encoding: string } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'UTF-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'UTF-16' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'UTF-16' };
  if (isUtf8(bytes)) return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'UTF-8' };
  try {
    return { text: new TextDecoder('gb18030', { fatal: true }).decode(bytes), encoding: 'GB18030' };
  } catch {
    return null;
  }
}

function csvRows(text: string): string[][] | Explanation {
  if (text.includes('\u0000')) return explain('table.binary');
  try {
    return parse(text, { relax_column_count: true, skip_empty_lines: false, bom: true, max_record_size: MAX_CELL * MAX_COLUMNS }) as string[][];
  } catch (error) {
    const e = error as { lines?: number; message?: string };
    return explain('table.csvError', { line: e.lines ?? 0, reason: e.message ?? String(error) });
  }
}

async function readWorkbook(bytes: Uint8Array): Promise<TableResult> {
  const { inspectXlsxZip } = await import('../xlsx/zip-guard.ts');
  const refusal = await inspectXlsxZip(bytes);
  if (refusal) return { ok: false, message: explain(refusal.key, refusal.params) };
  const { readXlsxGrids } = await import('../xlsx/read-xlsx-grids.ts');
  let grids;
  try {
    ({ grids } = await readXlsxGrids(bytes));
  } catch (error) {
    return refuse('xlsx.unreadable', { reason: error instanceof Error ? error.message : String(error) });
  }
  const grid = grids.find((g) => g.cells.some((c) => c.text.trim() !== ''));
  if (!grid) return refuse('table.noRows');
  const rows: string[][] = [];
  for (const cell of grid.cells) {
    if (cell.row >= MAX_ROWS + 1 || cell.col >= MAX_COLUMNS) continue;
    const row = (rows[cell.row] ??= []);
    row[cell.col] = cell.text;
  }
  return fromRows(grid.source, Array.from({ length: rows.length }, (_, i) => Array.from(rows[i] ?? [], (t) => t ?? '')));
}

/** The first non-blank row is the header; the rest are data, blank ones skipped; limits checked. */
function fromRows(source: string, parsed: string[][] | Explanation): TableResult {
  if (!Array.isArray(parsed)) return { ok: false, message: parsed };
  const blank = (cells: string[]) => cells.every((c) => c.trim() === '');
  const headerIndex = parsed.findIndex((cells) => !blank(cells));
  if (headerIndex < 0) return refuse('table.noRows');
  const header = parsed[headerIndex]!.map((c) => c.trim());
  if (header.length > MAX_COLUMNS) return refuse('table.tooManyColumns', { max: MAX_COLUMNS });
  const rows: TableRow[] = [];
  for (let i = headerIndex + 1; i < parsed.length; i++) {
    const cells = parsed[i]!;
    if (blank(cells)) continue;
    if (rows.length >= MAX_ROWS) return refuse('table.tooManyRows', { max: MAX_ROWS });
    if (cells.length > MAX_COLUMNS) return refuse('table.tooManyColumns', { max: MAX_COLUMNS });
    const long = cells.findIndex((c) => [...c].length > MAX_CELL);
    if (long >= 0) return refuse('table.cellTooLong', { row: i + 1, column: long + 1, max: MAX_CELL });
    rows.push({ row: i + 1, cells: cells.map((c) => c.trim()) });
  }
  if (rows.length === 0) return refuse('table.noRows');
  return { ok: true, table: { source, header, headerRow: headerIndex + 1, rows } };
}
