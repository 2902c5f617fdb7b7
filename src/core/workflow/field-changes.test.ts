import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fieldChanges } from './field-changes.ts';

test('field changes: leaves by path, added and removed elements whole, nothing for equal values', () => {
  const before = { year: 2021, project: { name: 'A', executed: '1.00' }, indicators: [{ name: 'x', score: 3 }, { name: 'y' }] };
  const after = { year: 2021, project: { name: 'B', executed: '1.00', department: 'd' }, indicators: [{ name: 'x', score: 2.5 }] };
  assert.deepEqual(fieldChanges(before, after), [
    { path: 'project.name', from: 'A', to: 'B' },
    { path: 'project.department', from: null, to: 'd' },
    { path: 'indicators[0].score', from: 3, to: 2.5 },
    { path: 'indicators[1]', from: { name: 'y' }, to: null },
  ]);
  assert.deepEqual(fieldChanges(before, structuredClone(before)), []);
});

test('field changes: a value that changes kind is one change', () => {
  assert.deepEqual(fieldChanges({ a: [1] }, { a: 'x' }), [{ path: 'a', from: [1], to: 'x' }]);
  assert.deepEqual(fieldChanges({ s: 'draft' }, { s: 'submitted' }), [{ path: 's', from: 'draft', to: 'submitted' }]);
});
