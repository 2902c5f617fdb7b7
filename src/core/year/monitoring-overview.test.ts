/** The monitoring view by department and unit: counts and exact sums. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { nationalMonitoring } from '../../../test/support/cycle-fixtures.ts';
import { template } from '../../../test/support/fixtures.ts';
import { monitoringOverview, type MonitoringOverviewRow } from './monitoring-overview.ts';
import { summarizeMonitoring } from './monitoring-summary.ts';

const national = template('national-2020');

function row(department: string, unit: string, budget: string, executed: string, expected: string, offTrack = false): MonitoringOverviewRow {
  const m = nationalMonitoring();
  m.funding = [{ source: '年度资金总额', budget, executedToDate: executed, expectedYearEnd: expected }];
  if (offTrack) m.indicators[4]!.expectedYearEnd = '80%';
  return { department, unit, ...summarizeMonitoring(m, national) };
}

test('counts and sums by department and unit, ordered, with the totals', () => {
  const rows = [
    row('B局', 'B局本级', '0.10', '0.10', '0.10'),
    row('A局', 'A2', '0.20', '0.00', '0.20', true),
    row('A局', 'A1', '1000.00', '100.00', '1000.05'),
    row('A局', 'A1', '0.70', '0.70', '0.70'),
  ];
  const o = monitoringOverview(rows);
  assert.deepEqual(o.departments.map((d) => [d.department, d.units.map((u) => u.unit)]), [['A局', ['A1', 'A2']], ['B局', ['B局本级']]]);
  const a1 = o.departments[0]!.units[0]!.figures;
  assert.deepEqual(a1, {
    projects: 2, offTrack: 0, offTrackWithoutCause: 0, impossible: 0, behindTimeProgress: 1, overspendExpected: 1, expectedOverspend: '0.05',
    withSpending: 2, budget: '1000.70', executedToDate: '100.70', executionRate: '10.06',
  });
  // 0.1 + 0.2 + 0.7 in fen, not in floats (0.30000000000000004 …).
  assert.equal(o.totals.budget, '1001.00');
  assert.equal(o.totals.executedToDate, '100.80');
  assert.deepEqual([o.totals.projects, o.totals.offTrack, o.totals.offTrackWithoutCause, o.totals.behindTimeProgress, o.totals.overspendExpected], [4, 1, 1, 2, 1]);
  assert.deepEqual(o.departments[1]!.figures, o.departments[1]!.units[0]!.figures);
});

test('a project without spending figures counts as monitored but not in the money', () => {
  const m = nationalMonitoring();
  m.funding = [{ source: '年度资金总额', budget: '500.00', executedToDate: '', expectedYearEnd: '' }];
  const o = monitoringOverview([{ department: 'd', unit: 'u', ...summarizeMonitoring(m, national) }, row('d', 'u', '100.00', '50.00', '100.00')]);
  assert.deepEqual([o.totals.projects, o.totals.withSpending, o.totals.budget, o.totals.executionRate], [2, 1, '100.00', '50.00']);
  assert.equal(monitoringOverview([]).totals.executionRate, null);
});

test("on a synthetic province, each department's figures are the overview of its rows alone, and the totals its departments'", async () => {
  const { syntheticCycles } = await import('../../demo/synthetic-cycle.ts');
  const { BUILT_IN_TEMPLATES } = await import('../templates/registry.ts');
  const rows: MonitoringOverviewRow[] = [];
  for (const c of syntheticCycles({ units: 30, projectsPerUnit: 8, years: [2024, 2024], seed: 3 }, BUILT_IN_TEMPLATES)) {
    const unit = c.monitoring.project.budgetUnit!;
    rows.push({ department: unit.slice(0, 3), unit, ...summarizeMonitoring(c.monitoring, BUILT_IN_TEMPLATES.find((t) => t.id === c.monitoring.template)!) });
  }
  const o = monitoringOverview(rows);
  assert.ok(o.departments.length > 1 && o.departments.some((d) => d.units.length > 1));
  assert.ok(o.totals.offTrack > 0 && o.totals.behindTimeProgress > 0 && o.totals.offTrack < rows.length);
  for (const d of o.departments) {
    const own = rows.filter((r) => r.department === d.department);
    assert.deepEqual(monitoringOverview(own).totals, d.figures);
    for (const u of d.units) assert.deepEqual(monitoringOverview(own.filter((r) => r.unit === u.unit)).totals, u.figures);
  }
  const fen = (s: string) => BigInt(s.replace('.', ''));
  assert.equal(o.departments.reduce((a, d) => a + fen(d.figures.budget), 0n), fen(o.totals.budget));
  assert.equal(o.totals.projects, rows.length);
  assert.equal(o.totals.budget, (rows.filter((r) => r.executionRate !== null).reduce((a, r) => a + fen(r.budget!), 0n)).toString().replace(/(\d\d)$/u, '.$1'));
});
