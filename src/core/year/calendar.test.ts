import assert from 'node:assert/strict';
import { test } from 'node:test';
import { calendarDate, dayOfYear, daysElapsed, daysInYear } from './calendar.ts';

test('days of the year, leap years included', () => {
  assert.deepEqual([2023, 2024, 1900, 2000].map(daysInYear), [365, 366, 365, 366]);
  const day = (iso: string) => dayOfYear(calendarDate(iso)!);
  assert.deepEqual(['2024-01-01', '2024-02-29', '2024-03-01', '2023-03-01', '2024-07-31', '2023-07-31', '2024-12-31'].map(day), [1, 60, 61, 60, 213, 212, 366]);
});

test('days elapsed are clamped to the year', () => {
  assert.equal(daysElapsed(2024, calendarDate('2023-12-31')!), 0);
  assert.equal(daysElapsed(2024, calendarDate('2025-01-01')!), 366);
});
