import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Evaluation } from '../../core/model/evaluation.ts';
import { readTextForms } from '../text/read-text-forms.ts';
import { at, readFixture } from './layout-excerpt.testing.ts';

const read = async (lines: string[]) => (await readTextForms({ file: 'form.txt', bytes: new TextEncoder().encode(lines.join('\n')) })).forms[0]!.evaluation;

const HEAD = [at([51, '项目支出绩效自评表']), '', at([1, '项目名称'], [13, '社区图书角运营']), '', at([1, '主管部门'], [13, '上海市某区文化局'], [82, '实施单位'], [118, '计划财务科']), '', ''];

// Columns as on the page of form 4 the row is printed on: 年度指标值 centred at 45.5, 实际完成值 at 61.5.
const TITLES = [at([1, '一级指标'], [10, '二级指标'], [25, '三级指标'], [43, '年度指标值'], [59, '实际完成值'], [71, '分值'], [78, '得分'], [81, '偏差原因分析及改进措施']), ''];

test("a figure a space after the text of the column left of it, at its own column's left edge, is that column's value (seed 777, form 4)", async () => {
  const evaluation = await read([
    ...HEAD,
    ...TITLES,
    at([1, '产出指标'], [10, '数量指标'], [17, '活动场次'], [38, '≥60次'], [54, '62次'], [70, '2.5'], [76, '2.5']),
    '',
    at([1, '满意度指标'], [17, '群众满意度'], [38, '落实《实施方案》各项任务。'], [52, '92%'], [70, '0.5'], [76, '0.5']),
    '',
    at([17, '服务对象满意度'], [38, '较满意'], [54, '满意'], [70, '1'], [76, '1']),
  ]);
  const row = evaluation.indicators.find((i) => i.name === '群众满意度')!;
  assert.equal(row.target, '落实《实施方案》各项任务。');
  assert.equal(row.actual, '92%');
});

test('a figure alone on its line under another of its column is the next row\'s: a figure never wraps (seed 7373, form 44)', async () => {
  // 按期完成率's 98% and its remark set at the top of its row, a caption's line above them: read with
  // the row above, whose own 97% is on its line, the actual read 97%98%.
  const { read: evaluation, expected } = await readFixture('layout-silent', 'seed-7373-form-0044-national-2020');
  const pick = (list: Evaluation['indicators']) => list.slice(5, 8).map((i) => [i.name, i.actual, i.remark ?? '']);
  assert.deepEqual(pick(evaluation.indicators), pick(expected.indicators));
});

test('a quantity alone on its line under another of its column is the next row\'s: 201吨 / 201吨 are two rows\' (seed 777, form 434)', async () => {
  // Two rows squeezed together, their lines interleaved: the second row's name and actual on the line
  // between the first row's and the second row's weight. Read as one cell, the actual was 201吨201吨.
  const { read: evaluation, expected } = await readFixture('layout-read', 'seed-777-form-0434-national-2020');
  assert.deepEqual(evaluation.indicators, expected.indicators);
});

test('a name and a target run together a space apart, the name\'s column left blank in the row: the first piece is the name, reported (seed 777, form 59)', async () => {
  // 参与单位满意度 满意 on the row's line, taken whole for the target: the row read no name.
  const { read: evaluation, named, expected } = await readFixture('layout-read', 'seed-777-form-0059-shanghai-2021');
  assert.deepEqual(evaluation.indicators, expected.indicators);
  assert.ok(['indicators[6].name', 'indicators[6].target'].every((p) => named.some((n) => n.endsWith(p))), named.join(', '));
});
