import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Summary } from '../api/types.ts';
import { scatterOption } from './dashboard/charts.ts';
import { inboxOrder } from './list/inbox.ts';
import { yearOptions } from './years.ts';

const row = (id: number, status: Summary['status'], updatedAt: string): Summary => ({ id, year: 2021, unit: { id: 1, name: 'u' }, project: `p${id}`, template: 'shanghai-2021', status, version: 1, score: null, grade: null, executionRate: null, budget: null, updatedAt });

test('the inbox puts submitted evaluations first, newest first within a status', () => {
  const ordered = inboxOrder([row(1, 'published', '2022-03-05'), row(2, 'submitted', '2022-03-01'), row(3, 'submitted', '2022-03-04'), row(4, 'returned', '2022-03-09')]);
  assert.deepEqual(ordered.map((r) => r.id), [3, 2, 4, 1]);
});

test('the scatter marks a high score on a low execution rate (seed form 1: 62.16 % / 95)', () => {
  const option = scatterOption(
    [
      { id: 1, project: '金融业务费用', unit: 'a', executionRate: '62.16', score: 95, grade: '优秀' },
      { id: 2, project: '中介机构服务费', unit: { id: 1, name: 'a' }, executionRate: '100.00', score: 100, grade: '优秀' },
      { id: 3, project: 'no rate', unit: 'a', executionRate: null, score: 80, grade: '良好' },
    ],
    { rate: 'rate', score: 'score' },
  ) as { series: { data: { name: string; itemStyle: { color: string } }[] }[] };
  const data = option.series[0]!.data;
  assert.deepEqual(data.map((d) => d.name), ['金融业务费用', '中介机构服务费']);
  assert.notEqual(data[0]!.itemStyle.color, data[1]!.itemStyle.color);
});

test('year options run back from this year', () => {
  assert.deepEqual(yearOptions(new Date('2022-06-01'), 3).map((o) => o.value), ['2022', '2021', '2020']);
});
