import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cellText, rowCells } from './layout-grid.ts';
import { layoutLines } from './layout-lines.ts';
import { figurePastWrap, figuresPastEdge, runsIntoWrappedCell, textPastEdge, textPastWrap, wrapsAlone } from './close-columns.ts';
import type { LayoutToken } from './layout-lines.ts';
import { at, readIndicatorField } from './layout-excerpt.testing.ts';

const cellsOf = (lines: readonly string[]) => rowCells(layoutLines(lines.join('\n')).flatMap((l) => l.tokens), 0);
const byText = (cells: ReturnType<typeof cellsOf>, start: string) => cells.find((c) => cellText(c).startsWith(start))!;

// 三级指标's wrapped text, then 年度指标值 printed a space after one of its lines (seed 16, form 68).
const FIGURE_CLOSE = ['               实际完成数略低于目标，细', '               和结果运用，个别指标完成 ≤39万元        37万元', '               情况未达预期，绩效目标设'];

test('a figure a space after a wrapped line, past the edge the text\'s other lines show, is no part of that text', () => {
  const cells = cellsOf(FIGURE_CLOSE);
  assert.equal(figurePastWrap(byText(cells, '实际完成数'), byText(cells, '≤39万元')), true);
});

test('a figure a space after a wrapped line, starting before a longer line with digits ends but ending past it, is no part of that text (seed 777, form 158)', () => {
  const cells = cellsOf(['             响推进较慢，预算执行', '             进度有待提高，服务对 95%', '             象满意度≥90%，按照市', '             区两']);
  assert.equal(figurePastWrap(byText(cells, '响推进'), byText(cells, '95%')), true);
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

test('text going on at its own left edge, where the cell left of it prints nothing, is another column', () => {
  // 三级指标 and 年度指标值, both wrapped, touching on the lines they share (seed 16, form 50).
  const cells = cellsOf(['                                  组织开展专项检查2次，完', '                                  成年度各项工作任务，提', '                      细化绩效目标，强化过程 升服务质量和管理水平，', '                      管理和结果运用，个别指 确保资金使用', '                      标完成情况未达预期，绩']);
  assert.equal(wrapsAlone(byText(cells, '细化绩效'), byText(cells, '组织开展')), true);
  // One phrase with a space in it, on one line: one column may hold both.
  const phrase = cellsOf(['                      落实 《实施方案》']);
  assert.equal(wrapsAlone(byText(phrase, '落实'), byText(phrase, '《实施方案》')), false);
});

test('a figure a space after a wrapped line, overlapping the line below, is no part of the cell it was joined into', () => {
  // 三级指标 wrapped over three lines, 年度指标值 ≥197份 a space after its first (seed 777, form 183):
  // ≥197份 overlaps the second line, so the row's cells join it to the name, yet it ends past the name's edge.
  const cells = cellsOf(['             落实《实施方案》各项任务，资金拨付 ≥197份', '             率达到100%，资金拨付率达到100%，', '             覆盖全区15个街镇，加强预算编制的']);
  assert.equal(cells.length, 1);
  assert.deepEqual(figuresPastEdge(cells[0]!).map((t) => t.text), ['≥197份']);
  // Within the edge its other lines show, a figure ending a line is the text's own.
  const within = cellsOf(['             资金拨付率达到 100%', '             覆盖全区15个街镇，加强预算']);
  assert.deepEqual(figuresPastEdge(within[0]!), []);
});

test('text going on at its own left edge, two spaces or more after the cell left of it, is another column (seed 777, form 292)', () => {
  // 三级指标 and 年度指标值 a single space apart on their first line; on the next, 管 starts at the
  // target's edge far right of 较慢: a cell's line holds no run of spaces.
  const cells = cellsOf([at([20, '部分工作受客观因素影响推进'], [34, '细化绩效目标，强化过程']), at([20, '较慢'], [34, '管'])]);
  assert.equal(wrapsAlone(byText(cells, '部分工作'), byText(cells, '细化绩效')), true);
  // A phrase wrapped on at its cell's edge, under the text before the space: one column may hold both.
  const phrase = cellsOf([at([20, '落实'], [23, '《实施方案》各项']), at([20, '任务']), at([20, '完成'])]);
  assert.equal(wrapsAlone(byText(phrase, '落实'), byText(phrase, '《实施方案》')), false);
});

test('text a space after a wrapped line, making it wider than the cell\'s full lines, is the next column\'s (seed 5791, form 127)', () => {
  // 三级指标 wrapped over six lines, 目标值's one line a space after its first: pdftotext set the
  // first line further left, so the target starts before the lines below end, yet the line is far
  // wider than a line of the name can be.
  const cells = cellsOf([at([5, '实施进度滞后，服务对象'], [17, '全年完成主要工。']), at([7, '满意度≥90%，年内完成']), at([7, '验收、审计和归档，围绕']), at([7, '年度重点工作，按计划推']), at([7, '定目标'])]);
  assert.equal(cells.length, 1);
  assert.deepEqual(textPastEdge(cells[0]!).map((t) => t.text), ['全年完成主要工。']);
});

test('the next column\'s wrapped cell, past the edge on one line, takes its short line a space after the next line too (seed 7070, form 200)', () => {
  // The target wrapped over four lines; 实际值's two lines (推进数字化转型；提升治 / 理) each a space
  // after a line of it. 理 alone stays within the slack of the target's edge, but begins where the
  // line over it that is past the edge begins.
  const cells = cellsOf([at([33, '资金拨付率达到100%，实际完成']), at([33, '数略低于目标，健全“一网通办'], [48, '推进数字化转型；提升治']), at([33, '”服务机制，实际完成数略低于'], [48, '理']), at([33, '目'])]);
  assert.equal(cells.length, 1);
  assert.deepEqual(textPastEdge(cells[0]!).map((t) => t.text), ['推进数字化转型；提升治', '理']);
  // Words a space after the target's line, beginning elsewhere than the piece past the edge: the target's.
  const lines = [at([33, '资金拨付率达到100%，实际完成']), at([33, '数略低于目标，健全“一网通办'], [48, '推进数字化转型；提升治']), at([33, '”服务机制，实际完成数略低'], [47, '理']), at([33, '目'])];
  const tokens = layoutLines(lines.join('\n')).flatMap((l) => l.tokens);
  assert.deepEqual(textPastEdge({ tokens, start: 33, end: 59, col: 33, colSpan: 26, row: 0, rowSpan: 1 }).map((t) => t.text), ['推进数字化转型；提升治']);
});

test('words after a space, within the width of the cell\'s full lines, stay the cell\'s own', () => {
  // A phrase with a space in it, wrapped: its line is no wider than the others.
  const phrase = cellsOf([at([7, '落实'], [10, '《实施方案》各项']), at([7, '任务，完成年度各项工作']), at([7, '，提升服务质量']), at([7, '完成'])]);
  assert.deepEqual(textPastEdge(phrase[0]!), []);
  // Only the last line shows no edge (it may stop short): nothing is known to lie past it.
  const twoLines = cellsOf([at([7, '实施进度滞后，服务对象'], [19, '全年完成主要工。']), at([7, '满意度'])]);
  assert.deepEqual(textPastEdge(twoLines[0]!), []);
});

test('a piece a space after another, where the cell\'s other lines begin, is a wrapped cell run into by the column left of it (seed 2027, form 110)', () => {
  // The name (细化绩效目标，强化过程管理) and the line of the target wrapped beside it, one space apart.
  const lines = [at([31, '覆盖全区15个街镇，完成第3']), at([31, '批次设备更新（含12台），']), at([17, '细化绩效目标，强化过程管理'], [31, '理和结果运用，全年完成主']), at([31, '要工作任务，服务对象满意'])];
  const tokens = layoutLines(lines.join('\n')).flatMap((l) => l.tokens);
  const cell = { tokens, start: 17, end: 44, col: 17, colSpan: 27, row: 0, rowSpan: 1 };
  assert.equal(runsIntoWrappedCell(cell), true);
  // A phrase with a space in it, wrapped at the cell's edge: its lines all begin there.
  const phrase = [at([31, '新增服务点位 8个/年，完成']), at([31, '第3批次设备更新（含12台']), at([31, '），服务对象满意度较高'])];
  const own = layoutLines(phrase.join('\n')).flatMap((l) => l.tokens);
  assert.equal(runsIntoWrappedCell({ tokens: own, start: 31, end: 46, col: 31, colSpan: 15, row: 0, rowSpan: 1 }), false);
});

/** The tokens of `lines` as two cells: those whose text is in `second`, and the rest. */
const twoCells = (lines: readonly string[], second: readonly string[]) => {
  const tokens = layoutLines(lines.join('\n')).flatMap((l) => l.tokens);
  const cell = (ts: LayoutToken[]) => ({ tokens: ts, start: Math.min(...ts.map((t) => t.start)), end: Math.max(...ts.map((t) => t.end)), col: 0, colSpan: 1, row: 0, rowSpan: 1 });
  return [cell(tokens.filter((t) => !second.includes(t.text))), cell(tokens.filter((t) => second.includes(t.text)))] as const;
};

test('a cell a space after lines of a wrapped cell, making them wider than its full lines, is never one cell with it (seed 16, forms 146 and 88)', () => {
  // 实际完成值 (规范) a space after the target's first line, under 年度指标值's title: pdftotext
  // printed the row's CJK text narrower than the titles over it.
  const [target, actual] = twoCells([at([33, '推进数字化转型；提升治理效'], [47, '规范']), at([33, '能，受疫情影响部分活动取消']), at([33, '，受疫情影响部分活动取消，']), at([33, '完成第3批次设备更新（含12'])], ['规范']);
  assert.equal(textPastWrap(target, actual), true);
  // The target wrapped over three lines a space after three of the name's five: the name's edge is
  // shown by its lines the target is not beside.
  const targetLines = ['完成年度各项工作任务，提升服务', '质量和管理水平，确保资金使用安', '全、规范、高效，全年完。'];
  const [name, wrapped] = twoCells([at([22, '细化绩效目标，强化过程管理']), at([22, '和结果运用，完成第3批次设'], [36, targetLines[0]!]), at([22, '备更新（含12台），个别指'], [36, targetLines[1]!]), at([22, '标完成情况未达预期，绩效目'], [36, targetLines[2]!]), at([22, '标设'])], targetLines);
  assert.equal(textPastWrap(name, wrapped), true);
});

test('a cell a space after a wrapped cell\'s lines, within the width of its full lines or beside its last line only, may be one cell with it', () => {
  const [phrase, words] = twoCells([at([7, '落实'], [10, '《实施方案》各项']), at([7, '任务，完成年度各项工作']), at([7, '，提升服务质量']), at([7, '完成'])], ['《实施方案》各项']);
  assert.equal(textPastWrap(phrase, words), false);
  // Only the last line shows no edge (it may stop short): nothing is known to lie past it.
  const [short, beside] = twoCells([at([7, '实施进度滞后，服务对象'], [19, '全年完成主要工。']), at([7, '满意度'])], ['全年完成主要工。']);
  assert.equal(textPastWrap(short, beside), false);
});

test('the actual a space after the target\'s first line, under the target\'s title, is read as the actual (seed 16, form 146)', async () => {
  const { read, expected } = await readIndicatorField('seed-16-form-0146-national-2020', (i) => [i.target, i.actual]);
  assert.deepEqual(read, expected);
});
