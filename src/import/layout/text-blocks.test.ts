import assert from 'node:assert/strict';
import { test } from 'node:test';
import { layoutLines } from './layout-lines.ts';
import { layoutRows } from './layout-rows.ts';
import { joinSplitLabelRows } from './orphan-values.ts';
import { rowCells } from './layout-grid.ts';
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

test('a goal wider than its cell runs into the outcome a single space before it: the outcome is set apart, its own cell', () => {
  // pdftotext pushes the outcome right on the goal's widest lines (…项目按计划 组织开展…), so its
  // lines overlap the goal's others; cut at the outcome's agreed left edge, it reads on its own.
  const lines = layoutLines([
    '               预期目标                        实际完成情况',
    '     围绕年度重点工作，按计划推进项目实施，',
    '     确保资金使用安全、规范、高效，项目按计划 组织开展专项检查2次',
    '     实施，各项指标基本完成，资金使用规范，取 ，新增服务点位8个',
    '     得了较好的社会效益，实施进度滞后，年内完成 目按计划实施',
    '     验收、审计和归档',
    '一级指标',
  ].join('\n'));
  const rows = layoutRows(lines, (l) => l.tokens.some((t) => isLabel(t.text)));
  const blocks = blocksUnderHeadings(rows, isBlockLabel, isLabel, () => false)[1]!;
  const cells = rowCells(blocks.tokens, 1);
  assert.deepEqual(cells.map((c) => c.tokens.map((t) => t.text).join('')), [
    '围绕年度重点工作，按计划推进项目实施，确保资金使用安全、规范、高效，项目按计划实施，各项指标基本完成，资金使用规范，取得了较好的社会效益，实施进度滞后，年内完成验收、审计和归档',
    '组织开展专项检查2次，新增服务点位8个目按计划实施',
  ]);
});

test('one line run together, with no other line to agree on the outcome\'s edge, is left as printed', () => {
  const lines = layoutLines([
    '               预期目标                        实际完成情况',
    '     围绕年度重点工作，按计划推进项目实施，',
    '     确保资金使用安全、规范、高效，项目按计划 组织开展专项检查2次',
    '     验收、审计和归档，加强预算编制的科学性，及时跟踪预算执行',
    '一级指标',
  ].join('\n'));
  const rows = layoutRows(lines, (l) => l.tokens.some((t) => isLabel(t.text)));
  const blocks = blocksUnderHeadings(rows, isBlockLabel, isLabel, () => false)[1]!;
  assert.equal(rowCells(blocks.tokens, 1).length, 1);
});

test('the outcome\'s first line beside the goal\'s last, further left than its lines below: set at their column, one cell', () => {
  // Fewer wide characters before it on the goal's short last line, pdftotext starts the outcome
  // there at a column left of where its next lines start: apart from them it would be read by no field.
  const lines = layoutLines([
    '               预期目标                                  实际完成情况',
    '     围绕年度重点工作，按计划推进项目实施，资金使用规范',
    '     验收、审计和归档。        完成第3批次设备更新',
    '                                              受疫情影响部分活动取消',
    '                                              提升服务质量',
    '一级指标',
  ].join('\n'));
  const rows = layoutRows(lines, (l) => l.tokens.some((t) => isLabel(t.text)));
  const blocks = blocksUnderHeadings(rows, isBlockLabel, isLabel, () => false)[1]!;
  assert.deepEqual(rowCells(blocks.tokens, 1).map((c) => c.tokens.map((t) => t.text).join('')), [
    '围绕年度重点工作，按计划推进项目实施，资金使用规范验收、审计和归档。',
    '完成第3批次设备更新受疫情影响部分活动取消提升服务质量',
  ]);
});

test('a line run together far left of the outcome\'s edge is cut when the next line holds the outcome', () => {
  const lines = layoutLines([
    '               预期目标                                  实际完成情况',
    '     围绕年度重点工作，按计划推进项目实施，资金使用规范，取得了较好的社会效益',
    '     验收、审计和归档，服务对象满意度 实际完成数略低于目标',
    '     推进数字化转型；提升治               预算执行进度有待提高',
    '                                                        运用，健全服务机制',
    '一级指标',
  ].join('\n'));
  const rows = layoutRows(lines, (l) => l.tokens.some((t) => isLabel(t.text)));
  const blocks = blocksUnderHeadings(rows, isBlockLabel, isLabel, () => false)[1]!;
  assert.deepEqual(rowCells(blocks.tokens, 1).map((c) => c.tokens.map((t) => t.text).join('')), [
    '围绕年度重点工作，按计划推进项目实施，资金使用规范，取得了较好的社会效益验收、审计和归档，服务对象满意度推进数字化转型；提升治',
    '实际完成数略低于目标预算执行进度有待提高运用，健全服务机制',
  ]);
});

test("the outcome's first line printed between the headings' lines (年度总体目标 a line below it) is the blocks', not a heading (seed 777, form 188)", () => {
  const lines = layoutLines([
    '                                   预期目标                                              实际完成情况',
    '                                                资金拨付率达到100%，落实《实施方案》各项任',
    '年度总体目标',
    '                                                务，个别指标完成情况未',
    '      全年完成主要工作任务，服务对象满意度较高，管理制度进一步健全，完成第3批次设备更新',
    '一级指标',
  ].join('\n'));
  const rows = blocksUnderHeadings(layoutRows(lines, (l) => l.tokens.some((t) => isLabel(t.text))), isBlockLabel, isLabel, () => false);
  assert.deepEqual(texts(rows)[0], ['预期目标', '实际完成情况', '年度总体目标']);
  // The outcome's two lines are one cell, right of the goal's.
  const cells = rowCells(rows[1]!.tokens, 1).map((c) => c.tokens.map((t) => t.text).join(''));
  assert.deepEqual(cells, ['全年完成主要工作任务，服务对象满意度较高，管理制度进一步健全，完成第3批次设备更新', '资金拨付率达到100%，落实《实施方案》各项任务，个别指标完成情况未']);
});
