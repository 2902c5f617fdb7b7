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

test('the scatter draws one bubble per cell, red where a form scores more than 5 points above its rate (seed form 1: 62.16 % / 95)', () => {
  const option = scatterOption(
    {
      bin: 2,
      cells: [
        { rate: 62, score: 94, count: 1, highScoreLowExecution: 1 },
        { rate: 100, score: 100, count: 4, highScoreLowExecution: 0 },
      ],
    },
    { rate: 'rate', score: 'score', forms: (count, odd) => `${count}/${odd}` },
  ) as { series: { data: { value: number[]; itemStyle: { color: string } }[]; symbolSize: (v: number[]) => number }[]; tooltip: { formatter: (p: unknown) => string } };
  const [series] = option.series;
  assert.deepEqual(series!.data.map((d) => d.value), [[63, 95, 1], [101, 101, 4]]);
  assert.notEqual(series!.data[0]!.itemStyle.color, series!.data[1]!.itemStyle.color);
  assert.ok(series!.symbolSize([63, 95, 1]) < series!.symbolSize([101, 101, 4]), 'a fuller cell is a bigger bubble');
  assert.equal(option.tooltip.formatter({ data: series!.data[0] }), 'rate 62–64%<br/>score 94–96<br/>1/1');
});

test('year options run back from this year', () => {
  assert.deepEqual(yearOptions(new Date('2022-06-01'), 3).map((o) => o.value), ['2022', '2021', '2020']);
});

test('the inbox: the finance reviewer gets forwarded forms first, a department reviewer submitted ones', () => {
  const items = [row(1, 'submitted', '2022-03-05'), row(2, 'forwarded', '2022-03-01'), row(3, 'approved', '2022-03-09')];
  assert.deepEqual(inboxOrder(items, 'reviewer').map((r) => r.id), [2, 1, 3]);
  assert.deepEqual(inboxOrder(items, 'department').map((r) => r.id), [1, 2, 3]);
});
