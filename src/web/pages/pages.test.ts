import assert from 'node:assert/strict';
import { test } from 'node:test';
import { scatterOption } from './dashboard/charts.ts';
import { inboxStatuses, listQuery } from './list/inbox.ts';
import { translate } from '../locale/i18n.tsx';
import { recheckGapProblem } from './recheck/recheck-problem.ts';
import type { RecheckForm } from './recheck/recheck-types.ts';
import { yearOptions } from './years.ts';

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

test('the inbox is the server\'s needsMyAction; its status filter offers what may wait for the role (the core\'s rule)', () => {
  assert.deepEqual(inboxStatuses('reviewer'), ['submitted', 'forwarded']);
  assert.deepEqual(inboxStatuses('department'), ['submitted']);
  assert.deepEqual(inboxStatuses('approver'), ['draft', 'returned']);
  assert.deepEqual(inboxStatuses('preparer'), ['draft', 'returned']);
  assert.equal(inboxStatuses('admin'), null);
  assert.equal(inboxStatuses(undefined), null);
});

test('a status filter narrows the inbox to one of its statuses; one outside it is not the inbox\'s', () => {
  assert.deepEqual(listQuery(inboxStatuses('reviewer'), ''), { needsMyAction: '1' });
  assert.deepEqual(listQuery(inboxStatuses('reviewer'), 'forwarded'), { needsMyAction: '1', status: 'forwarded' });
  assert.deepEqual(listQuery(inboxStatuses('reviewer'), 'published'), { needsMyAction: '1' });
  assert.deepEqual(listQuery(null, 'draft'), { status: 'draft' });
  assert.deepEqual(listQuery(null, ''), {});
});

test('a rectification raised from a re-check starts with the gap the server reported and each indicator scored otherwise, with its reason', () => {
  const indicator = (index: number, name: string, selfScore: number, recheckScore: number | null, reason: string | null) => ({ index, category: null, name, target: null, actual: null, weight: 10, selfScore, recheckScore, reason });
  const form = {
    id: 'f', unit: { id: 'u', name: 'U' }, project: 'P', template: 't', status: 'approved', version: 1, score: 89.5, budget: null, complete: true,
    indicators: [indicator(0, '培训人次', 10, 9, '签到表不全'), indicator(1, '满意度', 8, 8, null), indicator(2, '时效', 5, null, null)],
  } as RecheckForm;
  const t = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate('zh', key, params);
  const raised = recheckGapProblem(form, { selfTotal: 89.5, recheckTotal: 88.5, gap: -1 }, t);
  assert.equal(raised.problem, '抽查复核发现：自评总分 89.5 分，复核总分 88.5 分，差异 -1 分。\n“培训人次”自评 10 分，复核 9 分，理由：签到表不全');
  assert.equal(raised.indicatorIndex, 0, 'the one indicator scored otherwise is chosen');
  const pending = recheckGapProblem({ ...form, indicators: [] }, null, t);
  assert.equal(pending.problem, '抽查复核发现：自评总分 89.5 分，复核尚未完成。');
  assert.equal(pending.indicatorIndex, undefined);
});
