import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { gapReport, type FormToReport } from './gap-report.ts';
import { scoreProblems, type RecheckIndicator } from './recheck-scores.ts';

const indicator = (index: number, weight: number, selfScore: number | null): RecheckIndicator => ({
  index, category: '产出指标', name: `指标${index}`, target: null, actual: null, weight, selfScore,
});
const office = { id: 'u1', name: '金融服务办公室' };
const centre = { id: 'u2', name: '金融服务中心' };

function form(id: string, unit = office, scores: Array<[number, number]> = [], selfScores: Array<number | null> = [10, 20.5, 0.1]): FormToReport {
  return {
    evaluationId: id, unit, project: `项目${id}`,
    indicators: selfScores.map((s, i) => indicator(i, [10, 30, 0.5][i]!, s)),
    scores: scores.map(([i, score]) => ({ indicator: i, score, reason: score === selfScores[i] ? null : '复核' })),
  };
}

test('per form: self and re-check per indicator, totals in exact hundredths, gap = re-check − self', () => {
  const report = gapReport([form('f1', office, [[0, 8], [1, 20.5], [2, 0.2]])], 1);
  const f = report.forms[0]!;
  assert.equal(f.complete, true);
  assert.equal(f.selfTotal, 30.6);
  assert.equal(f.recheckTotal, 28.7);
  assert.equal(f.gap, -1.9);
  assert.equal(f.flagged, true);
  assert.deepEqual(f.indicators.map((i) => i.gap), [-2, 0, 0.1]);
});

test('flags: the size of the gap strictly over the threshold, either sign; incomplete forms never', () => {
  const cases: Array<[Array<[number, number]>, number, boolean | null]> = [
    [[[0, 5], [1, 20.5], [2, 0.1]], 5, false], // gap −5, threshold 5: not over
    [[[0, 4.99], [1, 20.5], [2, 0.1]], 5, true],
    [[[0, 10], [1, 26.5], [2, 0.1]], 5, true], // +6
    [[[0, 10], [1, 20.5], [2, 0.1]], 0, false],
    [[[0, 0]], 1, null], // incomplete
  ];
  for (const [scores, threshold, flagged] of cases) {
    const f = gapReport([form('x', office, scores)], threshold).forms[0]!;
    assert.equal(f.flagged, flagged === true, JSON.stringify(scores));
    if (flagged === null) assert.deepEqual([f.complete, f.gap, f.recheckTotal], [false, null, null]);
  }
});

test('per unit: drawn, re-checked, flagged, mean and mean absolute gap (half-up, 2 decimals), largest gap with its sign', () => {
  const report = gapReport(
    [
      form('a', office, [[0, 9], [1, 20.5], [2, 0.1]]), // −1
      form('b', office, [[0, 10], [1, 22.5], [2, 0.1]]), // +2
      form('c', office, [[0, 3], [1, 20.5], [2, 0.1]]), // −7
      form('d', office),
      form('e', centre, [[0, 10], [1, 20.5], [2, 0.1]]), // 0
    ],
    5,
  );
  assert.deepEqual(report.units.map((u) => [u.unit.name, u.drawn, u.rechecked, u.flagged, u.meanGap, u.meanAbsoluteGap, u.maxGap]), [
    ['金融服务办公室', 4, 3, 1, -2, 3.33, -7],
    ['金融服务中心', 1, 1, 0, 0, 0, 0],
  ]);
  assert.deepEqual([report.overall.drawn, report.overall.rechecked, report.overall.flagged, report.overall.meanGap, report.overall.meanAbsoluteGap], [5, 4, 1, -1.5, 2.5]);
  assert.equal(gapReport([form('d')]).overall.meanGap, null);
});

test('0.1 + 0.2 is 0.3: totals never drift', () => {
  const f = gapReport([form('z', office, [[0, 0.1], [1, 0.2], [2, 0]], [0, 0, 0])], 5).forms[0]!;
  assert.equal(f.recheckTotal, 0.3);
  assert.equal(f.gap, 0.3);
});

test('score problems: unknown or repeated indicator, range, decimals, reason where the score differs', () => {
  const indicators = [indicator(0, 10, 10), indicator(1, 5, null)];
  const cases: Array<[unknown[], string[]]> = [
    [[{ indicator: 0, score: 10, reason: null }], []],
    [[{ indicator: 0, score: 9, reason: '  ' }], ['scores[0].reason:recheck.reasonRequired']],
    [[{ indicator: 0, score: 9, reason: '实际完成 8 场' }], []],
    [[{ indicator: 1, score: 5, reason: null }], ['scores[0].reason:recheck.reasonRequired']],
    [[{ indicator: 2, score: 1, reason: 'x' }], ['scores[0].indicator:recheck.unknownIndicator']],
    [[{ indicator: 0, score: 10, reason: null }, { indicator: 0, score: 10, reason: null }], ['scores[1].indicator:recheck.duplicateIndicator']],
    [[{ indicator: 0, score: 10.01, reason: 'x' }], ['scores[0].score:recheck.scoreRange']],
    [[{ indicator: 0, score: -1, reason: 'x' }], ['scores[0].score:recheck.scoreRange']],
    [[{ indicator: 0, score: 1.234, reason: 'x' }], ['scores[0].score:recheck.scoreRange']],
  ];
  for (const [scores, expected] of cases) {
    const got = scoreProblems(indicators, scores as never).map((p) => `${p.path}:${p.message.key}`);
    assert.deepEqual(got, expected, JSON.stringify(scores));
  }
});

test('property: the form gap is the sum of the indicator gaps, and re-checking with the self scores gives no gap', () => {
  const points = (max: number) => fc.integer({ min: 0, max: max * 100 }).map((h) => h / 100);
  fc.assert(
    fc.property(fc.array(fc.tuple(points(30), points(30)), { minLength: 1, maxLength: 15 }), (pairs) => {
      const indicators = pairs.map(([self], i) => indicator(i, 30, self));
      const f = gapReport([{ evaluationId: 'p', unit: office, project: 'p', indicators, scores: pairs.map(([, r], i) => ({ indicator: i, score: r, reason: 'r' })) }], 5).forms[0]!;
      const sumHundredths = f.indicators.reduce((s, i) => s + Math.round(i.gap! * 100), 0);
      assert.equal(Math.round(f.gap! * 100), sumHundredths);
      assert.equal(Math.round(f.recheckTotal! * 100) - Math.round(f.selfTotal * 100), sumHundredths);
      const same = gapReport([{ evaluationId: 'p', unit: office, project: 'p', indicators, scores: pairs.map(([s], i) => ({ indicator: i, score: s, reason: null })) }], 0).forms[0]!;
      assert.equal(same.gap, 0);
      assert.equal(same.flagged, false);
    }),
  );
});
