import assert from 'node:assert/strict';
import { test } from 'node:test';
import { reporter } from './diagnostics.ts';
import { readFormFields } from './form-fields.ts';
import { classified, shanghai } from './test-support.ts';

const BARE = '预算单位\n是否为经常性项目\n上年预算金额（元）\n预算执行率（%）\n';

function fields(text: string) {
  const rep = reporter('f.txt', 0);
  const read = readFormFields(classified(text), shanghai, rep);
  return { values: Object.fromEntries([...read.values].map(([k, v]) => [k, v.value])), codes: rep.diagnostics.map((d) => d.code) };
}

test('bare right-hand labels take the last word of the row printed before them', () => {
  const { values } = fields(`${BARE}项目名称 金融业务费用 上海市普陀区金融服务办公室\n具体实施处（科室） 金融服务科 是\n当年预算数（元） 414,400.00 960,000.00\n预算执行数（元） 257,602.00 62.16%`);
  assert.deepEqual(values, {
    'project.name': '金融业务费用',
    'project.budgetUnit': '上海市普陀区金融服务办公室',
    'project.department': '金融服务科',
    'project.recurring': '是',
    'project.budgetCurrentYear': '414,400.00',
    'project.budgetPreviousYear': '960,000.00',
    'project.executed': '257,602.00',
    'project.executionRate': '62.16%',
  });
});

test('a blank department leaves 是 to the recurring flag', () => {
  const { values } = fields(`${BARE}具体实施处（科室） 是`);
  assert.equal(values['project.department'], '');
  assert.equal(values['project.recurring'], '是');
});

test('without the bare labels, extra words after an amount are reported', () => {
  const { values, codes } = fields('当年预算数（元） 414,400.00 960,000.00');
  assert.equal(values['project.budgetCurrentYear'], '414,400.00');
  assert.deepEqual(codes, ['EXTRA_VALUE']);
});

test('a field printed twice with different values is reported, the first kept', () => {
  const { values, codes } = fields('绩效等级 优秀\n绩效等级 良好');
  assert.equal(values.grade, '优秀');
  assert.deepEqual(codes, ['DUPLICATE_FIELD']);
});

test('合计 with its numbers wrapped onto the lines below', () => {
  const { values } = fields('合计\n100\n\n95');
  assert.equal(values['totals.score'], '100 95');
});
