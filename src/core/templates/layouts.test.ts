/** The layouts of the cycle's documents on the built-in templates (PRODUCT.md, "The cycle"). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { template } from '../../../test/support/fixtures.ts';
import { DEVIATION_CAUSES, LIKELIHOODS, monitoringIndicatorSchema } from '../model/monitoring.ts';
import { targetIndicatorSchema } from '../model/targets.ts';
import { printedColumns } from './template.ts';

test('national targets: 一级/二级/三级指标 and 指标值, on the 项目支出绩效目标申报表', () => {
  const layout = template('national-2020').documents!.targets!;
  assert.equal(layout.title.zh, '项目支出绩效目标申报表');
  assert.deepEqual(printedColumns(layout).map((c) => c.title.zh).slice(0, 4), ['一级指标', '二级指标', '三级指标', '指标值']);
  for (const key of ['project.name', 'project.budgetUnit', 'project.department', 'annualGoal', ...layout.fundingRows]) assert.ok(layout.fieldLabels[key], key);
  assert.deepEqual(layout.fundingRows.map((k) => layout.fieldLabels[k]!.zh), ['年度资金总额', '其中：财政拨款', '其他资金']);
});

test('national monitoring: the columns of the 项目支出绩效目标执行监控表, in order', () => {
  const layout = template('national-2020').documents!.monitoring!;
  assert.equal(layout.title.zh, '项目支出绩效目标执行监控表');
  assert.deepEqual(layout.columns.map((c) => c.field), ['category', 'subcategory', 'name', 'target', 'progress', 'expectedYearEnd', 'deviationCauses', 'likelihood', 'remark']);
  assert.equal(layout.defaultAsOf, '07-31');
  assert.equal(layout.executionLagPoints, 10);
  for (const cause of DEVIATION_CAUSES) assert.ok(layout.fieldLabels[`form.cause.${cause}`], cause);
  for (const likelihood of LIKELIHOODS) assert.ok(layout.fieldLabels[`form.likelihood.${likelihood}`], likelihood);
});

test('every column of a layout is a field of its document', () => {
  const fields = { targets: Object.keys(targetIndicatorSchema.shape), monitoring: Object.keys(monitoringIndicatorSchema.shape) };
  for (const id of ['national-2020', 'shanghai-2021']) {
    const documents = template(id).documents ?? {};
    for (const kind of ['targets', 'monitoring'] as const) {
      for (const column of documents[kind]?.columns ?? []) assert.ok(fields[kind].includes(column.field), `${id} ${kind} ${column.field}`);
    }
  }
});

test('Shanghai targets: the evaluation form’s own columns, less what happened', () => {
  const shanghai = template('shanghai-2021');
  const layout = shanghai.documents!.targets!;
  assert.deepEqual(layout.columns.map((c) => c.title.zh), shanghai.columns.filter((c) => ['category', 'name', 'target', 'weight', 'rule'].includes(c.field)).map((c) => c.title.zh));
  assert.equal(shanghai.documents!.monitoring, undefined);
});
