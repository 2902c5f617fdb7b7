import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { LayoutCell } from './layout-grid.ts';
import { leftoverLineCells } from './leftover-lines.ts';

/** A cell of one token on line `lineNo`, columns [start, end). */
function cell(row: number, text: string, lineNo: number, start: number, end: number): LayoutCell {
  return { tokens: [{ text, start, end, line: lineNo - 1, lineNo, page: 1 }], start, end, col: start, colSpan: end - start, row, rowSpan: 1 };
}

const LABELS = new Set(['主要绩效', '主要问题']);
const isLabel = (text: string) => LABELS.has(text);
const where = (c: LayoutCell) => `line ${c.tokens[0]!.lineNo}`;
const unclear = (table: LayoutCell[][], skip: (r: number) => boolean = () => false) =>
  leftoverLineCells(table, skip, isLabel, where).map((u) => [u.location, u.lineNo, u.key]);

describe('a line of text no field reads, apart from its cell', () => {
  const achievements = [cell(0, '主要绩效', 136, 2, 10), cell(0, '资金拨付率达到', 135, 13, 40)];
  const problems = [cell(2, '主要问题', 144, 2, 10), cell(2, '推进数字化转型', 138, 13, 40)];

  test('makes the value cells above and below it in its columns unclear, with the line left over', () => {
    const table = [achievements, [cell(1, '10', 137, 13, 15)], problems];
    assert.deepEqual(unclear(table), [
      ['line 135', 137, 'layout.lineLeftOver'],
      ['line 138', 137, 'layout.lineLeftOver'],
    ]);
  });

  test('leaves alone rows with a label, text in other columns, and rows skipped (tables, notes)', () => {
    assert.deepEqual(unclear([achievements, problems]), []);
    assert.deepEqual(unclear([achievements, [cell(1, '10', 137, 60, 62)], problems]), []);
    assert.deepEqual(unclear([achievements, [cell(1, '10', 137, 13, 15)], problems], (r) => r === 1), []);
    // A table's rows (skipped) keep their cells: the line beside them is doubted only against the others.
    assert.deepEqual(unclear([achievements, [cell(1, '10', 137, 13, 15)], problems], (r) => r === 0), [['line 138', 137, 'layout.lineLeftOver']]);
  });
});
