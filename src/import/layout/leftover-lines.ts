/**
 * Rows of nothing but text, no label, outside the tables: a cell's last wrapped line (`10` of
 * `…资金拨付率达到` / `10`) or first one, printed apart from its cell, which no field reads. The
 * value cells of the rows above and below in the same columns may each have lost it: both are
 * unclear, with the line left over.
 */
import { firstLineNo, type LayoutCell } from './layout-grid.ts';
import type { UnclearCell } from './touching-rows.ts';

function overlaps(a: LayoutCell, b: LayoutCell): boolean {
  return a.start < b.end && b.start < a.end;
}

/** The value cells (no label in them) of row `r` under or over `cell`. */
function valueCellsBeside(table: readonly LayoutCell[][], r: number, cell: LayoutCell, isLabel: (text: string) => boolean): LayoutCell[] {
  return (table[r] ?? []).filter((c) => overlaps(c, cell) && !c.tokens.some((t) => isLabel(t.text)));
}

/** `skip` leaves rows out (tables, checked by their figures; titles; notes). */
export function leftoverLineCells(table: readonly LayoutCell[][], skip: (row: number) => boolean, isLabel: (text: string) => boolean, locationOf: (cell: LayoutCell) => string): UnclearCell[] {
  const out: UnclearCell[] = [];
  table.forEach((cells, r) => {
    if (skip(r) || cells.length === 0 || cells.some((c) => c.tokens.some((t) => isLabel(t.text)))) return;
    for (const cell of cells) {
      const lineNo = firstLineNo(cell);
      const beside = [r - 1, r + 1].filter((n) => n >= 0 && n < table.length && !skip(n)).flatMap((n) => valueCellsBeside(table, n, cell, isLabel));
      out.push(...beside.map((c) => ({ location: locationOf(c), lineNo, key: 'layout.lineLeftOver' as const })));
    }
  });
  return out;
}
