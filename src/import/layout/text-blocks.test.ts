import assert from 'node:assert/strict';
import { test } from 'node:test';
import { layoutLines } from './layout-lines.ts';
import { layoutRows } from './layout-rows.ts';
import { joinSplitLabelRows } from './orphan-values.ts';
import { blocksUnderHeadings } from './text-blocks.ts';

const LABELS = new Set(['改进措施', '年度总体目标', '预期目标', '实际完成情况', '一级指标', '预算执行数（元）', '预算执行率（%）']);
const isLabel = (text: string) => LABELS.has(text);
const isBlockLabel = (text: string) => ['年度总体目标', '预期目标', '实际完成情况'].includes(text);
const texts = (rows: ReturnType<typeof layoutRows>) => rows.map((r) => r.tokens.map((t) => t.text));

test('headings side by side over their blocks: one row of headings, one of blocks, whatever lines they were printed on', () => {
  // 年度总体目标 (merged over both rows) printed down the left, inside the blocks' lines; 实际完成情况
  // a line below 预期目标; the outcome's block beside the goal's and below it.
  const lines = layoutLines([
    '                    预期目标',
    '                                                实际完成情况',
    '          完成年度各项工作',
    '年度总体目标  任务                          推进数字化',
    '                                            转型',
    '一级指标',
  ].join('\n'));
  const rows = layoutRows(lines, (l) => l.tokens.some((t) => isLabel(t.text)));
  assert.deepEqual(texts(blocksUnderHeadings(rows, isBlockLabel, isLabel, () => false)), [
    ['预期目标', '实际完成情况', '年度总体目标'],
    ['完成年度各项工作', '任务', '推进数字化', '转型'],
    ['一级指标'],
  ]);
});

test('a heading alone, or headings one above the other, head no blocks', () => {
  const lines = layoutLines(['    预期目标', '    完成年度各项工作', '    实际完成情况', '    推进数字化'].join('\n'));
  const rows = layoutRows(lines, (l) => l.tokens.some((t) => isLabel(t.text)));
  assert.deepEqual(texts(blocksUnderHeadings(rows, isBlockLabel, isLabel, () => false)), texts(rows));
});

test('a row whose cells are set at other heights than its neighbour\'s joins it when together they read label, value, label, value', () => {
  const lines = layoutLines([
    '预算执行数（元）                                          0.00%',
    '                        0.00        预算执行率（%）',
  ].join('\n'));
  const rows = layoutRows(lines, (l) => l.tokens.length > 0);
  assert.equal(rows.length, 2);
  const joined = joinSplitLabelRows(rows, isLabel, () => false);
  assert.deepEqual(texts(joined).map((r) => r.sort()), [['0.00', '0.00%', '预算执行数（元）', '预算执行率（%）'].sort()]);
  // Two rows each complete (label, value) stay apart.
  const whole = layoutRows(layoutLines(['预算执行数（元）   0.00', '预算执行率（%）   0.00%'].join('\n')), (l) => l.tokens.length > 0);
  assert.equal(joinSplitLabelRows(whole, isLabel, () => false).length, 2);
});

test('the notes under a form start rows of their own: a block above them, set apart by blank lines, is the row above\'s', () => {
  const lines = layoutLines(['改进措施', '', '', '  加强预算编制', '', '', '说明：1、依据本项目'].join('\n'));
  const rows = layoutRows(lines, (l) => l.tokens.some((t) => isLabel(t.text) || t.text.startsWith('说明')), () => false, (l) => l.tokens[0]?.text.startsWith('说明') === true);
  assert.deepEqual(texts(rows), [['改进措施', '加强预算编制'], ['说明：1、依据本项目']]);
});
