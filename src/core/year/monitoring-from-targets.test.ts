/** Monitoring made from approved targets: their table and budgets, the half year blank, a valid document. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { nationalTargets } from '../../../test/support/cycle-fixtures.ts';
import { checkMonitoringAgainstTargets } from '../checks/approved-targets.ts';
import { checkMonitoring } from '../checks/monitoring.ts';
import { validateMonitoring } from '../model/validate.ts';
import { templateRegistry } from '../templates/registry.ts';
import { createMonitoringFromTargets } from './monitoring-from-targets.ts';

test('the indicator table with ids and targets, the funding rows’ budgets, the project and goal; the rest blank', () => {
  const targets = nationalTargets();
  const m = createMonitoringFromTargets(targets, '2022-07-31');
  assert.ok(validateMonitoring(m).ok, JSON.stringify(validateMonitoring(m)));
  assert.deepEqual([m.year, m.asOf, m.template, m.project, m.annualGoal, m.progressSummary], [targets.year, '2022-07-31', targets.template, targets.project, targets.annualGoal, '']);
  assert.deepEqual(m.indicators.map(({ id, category, subcategory, name, target }) => ({ id, category, subcategory, name, target })), targets.indicators.map(({ id, category, subcategory, name, target }) => ({ id, category, subcategory, name, target })));
  assert.ok(m.indicators.every((i) => i.progress === '' && i.expectedYearEnd === '' && i.deviationCauses.length === 0 && i.likelihood === 'possible'));
  assert.deepEqual(m.funding, targets.funding!.map(({ source, budget }) => ({ source, budget, executedToDate: '', expectedYearEnd: '' })));
  assert.deepEqual(checkMonitoringAgainstTargets(m, targets), []);
  assert.deepEqual(checkMonitoring(m, templateRegistry().get(m.template)!).map((f) => f.code).filter((c) => c === 'MONITOR_LIKELIHOOD'), [], 'the likelihood claims nothing');
});

test('targets without funding rows: the monitoring has none (the project states its own figures)', () => {
  const targets = nationalTargets();
  delete targets.funding;
  delete targets.indicators[0]!.id;
  const m = createMonitoringFromTargets(targets, '2022-06-30');
  assert.equal(m.funding, undefined);
  assert.equal('id' in m.indicators[0]!, false);
});
