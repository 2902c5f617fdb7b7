/** Findings said with their row and indicator, in both languages. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { seedEvaluations, template } from '../../../test/support/fixtures.ts';
import { render } from '../locale/messages.ts';
import { cellMessage, indicatorIndexOf, placedMessage } from './place.ts';
import { evaluate } from './run-checks.ts';

function placed(change: (e: ReturnType<typeof seedEvaluations>[number]) => void) {
  const e = seedEvaluations()[2]!;
  change(e);
  return evaluate(e, template(e.template)).findings.map((f) => ({ path: f.path, zh: render(placedMessage(f, e), 'zh'), en: render(placedMessage(f, e), 'en') }));
}

test('a blank score names its row, indicator and field', () => {
  const found = placed((e) => {
    e.indicators[2]!.name = '金洽会展位面积';
    delete e.indicators[2]!.score;
  }).find((f) => f.path === 'indicators[2].score')!;
  assert.equal(found.zh, '第3行“金洽会展位面积”：自评分未填写');
  assert.equal(found.en, 'Row 3 “金洽会展位面积”: Score not filled');
});

test('two blank scores are two different sentences', () => {
  const found = placed((e) => {
    delete e.indicators[0]!.score;
    delete e.indicators[1]!.score;
  }).filter((f) => f.path.endsWith('.score') && f.zh.endsWith('自评分未填写'));
  assert.equal(found.length, 2);
  assert.notEqual(found[0]!.zh, found[1]!.zh);
  assert.match(found[0]!.zh, /^第1行“企业服务活动举办次数”/u);
  assert.match(found[1]!.zh, /^第2行/u);
});

test('an indicator without a name is said to have none', () => {
  const found = placed((e) => {
    e.indicators[4]!.name = '';
  }).find((f) => f.path === 'indicators[4].name')!;
  assert.equal(found.zh, '第5行“（未命名指标）”：指标名称未填写');
});

test('a message that names the indicator itself is not repeated', () => {
  const found = placed((e) => {
    e.indicators[3]!.score = 6;
    e.totals!.score = 99;
    e.problems = '活动响应有延迟';
  }).find((f) => f.path === 'indicators[3].score')!;
  assert.match(found.zh, /^第4行“[^”]+”：得分 6 低于权重 7，未说明扣分原因$/u);
});

test('a finding off the indicators keeps its sentence', () => {
  const found = placed((e) => {
    e.project.name = '';
  }).find((f) => f.path === 'project.name')!;
  assert.equal(found.zh, '“项目名称”未填写');
  assert.equal(indicatorIndexOf('project.name'), null);
  assert.equal(indicatorIndexOf('indicators[12].score'), 12);
  assert.equal(indicatorIndexOf('indicators'), null);
});

test('a block’s weight finding on its first row is said as the block’s', () => {
  const found = placed((e) => {
    e.indicators[0]!.weight = 8;
    e.indicators[0]!.score = 8;
  }).find((f) => f.path === 'indicators[0].weight')!;
  assert.match(found.zh, /^产出指标权重合计为/u);
});

test('under its row, a finding says only what is wrong with the cell', () => {
  const e = seedEvaluations()[2]!;
  delete e.indicators[1]!.score;
  const f = evaluate(e, template(e.template)).findings.find((x) => x.path === 'indicators[1].score')!;
  assert.equal(render(cellMessage(f), 'zh'), '自评分未填写');
  const other = evaluate({ ...e, project: { ...e.project, name: '' } }, template(e.template)).findings.find((x) => x.path === 'project.name')!;
  assert.equal(render(cellMessage(other), 'zh'), '“项目名称”未填写');
});
