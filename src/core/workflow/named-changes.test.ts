import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fieldChanges } from './field-changes.ts';
import { nameIndicators } from './named-changes.ts';

const before = { project: { name: 'P' }, indicators: [{ name: '宣传场次', score: 9 }, { name: '满意度', score: 5 }] };

test('a change inside an indicator names it; other changes are left as they are', () => {
  const after = { project: { name: 'Q' }, indicators: [{ name: '宣传场次' }, { name: '满意度', score: 4 }] };
  const named = nameIndicators(fieldChanges(before, after), before, after);
  assert.deepEqual(named, [
    { path: 'project.name', from: 'P', to: 'Q' },
    { path: 'indicators[0].score', from: 9, to: null, indicator: { index: 0, name: '宣传场次' } },
    { path: 'indicators[1].score', from: 5, to: 4, indicator: { index: 1, name: '满意度' } },
  ]);
});

test('a removed indicator is named from before; a renamed one by its new name', () => {
  const removed = { ...before, indicators: [before.indicators[0]!] };
  assert.deepEqual(nameIndicators(fieldChanges(before, removed), before, removed)[0]?.indicator, { index: 1, name: '满意度' });
  const renamed = { ...before, indicators: [{ name: '宣传活动场次', score: 9 }, before.indicators[1]!] };
  assert.deepEqual(nameIndicators(fieldChanges(before, renamed), before, renamed)[0]?.indicator, { index: 0, name: '宣传活动场次' });
});

test('an indicator without a name gets no name', () => {
  const a = { indicators: [{ name: '' }] };
  const b = { indicators: [{ name: '', score: 1 }] };
  assert.deepEqual(nameIndicators(fieldChanges(a, b), a, b), [{ path: 'indicators[0].score', from: null, to: 1 }]);
});
