import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { nationalMonitoring, nationalTargets } from '../../../test/support/cycle-fixtures.ts';
import { templateRegistry } from '../../core/templates/registry.ts';
import { LayoutLabels } from '../../import/cycle/layout-labels.ts';
import { blankCycleForm } from './blank-cycle-form.ts';
import { monitoringForm, targetsForm } from './cycle-form.ts';

const national = templateRegistry().get('national-2020')!;
const shanghai = templateRegistry().get('shanghai-2021')!;

describe('the targets form', () => {
  test('national: title, year under it, the funding block in the printed unit, the unprinted 评分规则 left out', () => {
    const targets = nationalTargets();
    targets.project.amountUnit = '万元';
    targets.funding![1]!.budget = '215457.60';
    const form = targetsForm(targets, national);
    assert.equal(form.title, '项目支出绩效目标申报表');
    assert.equal(form.subtitle, '（2022年度）');
    assert.equal(form.funding!.heading.text, '项目资金（万元）');
    assert.equal(form.funding!.rows[1]!.values[0]!.text, '21.54576');
    assert.deepEqual(form.table.columns.map((c) => c.title), ['一级指标', '二级指标', '三级指标', '指标值', '分值']);
    assert.equal(form.table.rows[0]![0]!.text, '产出指标');
  });

  test('Shanghai: the year in the title, 是/否 and amounts in 元 in the project fields, 评分规则 printed', () => {
    const targets = { ...nationalTargets(), template: shanghai.id, funding: undefined };
    targets.project = { ...targets.project, recurring: true, budgetCurrentYear: '1234567.8' };
    const form = targetsForm(targets, shanghai);
    assert.equal(form.title, '2022年度财政项目绩效目标申报表');
    assert.equal(form.funding, undefined);
    assert.equal(form.fields.find((f) => f.label.source === 'project.recurring')!.value.text, '是');
    assert.equal(form.fields.find((f) => f.label.source === 'project.budgetCurrentYear')!.value.text, '1,234,567.80');
    assert.ok(form.table.columns.some((c) => c.field === 'rule'));
  });

  test('funding rows on a layout without a 项目资金 block are refused, not dropped', () => {
    assert.throws(() => targetsForm({ ...nationalTargets(), template: shanghai.id }, shanghai), /no 项目资金 block/u);
  });
});

describe('the monitoring form', () => {
  test('the month of the as-of date in the column titles; the rate exact; causes and likelihood in the form’s words', () => {
    const monitoring = nationalMonitoring('2024-03-31');
    monitoring.funding![0]!.executedToDate = '33397.50';
    monitoring.indicators[0]!.deviationCauses = ['rules', 'other'];
    monitoring.indicators[0]!.likelihood = 'impossible';
    const form = monitoringForm(monitoring, national);
    assert.ok(form.table.columns.some((c) => c.title === '1—3月执行情况'));
    assert.deepEqual(form.funding!.columns.map((c) => c.text), ['年初预算数', '1—3月执行数', '1—3月执行率', '全年预计执行数']);
    assert.equal(form.funding!.rows[0]!.values[2]!.text, '25.00%');
    const row = form.table.rows[0]!.map((c) => c.text);
    assert.ok(row.includes('制度保障、其他'));
    assert.ok(row.includes('完全不可能'));
    assert.deepEqual(form.goal.heads.map((h) => h.text), ['全年目标', '1—3月执行情况']);
  });

  test('without funding rows the project states its budget and spending in the fields', () => {
    const monitoring = { ...nationalMonitoring(), funding: undefined };
    monitoring.project = { ...monitoring.project, budgetCurrentYear: '100.00', executedToDate: '50.00', expectedYearEnd: '100.00' };
    const form = monitoringForm(monitoring, national);
    assert.equal(form.funding, undefined);
    assert.deepEqual(form.fields.filter((f) => f.value.number).map((f) => f.label.text), ['全年预算数', '1—7月执行数', '全年预计执行数']);
  });
});

describe('blank forms and the labels read back', () => {
  test('the blank national monitoring form: the layout’s funding rows, a row per 二级指标, the default month', () => {
    const form = blankCycleForm(national, 'monitoring');
    assert.equal(form.subtitle, '（    年度）');
    assert.deepEqual(form.funding!.rows.map((r) => r.source.text), ['年度资金总额', '其中：当年财政拨款', '上年结转资金', '其他资金']);
    assert.equal(form.table.rows.length, national.categories.reduce((n, c) => n + c.subcategories.length, 0));
    assert.ok(form.table.columns.some((c) => c.title === '1—7月执行情况'));
  });

  test('a label with a parameter matches whatever the form printed there, and gives it back', () => {
    const labels = new LayoutLabels(national.documents!.monitoring!);
    assert.deepEqual(labels.match('form.fundingHeading', '项目资金 (万元)'), ['万元']);
    assert.equal(labels.columnOf('1—11月执行情况'), 'progress');
    assert.equal(labels.columnOf('执行情况'), 'progress');
    assert.equal(labels.columnOf('实际完成值'), undefined);
    assert.equal(labels.wordOf('有可能', ['form.likelihood.certain', 'form.likelihood.possible']), 'form.likelihood.possible');
  });
});
