import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cellLocation, rowCells } from './layout-grid.ts';
import type { LayoutLine, LayoutToken } from './layout-lines.ts';
import type { LayoutRow } from './layout-rows.ts';
import { touchingTableCells } from './touching-rows.ts';

const token = (text: string, line: number, start: number): LayoutToken => ({ text, start, end: start + text.length * 2, line, lineNo: line + 1, page: 1 });

/** A table row from its tokens, the anchor line given. */
function row(anchor: number, tokens: LayoutToken[]): LayoutRow {
  const indices = [...new Set(tokens.map((t) => t.line))].sort((a, b) => a - b);
  const lines: LayoutLine[] = indices.map((index) => ({ index, lineNo: index + 1, page: 1, tokens: tokens.filter((t) => t.line === index), pieces: tokens.filter((t) => t.line === index) }));
  return { anchor, lines, top: indices[0]!, bottom: indices.at(-1)!, tokens };
}

const unclear = (rows: LayoutRow[]) =>
  touchingTableCells(rows, rows.map((r, i) => rowCells(r.tokens, i)), () => true, cellLocation).map((u) => [u.location, u.text]);

test('a table row\'s cell below its anchor, down to a row that touches it, or set apart by a blank line, is unclear', () => {
  // 备注 on the line right above the next row: the next row's, set at its top, or this one's.
  const touching = [row(0, [token('甲', 0, 0), token('1', 0, 10), token('备注', 1, 20)]), row(2, [token('乙', 2, 0), token('2', 2, 10)])];
  assert.deepEqual(unclear(touching), [['line 2', '备注']]);
  // 备注 a blank line below the rest of its row, the next row further down.
  const apart = [row(0, [token('甲', 0, 0), token('1', 0, 10), token('备注', 2, 20)]), row(6, [token('乙', 6, 0), token('2', 6, 10)])];
  assert.deepEqual(unclear(apart), [['line 3', '备注']]);
  // Centred on its row's anchor line: its own.
  const centred = [row(1, [token('甲', 1, 0), token('1', 1, 10), token('备', 0, 20), token('注', 1, 20), token('栏', 2, 20)]), row(4, [token('乙', 4, 0), token('2', 4, 10)])];
  assert.deepEqual(unclear(centred), []);
});
