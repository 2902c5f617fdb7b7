import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readLayoutText } from './read-layout-forms.ts';
import { at } from './layout-excerpt.testing.ts';

const read = (lines: string[]) => readLayoutText({ file: 'form.txt', bytes: new Uint8Array() }, lines.join('\n'));

const TABLE = [
  '',
  at([2, '一级指标'], [16, '指标名称'], [34, '目标值'], [46, '权重'], [54, '评分规则'], [76, '自评分'], [86, '备注']),
  '',
  at([0, '产出指标(100分)'], [16, '开放天数'], [34, '≥250天'], [46, '100'], [54, '开放满250天'], [77, '90']),
  '',
  at([18, '合计'], [46, '100'], [77, '90']),
];

test('a figure ending a text wrapped in its cell, the next label centred between its lines, goes on with that text (seed 16, forms 49 and 68)', async () => {
  // 项目名称's value set at the top of its cell, 预算单位 centred beside it: …运用 / 预算单位 / 49.
  const result = await read([
    '                                    2021年度财政项目绩效自评价',
    at([1, '项目名称'], [71, '南京市松江区民政局']),
    at([10, '细化绩效目标，强化过程管理和结果运用']),
    at([51, '预算单位']),
    at([10, '49']),
    ...TABLE,
  ]);
  const project = result.forms[0]!.evaluation.project;
  assert.equal(project.name, '细化绩效目标，强化过程管理和结果运用49');
  assert.equal(project.budgetUnit, '南京市松江区民政局');
});

test('a value two blank lines over a label wrapped over three lines, beside the next label, is that label\'s: one printed row (seed 9191, form 91)', async () => {
  // 当年预算数's value set at the top of a tall row, 上年预算金额 beside it; 当年预算 / 数（元） centred and
  // 上年预算金额's value beside it: read apart, 当年预算数 took the figure right of it, 上年预算金额's.
  const result = await read([
    '                                    2024年度财政项目绩效自评价',
    at([0, '项目名称'], [8, '社区图书角运营'], [52, '预算单位'], [69, '苏州市青浦区教育局']),
    '',
    at([27, '89,940,000.00'], [50, '上年预算金额（元）']),
    '',
    '',
    at([0, '当年预算']),
    at([82, '151,037.71']),
    at([0, '数（元）']),
    '',
    at([0, '预算执行数（元）'], [36, '0.00'], [50, '预算执行率（%）'], [87, '0.00%']),
    ...TABLE,
  ]);
  const project = result.forms[0]!.evaluation.project;
  assert.deepEqual([project.budgetCurrentYear, project.budgetPreviousYear], ['89940000.00', '151037.71']);
});

test('text set under a wrapped value at its left edge is a value of its own (seed 16, form 58)', async () => {
  // 杭州市…委员会 is 主管部门's, set at the top of its row: not the end of the name above it.
  const result = await read([
    '                                    2021年度财政项目绩效自评价',
    at([10, '落实《实施方案》各项任务，项目58']),
    at([1, '项目名称']),
    at([10, '杭州市普陀区卫生健康委员会'], [78, '实施单位']),
    at([1, '主管部门'], [100, '计划财务科']),
    ...TABLE,
  ]);
  assert.equal(result.forms[0]!.evaluation.project.name, '落实《实施方案》各项任务，项目58');
});

test('two labelled lines that are one printed row, each value a line off its label, are joined before the values left of a label move away (seed 777, form 35)', async () => {
  // 当年预算数's value is set at the bottom of its cell, 上年预算金额's at the top: on each line a label
  // stands beside the other's value. Read alone, 45,750,000.00 went down to 预算执行数.
  const result = await read([
    '                                        2021年度财政项目绩效自评价',
    at([4, '项目名称'], [15, '社区图书角运营'], [92, '预算单位'], [110, '某区文化局']),
    '',
    at([2, '当年预算数（元）'], [117, '2,247,524.82']),
    at([52, '45,750,000.00'], [73, '上年预算金额（元）']),
    '',
    at([2, '预算执行数（元）']),
    at([52, '18,345,750.00'], [73, '预算执行率（%）'], [123, '40.10%']),
    ...TABLE,
  ]);
  const project = result.forms[0]!.evaluation.project;
  assert.deepEqual([project.budgetCurrentYear, project.budgetPreviousYear, project.executed], ['45750000.00', '2247524.82', '18345750.00']);
});

