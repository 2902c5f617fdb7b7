import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { PreviousYear } from '../api/lineage-types.ts';
import { previousFigures, recheckBeside } from './beside.ts';

const previous: NonNullable<PreviousYear['previous']> = {
  id: 'p', year: 2021, project: 'x', status: 'published', via: 'copy',
  indicators: [
    { index: 0, id: 'a', category: 'output', subcategory: null, name: '宣传场次', target: '=10场', actual: '12场', weight: 3, score: 3 },
    { index: 1, id: null, category: 'output', subcategory: null, name: '宣传品制作', target: '=2000份', actual: null, weight: 3, score: 2.5 },
  ],
};

test('last year beside each row as edited now: by id (a renamed row says its old name), by words, none for a new row', () => {
  const figures = previousFigures([
    { name: '新增指标', category: 'output' },
    { name: '宣传品 制作', category: 'output' },
    { id: 'a', name: '防范金融风险宣传场次', category: 'output' },
  ], previous);
  assert.deepEqual(figures, [
    null,
    { target: '=2000份', actual: null, score: 2.5, renamedFrom: null, matchedBy: 'name' },
    { target: '=10场', actual: '12场', score: 3, renamedFrom: '宣传场次', matchedBy: 'id' },
  ]);
});

test('the re-check shown is the latest draw with a score; none without one', () => {
  const draw = (drawId: string, scores: Array<number | null>) => ({
    drawId, year: 2021, drawnAt: drawId, evaluationVersion: 1, complete: scores.every((s) => s !== null), selfTotal: 6,
    recheckTotal: scores.every((s) => s !== null) ? scores.reduce((a: number, s) => a + s!, 0) : null, gap: null,
    indicators: scores.map((score, index) => ({ index, selfScore: 3, recheckScore: score, reason: score === 2 ? '材料不足' : null })),
  });
  assert.equal(recheckBeside(null), null);
  assert.equal(recheckBeside({ draws: [draw('1', [null, null])] }), null);
  const shown = recheckBeside({ draws: [draw('1', [2, 3]), draw('2', [null, null])] })!;
  assert.deepEqual([shown.drawId, shown.complete, shown.total], ['1', true, 5]);
  assert.deepEqual(shown.scores.get(0), { score: 2, reason: '材料不足' });
});
