import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dayStart, formatDateTime, readTypedDate } from './dates.ts';

test('a picked day is the instant it begins in the reader\'s time zone; the day after ends it', () => {
  const start = dayStart('2026-03-01')!;
  const local = new Date(start);
  assert.deepEqual([local.getFullYear(), local.getMonth(), local.getDate(), local.getHours(), local.getMinutes()], [2026, 2, 1, 0, 0]);
  assert.match(start, /^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/u, 'the ISO time the server takes');
  const end = new Date(dayStart('2026-02-28', 1)!);
  assert.deepEqual([end.getMonth(), end.getDate()], [2, 1], 'the day after 28 February 2026 is 1 March');
  assert.equal(dayStart('yesterday'), null);
});

test('times with seconds when asked', () => {
  const shown = formatDateTime('2022-03-02T08:15:07Z', 'zh', { seconds: true });
  assert.match(shown, /:07$/u);
  assert.doesNotMatch(formatDateTime('2022-03-02T08:15:07Z', 'zh'), /:07$/u);
});

test('a typed date is read in the ways people write it, never made up', () => {
  for (const text of ['2099-06-30', '2099-6-30', ' 2099/6/30 ', '2099.6.30', '20990630']) assert.equal(readTypedDate(text), '2099-06-30', text);
  for (const text of ['30.6.2099', '2099-02-30', '2099-13-01', '2099/6', 'tomorrow', '', '2099-06-30x']) assert.equal(readTypedDate(text), null, text);
});
