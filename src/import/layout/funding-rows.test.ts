import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readTextForms } from '../text/read-text-forms.ts';
import { at } from './layout-excerpt.testing.ts';

const readFile = (lines: string[]) => readTextForms({ file: 'form.txt', bytes: new TextEncoder().encode(lines.join('\n')) });
const read = async (lines: string[]) => (await readFile(lines)).forms[0]!;

const HEAD = [
  at([37, '项目支出绩效自评表']),
  at([45, '（2020年度）']),
  '',
  at([2, '项目名称'], [13, '社区图书角运营']),
  '',
  at([2, '主管部门'], [13, '某区文化局'], [46, '实施单位'], [60, '综合科']),
  '',
];

test('the funding block: amounts printed above or below their source join its row, the heading printed low spans the block', async () => {
  const form = await read([
    ...HEAD,
    at([23, '年初预算数'], [41, '全年预算数'], [59, '全年执行数'], [72, '分值'], [78, '执行率'], [88, '得分']),
    at([60, '2,976.939']),
    at([12, '年度资金总额'], [24, '3,591.00'], [42, '3,591.00'], [73, '10'], [78, '82.90%'], [88, '8.29']),
    '',
    at([11, '其中：当年财政拨款']),
    at([0, '项目资金（万元）']),
    '',
    at([24, '3,591.00'], [60, '2,976.939']),
    at([12, '上年结转资金'], [42, '3,591.00']),
    '',
    at([13, '其他资金']),
    at([0, '年度总体目标'], [37, '预期目标'], [61, '实际完成情况']),
    '',
  ]);
  const { project, funding, execution } = form.evaluation;
  assert.deepEqual([project.budgetInitial, project.budgetCurrentYear, project.executed, project.executionRate], ['35910000.00', '35910000.00', '29769390.00', '82.90']);
  assert.deepEqual(execution, { weight: 10, score: 8.29 });
  assert.deepEqual(
    funding?.map((f) => [f.source, f.initial, f.adjusted, f.executed]),
    [
      ['年度资金总额', '35910000.00', '35910000.00', '29769390.00'],
      ['上年结转资金', '35910000.00', '35910000.00', '29769390.00'],
    ],
  );
});

/** The sources read, with their three amounts. */
const sources = (form: Awaited<ReturnType<typeof read>>) => form.evaluation.funding?.map((f) => [f.source, f.initial, f.adjusted, f.executed]);
const GOALS = [at([0, '年度总体目标'], [37, '预期目标'], [61, '实际完成情况']), ''];

test('the heading set at the top of its cell prints right above the column titles, and spans the block', async () => {
  const titles = at([23, '年初预算数'], [41, '全年预算数'], [59, '全年执行数'], [72, '分值'], [78, '执行率'], [88, '得分']);
  const total = at([12, '年度资金总额'], [24, '3,591.00'], [42, '3,591.00'], [60, '2,976.939'], [73, '10'], [78, '82.90%'], [88, '8.29']);
  const form = await read([...HEAD, at([0, '项目资金（万元）']), titles, '', total, '', at([13, '其他资金'], [24, '3,591.00'], [42, '3,591.00'], [60, '2,976.939']), '', ...GOALS]);
  const amounts = ['35910000.00', '35910000.00', '29769390.00'];
  assert.deepEqual(sources(form), [['年度资金总额', ...amounts], ['其他资金', ...amounts]]);
  assert.equal(form.evaluation.project.executionRate, '82.90');
});