test('a label alone two lines above a row that reads label, value … with the label right under it joins no row (seed 777, form 435)', async () => {
  // 8,071,513.94 is 当年预算数's, set a line above it: 具体实施处（科室） (left blank) two lines up is no partner.
  const result = await read([
    '                                        2021年度财政项目绩效自评价',
    at([4, '项目名称'], [15, '社区图书角运营'], [92, '预算单位'], [110, '某区文化局']),
    '',
    at([1, '具体实施处（科室）']),
    '',
    at([51, '8,071,513.94'], [71, '上年预算金额（元）'], [110, '44,500,000.00']),
    at([1, '当年预算数（元）']),
    '',
    at([1, '预算执行数（元）'], [58, '6,788,143.22'], [78, '预算执行率（%）'], [122, '84.10%']),
    ...TABLE,
  ]);
  const project = result.forms[0]!.evaluation.project;
  assert.deepEqual([project.department || undefined, project.budgetCurrentYear, project.budgetPreviousYear], [undefined, '8071513.94', '44500000.00']);
});

test('the totals printed a line under 合计 stay the table\'s, not the value of 自评时间 below them', async () => {
  // 合计 set at the top of its row, its figures centred a line below; 自评时间 centred in its row, its date under it.
  const result = await read([
    '                                    2021年度财政项目绩效自评价',
    at([1, '项目名称'], [14, '社区图书角运营'], [51, '预算单位'], [71, '南京市松江区民政局']),
    ...TABLE.slice(0, -1),
    at([18, '合计']),
    at([46, '100'], [77, '90']),
    '',
    at([1, '自评时间']),
    at([22, '2024.3.14'], [46, '绩效等级'], [76, '优秀']),
  ]);
  const evaluation = result.forms[0]!.evaluation;
  assert.deepEqual(evaluation.totals, { weight: 100, score: 90 });
  assert.equal(evaluation.evaluatedOn, '2024-03-14');
  assert.equal(evaluation.grade, '优秀');
});

test('a grade printed a line under 绩效等级 answers it, not the text block whose row it fell into', async () => {
  // 绩效等级's cell set in the middle of a taller row: 合格 prints between it and 主要绩效.
  const result = await read([
    '                                    2021年度财政项目绩效自评价',
    at([1, '项目名称'], [14, '社区图书角运营'], [51, '预算单位'], [71, '南京市松江区民政局']),
    ...TABLE,
    '',
    at([1, '自评时间'], [20, '2023.3.15'], [46, '绩效等级']),
    '',
    at([75, '合格']),
    '',
    '',
    at([1, '主要绩效'], [14, '完成年度各项工作任务']),
  ]);
  const evaluation = result.forms[0]!.evaluation;
  assert.equal(evaluation.grade, '合格');
  assert.equal(evaluation.achievements, '完成年度各项工作任务');
});

test('a date printed under 自评时间, left of 绩效等级, answers 自评时间 once the grade beside that label has gone to 绩效等级', async () => {
  const result = await read([
    '                                    2021年度财政项目绩效自评价',
    at([1, '项目名称'], [14, '社区图书角运营'], [51, '预算单位'], [71, '南京市松江区民政局']),
    ...TABLE,
    '',
    at([3, '自评时间'], [90, '良好']),
    at([28, '2023.3.17'], [60, '绩效等级']),
    '',
    '',
    at([3, '主要绩效']),
    at([3, '主要问题'], [14, '完成年度各项工作任务']),
  ]);
  const evaluation = result.forms[0]!.evaluation;
  assert.equal(evaluation.evaluatedOn, '2023-03-17');
  assert.equal(evaluation.grade, '良好');
  assert.ok(!evaluation.achievements);
});

test('a value left of the next label, on a line touching the row above, is the label above\'s; the wrapped label below keeps its own (seed 777, forms 449 and 467)', async () => {
  // 项目名称's value set two lines under it, beside 预算单位, whose value wraps from 项目名称's line
  // onto the next; 具体实施处（科室） wrapped, its value on its second line. The name's value used to go,
  // across the blank lines, to 具体实施处（科室）, whose own value was then left over.
  const result = await read([
    '                             2023年度财政项目绩效自评价',
    at([2, '项目名称'], [72, '覆盖全区15个街镇，部分工作受客观因素']),
    at([72, '影响推进较慢，预算执行进度有待']),
    at([12, '个别指标完成情况未449'], [58, '预算单位']),
    '',
    '',
    '',
    at([0, '具体实施处（科室']),
    at([3, '）'], [9, '业务二科'], [57, '是否为经常性项目'], [82, '否']),
    ...TABLE,
  ]);
  const project = result.forms[0]!.evaluation.project;
  assert.equal(project.name, '个别指标完成情况未449');
  assert.equal(project.budgetUnit, '覆盖全区15个街镇，部分工作受客观因素影响推进较慢，预算执行进度有待');
  assert.equal(project.department, '业务二科');
});

