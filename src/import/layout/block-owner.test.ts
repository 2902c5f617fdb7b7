import assert from 'node:assert/strict';
import { test } from 'node:test';
import { layoutLines } from './layout-lines.ts';
import { layoutRows } from './layout-rows.ts';

// Blocks of text between two labels alone on their lines, blank lines on both sides: whose cell is
// the block? (主要绩效 set at the top of its row with its text centred under it, or 主要问题 centred
// in a row whose text is set at its top.)
const LABELS = new Set(['主要绩效', '主要问题', '改进措施', '预算执行数（元）', '项目年度总目标']);
const isLabel = (text: string) => LABELS.has(text);
const isAnchor = (l: { tokens: ReadonlyArray<{ text: string }> }) => l.tokens.some((t) => isLabel(t.text));
const rowsOf = (text: string[], isFigureLabel?: (t: string) => boolean) =>
  layoutRows(layoutLines(text.join('\n')), isAnchor, () => false, (l) => l.tokens[0]?.text.startsWith('说明') === true, { isAnchor, isLabel, ...(isFigureLabel ? { isFigureLabel } : {}) }).map((r) =>
    r.tokens.map((t) => t.text),
  );

test('a block nearer the label above than the one below is the upper label\'s', () => {
  assert.deepEqual(
    rowsOf([' 主要绩效', '', '           个别指标完成情况未达预期，绩效目标', '           标基本完成，资金使用规范', '', '', '', ' 主要问题', '', ' 改进措施      完成年度各项工作任务']),
    [['主要绩效', '个别指标完成情况未达预期，绩效目标', '标基本完成，资金使用规范'], ['主要问题'], ['改进措施', '完成年度各项工作任务']],
  );
});

test('a block as near both labels is the upper one\'s when the row below starts within half the reach the lower label would need', () => {
  // 改进措施 centred in a row set from the block's top (8 lines above) would reach 8 lines below it: the notes are 2 below.
  const text = ['  主要问题', '', '', '          完成年度各项工作任务，提升服务质量', '          数字化转型；提升治理效能', '          归档，健全服务机制', '          按计划实施，各项指标基本完成', '', '', '', '  改进措施', '', '说明：1、依据本项目应实现的绩效目标'];
  assert.deepEqual(rowsOf(text)[0], ['主要问题', '完成年度各项工作任务，提升服务质量', '数字化转型；提升治理效能', '归档，健全服务机制', '按计划实施，各项指标基本完成']);
});

test('a block parted by blank lines from the lower label\'s own text in its column is the upper label\'s', () => {
  const text = ['     主要问题', '', '               服务对象满意度≥90%，实施进度滞后', '               率达到100%，落实各项任务', '', '', '     改进措施      实际完成数略低于目标，受疫情影响'];
  assert.deepEqual(rowsOf(text), [['主要问题', '服务对象满意度≥90%，实施进度滞后', '率达到100%，落实各项任务'], ['改进措施', '实际完成数略低于目标，受疫情影响']]);
});

test('as near both labels and room below the lower one: left as before (the lower label\'s, its row from the block\'s top)', () => {
  // The block's lines as wrapping prints them, all but the last as wide as the cell (a short one would end it).
  const text = [' 主要绩效', '', '        完成年度各项工作任务，提升服务质量', '        任务，服务对象满意度较高，管理制', '        案》各项任务，细化绩效目标，强化', '        检查2次，年内完成验收', '', ' 主要问题', '', '', '', '', ' 改进措施   实际完成数略低于目标'];
  assert.deepEqual(rowsOf(text)[0], ['主要绩效']);
});

test('no block of text is the value of a figure\'s label above it', () => {
  const text = ['预算执行数（元）', '', '           全年完成主要工作任务，服务对象满意度较高', '           保资金使用安全、规范、高效', '', '', '', '项目年度总目标'];
  const isFigureLabel = (t: string) => t === '预算执行数（元）';
  assert.deepEqual(rowsOf(text, isFigureLabel)[0], ['预算执行数（元）']);
  assert.deepEqual(rowsOf(text)[0], ['预算执行数（元）', '全年完成主要工作任务，服务对象满意度较高', '保资金使用安全、规范、高效']);
});
