/** The monitoring checks: each fails at its path and passes its near misses. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { nationalMonitoring } from '../../../test/support/cycle-fixtures.ts';
import { template } from '../../../test/support/fixtures.ts';
import { render } from '../locale/messages.ts';
import type { Monitoring } from '../model/monitoring.ts';
import { CYCLE_CHECKS, type CycleCheckCode } from './finding.ts';
import { checkMonitoring, timeProgress } from './monitoring.ts';

const national = template('national-2020');

function findings(m: Monitoring) {
  return checkMonitoring(m, national);
}

function at(m: Monitoring, code: CycleCheckCode): string[] {
  return findings(m).filter((f) => f.code === code).map((f) => f.path);
}

/** Executed to date, in 元, exactly `points` behind the time progress on the fixture's budget of 133590.00 (= 365 × 366 元). */
function behindBy(m: Monitoring, points: number): string {
  const { elapsed, days } = timeProgress(m)!;
  const budgetFen = 13_359_000;
  const fen = (budgetFen * elapsed) / days - (budgetFen / 100) * points;
  assert.ok(Number.isInteger(fen));
  return (fen / 100).toFixed(2);
}

function lessOneFen(amount: string): string {
  return ((Math.round(Number(amount) * 100) - 1) / 100).toFixed(2);
}

test('the on-track monitoring has no finding, in a leap year and not', () => {
  assert.deepEqual(findings(nationalMonitoring()), []);
  assert.deepEqual(findings(nationalMonitoring('2023-07-31', 2023)), []);
});

describe('MONITOR_EXECUTION_LAG', () => {
  for (const [asOf, year] of [['2024-07-31', 2024], ['2024-02-29', 2024], ['2023-03-01', 2023], ['2023-12-31', 2023]] as const) {
    test(`${asOf}: exactly 10 points behind is no lag, one fen less is`, () => {
      const m = nationalMonitoring(asOf, year);
      m.funding![0]!.executedToDate = behindBy(m, 10);
      assert.deepEqual(at(m, 'MONITOR_EXECUTION_LAG'), []);
      m.funding![0]!.executedToDate = lessOneFen(behindBy(m, 10));
      assert.deepEqual(at(m, 'MONITOR_EXECUTION_LAG'), ['funding[0].executedToDate']);
    });
  }

  test('the days of a leap year: 2024-02-29 is day 60 of 366, 2023-03-01 day 60 of 365', () => {
    assert.deepEqual(timeProgress({ year: 2024, asOf: '2024-02-29' }), { elapsed: 60, days: 366 });
    assert.deepEqual(timeProgress({ year: 2023, asOf: '2023-03-01' }), { elapsed: 60, days: 365 });
    assert.deepEqual(timeProgress({ year: 2024, asOf: '2024-07-31' }), { elapsed: 213, days: 366 });
  });

  test('an amount on the lag boundary of 2023 lags in 2024 (one day more elapsed by 1 March)', () => {
    const m2023 = nationalMonitoring('2023-03-01', 2023);
    const m2024 = nationalMonitoring('2024-03-01', 2024);
    m2023.funding![0]!.executedToDate = behindBy(m2023, 10);
    m2024.funding![0]!.executedToDate = behindBy(m2023, 10);
    assert.deepEqual(at(m2023, 'MONITOR_EXECUTION_LAG'), []);
    assert.deepEqual(at(m2024, 'MONITOR_EXECUTION_LAG'), ['funding[0].executedToDate']);
  });

  test('the message says the rate, the time progress and the margin, in both languages', () => {
    const m = nationalMonitoring();
    m.funding![0]!.executedToDate = '0.00';
    const f = findings(m).find((x) => x.code === 'MONITOR_EXECUTION_LAG')!;
    assert.equal(f.severity, 'warning');
    // 213 ÷ 366 = 58.196…% → 58.20
    assert.match(render(f.message, 'zh'), /截至 2024-07-31，预算执行率 0\.00%.*时间进度 58\.20% 超过 10 个百分点/u);
    assert.match(render(f.message, 'en'), /execution 0\.00% .* more than 10 points behind the time progress 58\.20%/u);
  });

  test("the project's own figures where there are no funding rows", () => {
    const m = nationalMonitoring();
    delete m.funding;
    m.project = { ...m.project, budgetCurrentYear: '36600.00', executedToDate: '100.00', expectedYearEnd: '36600.00' };
    assert.deepEqual(at(m, 'MONITOR_EXECUTION_LAG'), ['project.executedToDate']);
  });

  test('after the year everything is due; before it nothing; no budget, nothing to judge', () => {
    const late = nationalMonitoring('2025-01-15', 2024);
    late.funding![0]!.executedToDate = behindBy(late, 10);
    assert.equal(timeProgress(late)!.elapsed, 366);
    assert.deepEqual(at(late, 'MONITOR_EXECUTION_LAG'), []);
    late.funding![0]!.executedToDate = lessOneFen(late.funding![0]!.executedToDate);
    assert.deepEqual(at(late, 'MONITOR_EXECUTION_LAG'), ['funding[0].executedToDate']);
    const early = nationalMonitoring('2023-12-31', 2024);
    early.funding![0]!.executedToDate = '0.00';
    assert.deepEqual(at(early, 'MONITOR_EXECUTION_LAG'), []);
    const none = nationalMonitoring();
    none.funding![0] = { ...none.funding![0]!, budget: '0.00', executedToDate: '0.00', expectedYearEnd: '0.00' };
    assert.deepEqual(at(none, 'MONITOR_EXECUTION_LAG'), []);
  });

  test("the template's margin is the rule: 20 points allows what 10 does not", () => {
    const m = nationalMonitoring();
    m.funding![0]!.executedToDate = behindBy(m, 15);
    assert.deepEqual(at(m, 'MONITOR_EXECUTION_LAG'), ['funding[0].executedToDate']);
    const lenient = { ...national, documents: { ...national.documents, monitoring: { ...national.documents!.monitoring!, executionLagPoints: 20 } } };
    assert.deepEqual(checkMonitoring(m, lenient).filter((f) => f.code === 'MONITOR_EXECUTION_LAG'), []);
  });
});