test('a label alone at the top of a tall row, blank lines under it, joins the row it is set over (seed 777, forms 33 and 469)', async () => {
  // 预算单位 printed high, two blank lines above the name's wrapped value, 项目名称 and the unit's value.
  const result = await read([
    '                         2024年度财政项目绩效自评价',
    '',
    at([46, '预算单位']),
    '',
    '',
    at([11, '完成年度各项工作任务，提升服务质量和管理水平，']),
    at([1, '项目名称'], [11, '确保资金使用安全、规范、高效'], [78, '南京市虹口区体育局']),
    at([11, '实施进度滞后33']),
    ...TABLE,
  ]);
  const project = result.forms[0]!.evaluation.project;
  assert.equal(project.budgetUnit, '南京市虹口区体育局');
  assert.equal(project.name, '完成年度各项工作任务，提升服务质量和管理水平，确保资金使用安全、规范、高效实施进度滞后33');
});

test('a value alone on a line far right of the name, beside no column of it, goes to the label beside it below (seed 777, forms 130 and 450)', async () => {
  // 实施单位's value is set at the top of its cell, a line above the label centred in its row: it
  // falls into the name's row, but right of the name's value and in no column of it.
  const result = await read([
    '                                          项目支出绩效自评表',
    '',
    '                                                    （2022年度）',
    at([10, '实施进度滞后130']),
    at([1, '项目名称']),
    at([89, '服务中心']),
    at([1, '主管部门'], [10, '杭州市嘉定区卫生健康委员会'], [63, '实施单位']),
    ...TABLE,
  ]);
  const project = result.forms[0]!.evaluation.project;
  assert.deepEqual([project.name, project.budgetUnit, project.department], ['实施进度滞后130', '杭州市嘉定区卫生健康委员会', '服务中心']);
});


test('a value left of the next label, as near the bare label under it as the row above, is left for the label under it (seed 1470, form 248)', async () => {
  // 主管部门 centred in its row, its value and 实施单位 set at the top: the value's line touches both the
  // name's line and 主管部门's. Joined to the name's row, the name read on into the budget unit.
  const result = await read([
    '                                      项目支出绩效自评表',
    '                                              （2024年度）',
    '',
    at([1, '项目名称'], [11, '覆盖全区15个街镇，推进数字化248']),
    at([11, '上海市徐汇区金融服务办公室'], [57, '实施单位'], [83, '业务二科']),
    at([1, '主管部门']),
    ...TABLE,
  ]);
  const project = result.forms[0]!.evaluation.project;
  assert.deepEqual([project.name, project.budgetUnit, project.department], ['覆盖全区15个街镇，推进数字化248', '上海市徐汇区金融服务办公室', '业务二科']);
});

test('a label alone a line over the row of its value, as near as the next labelled row under it, takes the value (seed 1470, form 177)', async () => {
  // 上年预算金额（元） set at the top of its cell, its figure beside 当年预算数（元 / ） and its figure,
  // 预算执行率（%） and its rate a line under them: the figure's row joins the label above, which has none.
  const result = await read([
    '                             2023年度财政项目绩效自评价',
    at([1, '项目名称'], [12, '社区图书角运营'], [58, '预算单位'], [72, '上海市杨浦区金融服务办公室']),
    '',
    at([56, '上年预算金额（元）']),
    at([0, '当年预算数（元']),
    at([34, '64,870,000.00'], [87, '7,527,415.90']),
    at([3, '）']),
    at([56, '预算执行率（%）'], [92, '67.70%']),
    ...TABLE,
  ]);
  const project = result.forms[0]!.evaluation.project;
  assert.deepEqual([project.budgetCurrentYear, project.budgetPreviousYear, project.executionRate], ['64870000.00', '7527415.90', '67.70']);
});
