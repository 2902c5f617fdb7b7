import assert from 'node:assert/strict';
import { test } from 'node:test';
import { chinaDate, yearProgress, type ProgressUnit } from './progress.ts';

const units = new Map<string, ProgressUnit>([
  ['d1', { id: 'd1', code: '101', name: '文旅局', path: '/d1/' }],
  ['u1', { id: 'u1', code: '101002', name: '图书馆', path: '/d1/u1/' }],
  ['u2', { id: 'u2', code: '101001', name: '文化馆', path: '/d1/u2/' }],
  ['d2', { id: 'd2', code: '102', name: '体育局', path: '/d2/' }],
]);
const counts = [
  { unitId: 'u1', status: 'draft' as const, untouched: true, count: 2 },
  { unitId: 'u1', status: 'draft' as const, untouched: false, count: 1 },
  { unitId: 'u1', status: 'returned' as const, untouched: false, count: 1 },
  { unitId: 'u2', status: 'approved' as const, untouched: false, count: 3 },
  { unitId: 'd1', status: 'forwarded' as const, untouched: false, count: 1 },
  { unitId: 'd2', status: 'published' as const, untouched: false, count: 4 },
];

test('per department and unit; not started apart from drafts; overdue only after the deadline', () => {
  const before = yearProgress(2026, '2027-03-31', '2027-03-31', units, counts);
  assert.equal(before.pastDeadline, false, 'the deadline day itself is not late');
  assert.equal(before.totals.overdue, 0);
  const after = yearProgress(2026, '2027-03-31', '2027-04-01', units, counts);
  assert.equal(after.pastDeadline, true);
  assert.deepEqual(after.departments.map((d) => [d.unit.code, d.units.map((u) => u.unit.code)]), [['101', ['101', '101001', '101002']], ['102', ['102']]]);
  const library = after.departments[0]!.units.find((u) => u.unit.code === '101002')!;
  assert.deepEqual(library.counts, { notStarted: 2, draft: 1, submitted: 0, forwarded: 0, returned: 1, approved: 0, published: 0, total: 4, overdue: 4 });
  assert.deepEqual(after.departments[0]!.counts, { notStarted: 2, draft: 1, submitted: 0, forwarded: 1, returned: 1, approved: 3, published: 0, total: 8, overdue: 4 });
  assert.equal(after.totals.total, 12);
  assert.equal(yearProgress(2026, null, '2099-01-01', units, counts).pastDeadline, false, 'no deadline, nothing overdue');
});

test('the date in China: a deadline ends at midnight Beijing time', () => {
  assert.equal(chinaDate(new Date('2027-03-31T15:59:59Z')), '2027-03-31');
  assert.equal(chinaDate(new Date('2027-03-31T16:00:00Z')), '2027-04-01');
});
