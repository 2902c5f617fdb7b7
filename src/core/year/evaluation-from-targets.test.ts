import assert from 'node:assert/strict';
import { test } from 'node:test';
import { nationalTargets } from '../../../test/support/cycle-fixtures.ts';
import { template } from '../../../test/support/fixtures.ts';
import { checkAgainstTargets } from '../checks/approved-targets.ts';
import { evaluate } from '../checks/run-checks.ts';
import { TARGETS_SCHEMA_ID, type Targets } from '../model/targets.ts';
import { validateEvaluation } from '../model/validate.ts';
import { createEvaluationFromTargets } from './evaluation-from-targets.ts';

test('the indicator table is the targets’, ids kept; what happened is blank', () => {
  const targets = nationalTargets();
  targets.indicators[0]!.rule = '完成率100%得满分';
  const e = createEvaluationFromTargets(targets, template('national-2020'));
  assert.ok(validateEvaluation(e).ok);
  assert.deepEqual(e.indicators, JSON.parse(JSON.stringify(targets.indicators)));
  assert.deepEqual(e.indicators.map((i) => i.id), targets.indicators.map((i) => i.id));
  for (const i of e.indicators) for (const key of ['actual', 'score', 'remark', 'level']) assert.equal(i[key as keyof typeof i], undefined, key);
  assert.equal(e.project.executed, '');
  assert.equal(e.actualOutcome, '');
  assert.equal(e.totals, undefined);
  assert.equal(e.annualGoal, targets.annualGoal);
  assert.equal(e.year, targets.year);
  assert.deepEqual(checkAgainstTargets(e, targets), []);
});

test('the declared amounts go to the rows of the same kind, however the two forms word them', () => {
  const targets = nationalTargets();
  targets.funding = [
    { source: '年度资金总额', budget: '300000.00' },
    { source: '其中：财政拨款', budget: '280000.00' },
    { source: '其他资金', budget: '20000.00' },
  ];
  const e = createEvaluationFromTargets(targets, template('national-2020'));
  assert.deepEqual(e.funding!.map((row) => [row.source, row.initial, row.adjusted, row.executed]), [
    ['年度资金总额', '300000.00', '', ''],
    ['其中：当年财政拨款', '280000.00', '', ''],
    ['上年结转资金', '', '', ''],
    ['其他资金', '20000.00', '', ''],
  ]);
  assert.equal(e.project.budgetInitial, '300000.00');
});

test('a Shanghai evaluation from Shanghai targets: its own blank form, the project as declared', () => {
  const targets: Targets = {
    schema: TARGETS_SCHEMA_ID,
    template: 'shanghai-2021',
    year: 2025,
    project: { name: '金融服务宣传', budgetUnit: '区金融服务办公室', budgetCurrentYear: '414400.00', recurring: true },
    annualGoal: '举办宣传活动',
    indicators: [{ category: 'output', name: '宣传场次', target: '≥10场', weight: 45, rule: '满10场得满分' }],
  };
  const e = createEvaluationFromTargets(targets, template('shanghai-2021'));
  assert.equal(e.template, 'shanghai-2021');
  assert.equal(e.funding, undefined);
  assert.deepEqual([e.project.name, e.project.budgetUnit, e.project.budgetCurrentYear, e.project.recurring], ['金融服务宣传', '区金融服务办公室', '414400.00', true]);
  assert.deepEqual(e.indicators, targets.indicators);
  // Made from targets, the form is incomplete only in what happened.
  const missing = evaluate(e, template('shanghai-2021')).findings.filter((f) => f.code === 'MISSING_FIELD').map((f) => f.path);
  assert.ok(missing.includes('indicators[0].score') && missing.includes('project.executed'));
  assert.ok(!missing.some((p) => /target|weight|name|annualGoal/u.test(p)), missing.join());
});