test('a wide amount set right in its column, past the middle of 分值 beside it, is its column\'s on a later source\'s row', async () => {
  const titles = at([22, '年初预算数'], [40, '全年预算数'], [60, '全年执行数'], [75, '分值'], [84, '执行率'], [95, '得分']);
  const total = at([0, '项目资金（万元）'], [11, '年度资金总额'], [24, '7,604.00'], [43, '7,604.00'], [58, '5,246.76'], [76, '10'], [84, '69.00%'], [96, '6.9']);
  const form = await read([...HEAD, titles, '', total, '', at([11, '上年结转资金'], [22, '3,613.248226'], [42, '2,134.45614'], [71, '2,046.2364']), '', ...GOALS]);
  assert.deepEqual(sources(form)?.[1], ['上年结转资金', '36132482.26', '21344561.40', '20462364.00']);
  assert.deepEqual(form.evaluation.execution, { weight: 10, score: 6.9 });
});

test('two columns whose wrapped text meets with a single space between make both fields unclear', async () => {
  const lines = [
    ...HEAD,
    at([0, '年度总体目标']),
    at([20, '预期目标'], [60, '实际完成情况']),
    '',
    at([10, '全年完成主要工作任务，服务对象满意度较高，']),
    at([10, '管理制度进一步健全，确保资金使用安全规范 健全服务机制']),
    at([10, '受疫情影响部分活动取消。']),
  ];
  const file = await readFile(lines);
  const form = file.forms[0]!;
  const flagged = new Set(file.diagnostics.filter((d) => d.code === 'LAYOUT_CELL_UNCLEAR').map((d) => d.path));
  for (const field of ['annualGoal', 'actualOutcome'] as const) {
    if (form.evaluation[field]) assert.ok(flagged.has(`evaluations[0].${field}`), field);
  }
  assert.ok(flagged.size > 0);
});

test('the 项目资金 heading set at the top of its cell, beside the column titles, spans the block: the goal under a blank 其他资金 row is no source (seed 16, form 42)', async () => {
  const form = await read([
    ...HEAD,
    at([0, '项目资金（万元）'], [23, '年初预算数'], [41, '全年预算数'], [72, '得分']),
    at([59, '全年执行数'], [66, '分值'], [78, '执行率']),
    at([12, '年度资金总额'], [24, '3,591.00'], [42, '3,591.00'], [60, '2,976.939'], [67, '10'], [78, '82.90%'], [88, '8.29']),
    '',
    at([11, '其中：当年财政拨款'], [24, '3,591.00'], [42, '3,591.00'], [60, '2,976.939']),
    '',
    at([13, '其他资金']),
    '',
    at([1, '年度总体目标'], [49, '预期目标']),
    at([93, '实际完成情况']),
    '',
    at([11, '细化绩效目标，强化过程管理，按计划推进。'], [97, '组织开展专项检查2次，资金使用规范。']),
    '',
  ]);
  const { funding, annualGoal } = form.evaluation;
  assert.deepEqual(funding?.map((f) => f.source), ['年度资金总额', '其中：当年财政拨款']);
  assert.equal(annualGoal, '细化绩效目标，强化过程管理，按计划推进。');
});

test('a source label wrapped in a narrow cell, its amount a space after it, is the row\'s label and the amount its 年初预算数 (seed 16, form 28)', async () => {
  const form = await read([
    ...HEAD,
    at([42, '全年预算数']),
    at([19, '年初预算数'], [64, '全年执行数'], [86, '分值'], [92, '执行率'], [107, '得分']),
    '',
    at([10, '年度资金'], [18, '66,000,000.00'], [57, '5,102,381.21'], [87, '10'], [92, '59.40%'], [108, '5.94']),
    at([11, '总额']),
    at([44, '8,589,867.35']),
    '',
    at([10, '其中：当'], [18, '66,000,000.00'], [57, '5,102,381.21']),
    at([10, '年财政拨'], [44, '8,589,867.35']),
    at([0, '项目资金（元）'], [12, '款']),
    '',
  ]);
  const { project, funding } = form.evaluation;
  assert.deepEqual([project.budgetInitial, project.executed], ['66000000.00', '5102381.21']);
  assert.deepEqual([funding?.[0]?.source, funding?.[0]?.initial], ['年度资金总额', '66000000.00']);
});

