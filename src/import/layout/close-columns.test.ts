import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cellText, rowCells } from './layout-grid.ts';
import { layoutLines } from './layout-lines.ts';
import { figurePastWrap } from './close-columns.ts';

const cellsOf = (lines: readonly string[]) => rowCells(layoutLines(lines.join('\n')).flatMap((l) => l.tokens), 0);
const byText = (cells: ReturnType<typeof cellsOf>, start: string) => cells.find((c) => cellText(c).startsWith(start))!;

// 三级指标's wrapped text, then 年度指标值 printed a space after one of its lines (seed 16, form 68).
const FIGURE_CLOSE = ['               实际完成数略低于目标，细', '               和结果运用，个别指标完成 ≤39万元        37万元', '               情况未达预期，绩效目标设'];

test('a figure a space after a wrapped line, past the edge the text\'s other lines show, is no part of that text', () => {
  const cells = cellsOf(FIGURE_CLOSE);
  assert.equal(figurePastWrap(byText(cells, '实际完成数'), byText(cells, '≤39万元')), true);
});

test('a figure ending a phrase on its own line, or words after a space, may still share the cell', () => {
  const oneLine = cellsOf(['               资金拨付率达到 100%']);
  assert.equal(figurePastWrap(byText(oneLine, '资金拨付率'), byText(oneLine, '100%')), false);
  const words = cellsOf(['               实际完成数略低于目标，细', '               和结果运用，个别指标完成 按期完成', '               情况未达预期，绩效目标设']);
  assert.equal(figurePastWrap(byText(words, '实际完成数'), byText(words, '按期完成')), false);
  // The figure's line is the long one: the text's edge is not known to lie before it.
  const short = cellsOf(['               实际完成', '               和结果运用，个别指标完成 ≤39万元']);
  assert.equal(figurePastWrap(byText(short, '实际完成'), byText(short, '≤39万元')), false);
});