describe('MONITOR_EXPECTED_OVERSPEND', () => {
  test('one fen above the budget is an error at the row; the budget itself is not', () => {
    const m = nationalMonitoring();
    m.funding!.push({ source: '其他资金', budget: '1000.00', executedToDate: '1000.00', expectedYearEnd: '1000.00' });
    assert.deepEqual(at(m, 'MONITOR_EXPECTED_OVERSPEND'), []);
    m.funding![1]!.expectedYearEnd = '1000.01';
    assert.deepEqual(at(m, 'MONITOR_EXPECTED_OVERSPEND'), ['funding[1].expectedYearEnd']);
    assert.equal(findings(m).find((f) => f.code === 'MONITOR_EXPECTED_OVERSPEND')!.severity, 'error');
  });

  test("on the project's figures without rows", () => {
    const m = nationalMonitoring();
    delete m.funding;
    m.project = { ...m.project, budgetCurrentYear: '500.00', executedToDate: '500.00', expectedYearEnd: '500.50' };
    assert.deepEqual(at(m, 'MONITOR_EXPECTED_OVERSPEND'), ['project.expectedYearEnd']);
  });
});

describe('MONITOR_OFF_TRACK and MONITOR_LIKELIHOOD', () => {
  // Indicator 5 of the example: 场馆开放满意度 ">=90%".
  const SAT = 4;

  test('short of the target with no cause: off track, and "certain" contradicts it', () => {
    const m = nationalMonitoring();
    m.indicators[SAT]!.expectedYearEnd = '89.9%';
    assert.deepEqual(at(m, 'MONITOR_OFF_TRACK'), [`indicators[${SAT}].deviationCauses`]);
    assert.deepEqual(at(m, 'MONITOR_LIKELIHOOD'), [`indicators[${SAT}].likelihood`]);
    const f = findings(m).find((x) => x.code === 'MONITOR_LIKELIHOOD')!;
    assert.match(render(f.message, 'zh'), /“确定能”/u);
    assert.match(render(f.message, 'en'), /"certain"/u);
  });

  test('a cause given, and a likelihood that agrees: nothing', () => {
    const m = nationalMonitoring();
    m.indicators[SAT]!.expectedYearEnd = '89.9%';
    m.indicators[SAT]!.deviationCauses = ['staffing'];
    m.indicators[SAT]!.likelihood = 'possible';
    assert.deepEqual(findings(m), []);
  });

  test('exactly the target reaches it; "impossible" then contradicts it', () => {
    const m = nationalMonitoring();
    m.indicators[SAT]!.expectedYearEnd = '90%';
    m.indicators[SAT]!.likelihood = 'impossible';
    assert.deepEqual(at(m, 'MONITOR_OFF_TRACK'), []);
    assert.deepEqual(at(m, 'MONITOR_LIKELIHOOD'), [`indicators[${SAT}].likelihood`]);
  });

  test('reverse targets, ranges and levels are compared by their own comparison', () => {
    const m = nationalMonitoring();
    Object.assign(m.indicators[0]!, { target: '≤5天', expectedYearEnd: '6天' });
    Object.assign(m.indicators[1]!, { target: '90%-95%', expectedYearEnd: '96%' });
    Object.assign(m.indicators[2]!, { target: '较满意', expectedYearEnd: '基本满意' });
    Object.assign(m.indicators[3]!, { target: '≥1万人次', expectedYearEnd: '1.2万人次' });
    assert.deepEqual(at(m, 'MONITOR_OFF_TRACK'), ['indicators[0].deviationCauses', 'indicators[1].deviationCauses', 'indicators[2].deviationCauses']);
  });

  test('a text target that cannot be compared says nothing, whatever the likelihood', () => {
    const m = nationalMonitoring();
    Object.assign(m.indicators[0]!, { target: '入选组委会刊', expectedYearEnd: '可能无法入选', likelihood: 'certain' });
    Object.assign(m.indicators[1]!, { target: '≥95%', expectedYearEnd: '95场', likelihood: 'impossible' });
    Object.assign(m.indicators[2]!, { expectedYearEnd: '' });
    assert.deepEqual(findings(m), []);
  });

  test('the severities are the table’s', () => {
    const m = nationalMonitoring();
    m.indicators[SAT]!.expectedYearEnd = '80%';
    for (const f of findings(m)) assert.equal(f.severity, CYCLE_CHECKS[f.code as CycleCheckCode]);
  });
});

test('a finding on an indicator is placed on its row, in the shorter wording', async () => {
  const { placedMessage } = await import('./place.ts');
  const m = nationalMonitoring();
  m.indicators[1]!.expectedYearEnd = '95%';
  const f = findings(m).find((x) => x.code === 'MONITOR_OFF_TRACK')!;
  assert.equal(render(placedMessage(f, m), 'zh'), '第2行“合同结算条款完成率”：全年预计完成“95%”达不到年度指标值“=100%”，未分析偏差原因');
});