test('a later source whose three amounts print shifted right, past 分值 and 执行率, has them in its three amount columns in order', async () => {
  const titles = at([23, '年初预算数'], [41, '全年预算数'], [59, '全年执行数'], [72, '分值'], [78, '执行率'], [88, '得分']);
  const total = at([12, '年度资金总额'], [24, '3,591.00'], [42, '3,591.00'], [60, '2,976.939'], [73, '10'], [78, '82.90%'], [88, '8.29']);
  const form = await read([...HEAD, at([0, '项目资金（万元）']), titles, '', total, '', at([13, '其他资金'], [26, '3,591.00'], [56, '3,591.00'], [79, '2,976.939']), '', ...GOALS]);
  const amounts = ['35910000.00', '35910000.00', '29769390.00'];
  assert.deepEqual(sources(form), [['年度资金总额', ...amounts], ['其他资金', ...amounts]]);
});

test('sources wrapped in a narrow column right of where the first column starts, beside a long heading in the titles\' row, stay the rows\' labels (seed 777, form 452)', async () => {
  const form = await read([
    ...HEAD,
    at([0, '项目资金（万元'], [20, '年初预算数'], [47, '全年预算数'], [69, '全年执行数'], [84, '分值'], [90, '执行率'], [103, '得分']),
    at([3, '）']),
    at([10, '年度资金'], [72, '3,544.71']),
    at([11, '总额']),
    at([29, '4,470.00'], [52, '4,470.00'], [84, '10'], [91, '79.30%'], [103, '7.93']),
    '',
    at([10, '上年结转'], [25, '4,470.00'], [48, '4,470.00'], [71, '3,544.71']),
    at([11, '资金']),
    '',
    at([10, '其他资金']),
    '',
    ...GOALS,
  ]);
  const amounts = ['44700000.00', '44700000.00', '35447100.00'];
  assert.deepEqual(sources(form), [['年度资金总额', ...amounts], ['上年结转资金', ...amounts]]);
  assert.equal(form.evaluation.project.budgetInitial, '44700000.00');
});

test("a source's amounts set lower in its row, right above the next source: they join the source printing amounts already, reported (fresh seed 2468, form 66)", async () => {
  // 上年结转资 / 金 with its 年初预算数 set at the top; 全年预算数 and 全年执行数 centred, a line above 其他资金,
  // which prints none: by the lines alone they were 其他资金's, a wrong value no diagnostic named.
  const result = await readFile([
    ...HEAD,
    at([23, '年初预算数'], [41, '全年预算数'], [59, '全年执行数'], [72, '分值'], [78, '执行率'], [88, '得分']),
    at([60, '271.366752'], [78, '65.00%'], [88, '6.5']),
    '',
    at([12, '年度资金总额'], [24, '417.487311'], [42, '417.487311'], [73, '10']),
    '',
    at([11, '其中：当年财政拨款']),
    at([0, '项目资金（万元）']),
    '',
    at([11, '上年结转资'], [24, '417.487311']),
    at([13, '金']),
    at([42, '417.487311'], [60, '271.366752']),
    at([9, '其他资金']),
    ...GOALS,
  ]);
  assert.deepEqual(sources(result.forms[0]!), [
    ['年度资金总额', '4174873.11', '4174873.11', '2713667.52'],
    ['上年结转资金', '4174873.11', '4174873.11', '2713667.52'],
  ]);
  // The guessed amounts are named, with a message of their own; the source's name and its 年初预算数, set where they belong, are not.
  const named = result.diagnostics.filter((d) => d.message.key === 'layout.amountsGuessed').map((d) => d.path);
  assert.deepEqual(named.sort(), ['evaluations[0].funding[1].adjusted', 'evaluations[0].funding[1].executed']);
  const doubted = result.diagnostics.flatMap((d) => (d.path?.startsWith('evaluations[0].funding[1]') ? [d.path] : []));
  assert.deepEqual([...new Set(doubted)].sort(), named);
});
