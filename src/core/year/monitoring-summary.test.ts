/** The dashboard's summary of a monitoring: exact figures, the total row chosen, the checks' judgements. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { nationalMonitoring } from '../../../test/support/cycle-fixtures.ts';
import { template } from '../../../test/support/fixtures.ts';
import { checkMonitoring } from '../checks/monitoring.ts';
import type { Monitoring } from '../model/monitoring.ts';
import { randomSource } from '../../demo/synthetic-evaluations.ts';
import { MONITORING_SUMMARY_KEYS, summarizeMonitoring } from './monitoring-summary.ts';

const national = template('national-2020');
const shanghai = template('shanghai-2021');

test('the on-track example: all spent, ahead of the time progress, nothing off track', () => {
  const s = summarizeMonitoring(nationalMonitoring(), national);
  assert.deepEqual(s, {
    asOf: '2024-07-31', budget: '133590.00', executedToDate: '133590.00', expectedYearEnd: '133590.00',
    // 213 ÷ 366 = 58.196…%
    executionRate: '100.00', timeProgress: '58.20', pointsBehind: '-41.80',
    spendingBehind: false, overspendExpected: false, expectedOverspend: '0.00',
    indicators: 5, indicatorsOffTrack: 0, indicatorsOffTrackWithoutCause: 0, indicatorsImpossible: 0, indicatorsNotComparable: 0,
  });
});

test('flat and JSON-serialisable, with exactly the keys storage keeps as columns', () => {
  const s = summarizeMonitoring(nationalMonitoring(), national);
  assert.deepEqual(Object.keys(s).sort(), [...MONITORING_SUMMARY_KEYS].sort());
  for (const value of Object.values(s)) assert.ok(value === null || ['string', 'number', 'boolean'].includes(typeof value));
  assert.deepEqual(JSON.parse(JSON.stringify(s)), s);
});

test('the 年度资金总额 row is the total; its parts are not added to it', () => {
  const m = nationalMonitoring();
  m.funding = [
    { source: '年度资金总额', budget: '1000.00', executedToDate: '300.00', expectedYearEnd: '1000.00' },
    { source: '其中：当年财政拨款', budget: '800.00', executedToDate: '250.00', expectedYearEnd: '800.00' },
    { source: '上年结转资金', budget: '200.00', executedToDate: '50.00', expectedYearEnd: '200.00' },
  ];
  const s = summarizeMonitoring(m, national);
  assert.equal(s.budget, '1000.00');
  assert.equal(s.executedToDate, '300.00');
  assert.equal(s.executionRate, '30.00');
  assert.equal(s.pointsBehind, '28.20');
  assert.equal(s.spendingBehind, true);
});

test('without a total row the rows are its parts and add up; a blank amount adds nothing', () => {
  const m = nationalMonitoring();
  m.funding = [
    { source: '其中：当年财政拨款', budget: '800.10', executedToDate: '600.05', expectedYearEnd: '800.10' },
    { source: '上年结转资金', budget: '199.90', executedToDate: '', expectedYearEnd: '199.90' },
  ];
  const s = summarizeMonitoring(m, national);
  assert.deepEqual([s.budget, s.executedToDate, s.expectedYearEnd, s.executionRate], ['1000.00', '600.05', '1000.00', '60.01']);
});

test("the project's own figures where there are no rows (the Shanghai projects); nothing stated, nothing computed", () => {
  const m: Monitoring = { ...nationalMonitoring(), template: 'shanghai-2021' };
  delete m.funding;
  m.project = { ...m.project, budgetCurrentYear: '3.00', executedToDate: '1.00', expectedYearEnd: '3.00' };
  const s = summarizeMonitoring(m, shanghai);
  // 1 ÷ 3 = 33.333…% and 58.196…%: the points behind are those of the figures as shown.
  assert.deepEqual([s.executionRate, s.timeProgress, s.pointsBehind, s.spendingBehind], ['33.33', '58.20', '24.87', true]);
  m.project = { ...m.project, executedToDate: undefined, expectedYearEnd: undefined };
  const blank = summarizeMonitoring(m, shanghai);
  assert.deepEqual([blank.executedToDate, blank.executionRate, blank.pointsBehind, blank.expectedOverspend, blank.spendingBehind], [null, null, null, null, false]);
  m.project = { ...m.project, budgetCurrentYear: '0.00', executedToDate: '0.00' };
  assert.equal(summarizeMonitoring(m, shanghai).executionRate, null);
});

test('overspend: the check on any line; the amount on the total', () => {
  const m = nationalMonitoring();
  m.funding = [
    { source: '年度资金总额', budget: '1000.00', executedToDate: '1000.00', expectedYearEnd: '1000.00' },
    { source: '其中：当年财政拨款', budget: '800.00', executedToDate: '800.00', expectedYearEnd: '850.00' },
  ];
  let s = summarizeMonitoring(m, national);
  assert.deepEqual([s.overspendExpected, s.expectedOverspend], [true, '0.00']);
  m.funding[0]!.expectedYearEnd = '1000.01';
  s = summarizeMonitoring(m, national);
  assert.deepEqual([s.overspendExpected, s.expectedOverspend], [true, '0.01']);
  m.funding = [m.funding[0]!];
  m.funding[0]!.expectedYearEnd = '1000.00';
  assert.deepEqual([summarizeMonitoring(m, national).overspendExpected, summarizeMonitoring(m, national).expectedOverspend], [false, '0.00']);
});

test('indicators: off track with and without a cause, impossible, not comparable', () => {
  const m = nationalMonitoring();
  Object.assign(m.indicators[0]!, { target: '≤5天', expectedYearEnd: '6天', deviationCauses: ['staffing'], likelihood: 'impossible' });
  Object.assign(m.indicators[1]!, { target: '≥95%', expectedYearEnd: '90%', deviationCauses: [], likelihood: 'possible' });
  Object.assign(m.indicators[2]!, { target: '入选组委会刊', expectedYearEnd: '可能无法入选', likelihood: 'impossible' });
  Object.assign(m.indicators[3]!, { target: '≥1万人次', expectedYearEnd: '1.2万人次' });
  const s = summarizeMonitoring(m, national);
  assert.deepEqual([s.indicators, s.indicatorsOffTrack, s.indicatorsOffTrackWithoutCause, s.indicatorsImpossible, s.indicatorsNotComparable], [5, 2, 1, 2, 1]);
});

test('over many amounts and dates, behind and overspend are exactly what the checks find', () => {
  const random = randomSource(16);
  const dates = ['2024-01-01', '2024-02-29', '2024-07-31', '2024-12-31', '2023-07-31', '2025-03-01'];
  let behind = 0;
  for (let i = 0; i < 2000; i++) {
    const m = nationalMonitoring(random.pick(dates), 2024);
    const budget = random.int(1, 50_000_000);
    const fen = (n: number) => (n / 100).toFixed(2);
    m.funding = Array.from({ length: random.int(1, 3) }, () => ({
      source: random.pick(['年度资金总额', '其中：当年财政拨款', '其他资金']),
      budget: fen(budget),
      executedToDate: fen(random.int(0, budget)),
      expectedYearEnd: fen(budget + random.int(-5, 2)),
    }));
    const s = summarizeMonitoring(m, national);
    const codes = new Set(checkMonitoring(m, national).map((f) => f.code));
    assert.equal(s.spendingBehind, codes.has('MONITOR_EXECUTION_LAG'), JSON.stringify(m.funding));
    assert.equal(s.overspendExpected, codes.has('MONITOR_EXPECTED_OVERSPEND'), JSON.stringify(m.funding));
    if (s.spendingBehind) behind++;
  }
  assert.ok(behind > 200 && behind < 1800, `both outcomes occur (${behind} behind)`);
});
