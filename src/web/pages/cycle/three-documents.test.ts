import assert from 'node:assert/strict';
import { test } from 'node:test';
import { nationalMonitoring, nationalTargets, nationalWithIds } from '../../../../test/support/cycle-fixtures.ts';
import { threeDocuments } from './three-documents.ts';

test('three documents: every approved indicator in a row, nothing marked where the three agree', () => {
  const targets = nationalTargets();
  const rows = threeDocuments(targets, nationalMonitoring(), nationalWithIds());
  assert.equal(rows.length, targets.indicators.length);
  assert.deepEqual(rows.flatMap((r) => r.deviations), []);
  assert.equal(rows[0]!.monitored?.id, 'ind-1');
  assert.equal(rows[0]!.evaluated?.id, 'ind-1');
});

test('three documents: a changed target, a changed weight, an indicator off track, one removed and one added are marked on their rows', () => {
  const targets = nationalTargets();
  const monitoring = nationalMonitoring();
  // 完成率 =100%, expected 80 %: off track; a near miss (100 %) is on track (test 1).
  const numeric = 0;
  assert.equal(monitoring.indicators[numeric]!.target, '=100%');
  monitoring.indicators[numeric]!.expectedYearEnd = '80%';
  const evaluation = nationalWithIds();
  evaluation.indicators[1]!.target = `${evaluation.indicators[1]!.target}（调整）`;
  evaluation.indicators[2]!.weight = (evaluation.indicators[2]!.weight ?? 0) + 1;
  const [removed] = evaluation.indicators.splice(3, 1);
  evaluation.indicators.push({ id: 'new-1', category: 'output', name: '新增指标', target: '1项', weight: 0 });
  const rows = threeDocuments(targets, monitoring, evaluation);
  assert.ok(rows[numeric]!.deviations.includes('offTrack'), 'the expected value below the target is off track');
  assert.deepEqual(rows[1]!.deviations.filter((d) => d !== 'offTrack'), ['targetChanged']);
  assert.deepEqual(rows[2]!.deviations.filter((d) => d !== 'offTrack'), ['weightChanged']);
  assert.deepEqual(rows[3]!.deviations.filter((d) => d !== 'offTrack'), ['removed']);
  assert.equal(rows[3]!.name, removed!.name);
  assert.deepEqual([rows.at(-1)!.name, rows.at(-1)!.deviations], ['新增指标', ['added']]);
  assert.equal(rows.length, targets.indicators.length + 1);
});

test('three documents: without monitoring or evaluation the approved targets stand alone, unmarked', () => {
  const rows = threeDocuments(nationalTargets(), null, null);
  assert.ok(rows.every((r) => r.monitored === null && r.evaluated === null && r.deviations.length === 0));
});
