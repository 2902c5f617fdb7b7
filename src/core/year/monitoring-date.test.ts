/** The year's monitoring date: a month and day or a full date of the year, else the template's default. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { monitoringAsOf, monitoringDateIn } from './monitoring-date.ts';

test('a month and day, or a date of the year; no other day', () => {
  assert.equal(monitoringDateIn(2024, '07-31'), '2024-07-31');
  assert.equal(monitoringDateIn(2024, '2024-06-30'), '2024-06-30');
  assert.equal(monitoringDateIn(2024, '02-29'), '2024-02-29', 'a leap year');
  assert.equal(monitoringDateIn(2023, '02-29'), null, 'not a leap year');
  for (const wrong of ['02-30', '13-01', '00-10', '2023-06-30', '7-31', '2024-7-31', '']) assert.equal(monitoringDateIn(2024, wrong), null, wrong);
});

test('the as-of date: the setting, else the template’s default, else 07-31', () => {
  assert.equal(monitoringAsOf(2024, '06-30', '07-31'), '2024-06-30');
  assert.equal(monitoringAsOf(2024, null, '08-31'), '2024-08-31');
  assert.equal(monitoringAsOf(2024, null), '2024-07-31');
  assert.equal(monitoringAsOf(2023, '02-29', '07-31'), '2023-07-31', 'a setting that names no day of the year is not used');
});
