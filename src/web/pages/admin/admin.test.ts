import assert from 'node:assert/strict';
import { test } from 'node:test';
import { problemOf } from './RowProblems.tsx';

test('a list problem names its row and column (`row 3, 当年预算数 (budget)`); another path stands as it is', () => {
  assert.deepEqual(problemOf('row 3, 当年预算数 (budget)', 'unreadable', 0), { key: 0, row: 3, column: '当年预算数 (budget)', message: 'unreadable' });
  assert.deepEqual(problemOf('file', 'no header', 1), { key: 1, row: null, column: 'file', message: 'no header' });
});
