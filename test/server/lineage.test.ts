/**
 * Indicator lineage and the re-check scores beside the self scores, over HTTP on both databases:
 * ids given on create and kept on update and on the copy to next year; last year's target, actual
 * and score per indicator (by the copy's lineage, else by unit + project name + year − 1); the
 * re-check scores of a form for the finance bureau at once and for the unit once re-checked.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Evaluation } from '../../src/core/model/evaluation.ts';
import { seedEvaluations } from '../support/fixtures.ts';
import { forEachApi, type Client } from './support/api-harness.ts';

/** The seed's first form as year `year` of project `name`, with an actual on every indicator. */
function form(name: string, year: number): Evaluation {
  const evaluation = seedEvaluations()[0]!;
  evaluation.year = year;
  evaluation.project.name = name;
  evaluation.indicators.forEach((indicator, i) => {
    indicator.actual = `实际${year}-${i}`;
  });
  return evaluation;
}

const stripIds = (evaluation: Evaluation): Evaluation => ({ ...evaluation, indicators: evaluation.indicators.map(({ id: _id, ...rest }) => rest) });

async function create(client: Client, evaluation: Evaluation): Promise<string> {
  const answer = await client.post('/api/evaluations', { evaluation });
  assert.equal(answer.status, 201, JSON.stringify(answer.body));
  return answer.body.id;
}

forEachApi('indicator lineage and re-check scores beside the form', (api) => {
  describe('ids', () => {
    test('create gives every indicator a distinct id; an update without ids keeps them and logs no id change', async () => {
      const preparer = await api.as('preparer');
      const id = await create(preparer, form('lineage ids', 2040));
      const created = (await preparer.get(`/api/evaluations/${id}`)).body.evaluation as Evaluation;
      const ids = created.indicators.map((i) => i.id);
      assert.ok(ids.every((x) => typeof x === 'string' && /^[0-9a-f-]{36}$/u.test(x!)), String(ids));
      assert.equal(new Set(ids).size, ids.length);

      const sent = stripIds(created);
      sent.indicators[0]!.remark = '已核实';
      assert.equal((await preparer.put(`/api/evaluations/${id}`, { version: 1, evaluation: sent })).status, 200);
      const audit = (await preparer.get(`/api/evaluations/${id}/audit`)).body.items as any[];
      assert.deepEqual(audit.at(-1).changes.map((c: any) => [c.path, c.from, c.to]), [['indicators[0].remark', '', '已核实']], 'no id appears in the log as changed');

      const reordered = stripIds(created);
      reordered.indicators.reverse();
      assert.equal((await preparer.put(`/api/evaluations/${id}`, { version: 2, evaluation: reordered })).status, 200);
      const saved = (await preparer.get(`/api/evaluations/${id}`)).body.evaluation as Evaluation;
      assert.deepEqual(saved.indicators.map((i) => i.id), [...ids].reverse(), 'each row kept its id, found by its words');
    });
  });

  describe('previous year', () => {
    test('copy to next year: the ids are the same, last year’s target, actual and score found by id', async () => {
      const preparer = await api.as('preparer');
      const sourceId = await create(preparer, form('lineage copy', 2040));
      const source = (await preparer.get(`/api/evaluations/${sourceId}`)).body.evaluation as Evaluation;
      const copy = await preparer.post(`/api/evaluations/${sourceId}/copy-to-next-year`);
      assert.equal(copy.status, 201);
      const next = (await preparer.get(`/api/evaluations/${copy.body.id}`)).body.evaluation as Evaluation;
      assert.equal(next.year, 2041);
      assert.deepEqual(next.indicators.map((i) => i.id), source.indicators.map((i) => i.id));

      const answer = await preparer.get(`/api/evaluations/${copy.body.id}/previous-year`);
      assert.equal(answer.status, 200, JSON.stringify(answer.body));
      assert.deepEqual([answer.body.previous.id, answer.body.previous.year, answer.body.previous.via], [sourceId, 2040, 'copy']);
      assert.equal(answer.body.indicators.length, next.indicators.length);
      source.indicators.forEach((indicator, i) => {
        assert.deepEqual(answer.body.indicators[i], {
          previousIndex: i, previousName: indicator.name, previousTarget: indicator.target ?? null,
          previousActual: `实际2040-${i}`, previousScore: indicator.score ?? null, matchedBy: 'id',
        });
      });
      assert.equal(answer.body.previous.indicators[3].actual, '实际2040-3');
    });

    test('a form typed anew: last year found by unit, project name and year − 1, indicators by their words', async () => {
      const preparer = await api.as('preparer');
      const lastYear = await create(preparer, form('lineage by name', 2040));
      const thisYear = form(' lineage  by name', 2041);
      thisYear.indicators.reverse();
      thisYear.indicators.push({ category: 'output', name: '今年新增的指标', target: '≥1', weight: 0 });
      const id = await create(preparer, thisYear);
      const answer = await preparer.get(`/api/evaluations/${id}/previous-year`);
      assert.equal(answer.status, 200);
      assert.deepEqual([answer.body.previous.id, answer.body.previous.via], [lastYear, 'name']);
      const n = thisYear.indicators.length - 1;
      for (let i = 0; i < n; i++) {
        const entry = answer.body.indicators[i];
        assert.equal(entry.matchedBy, 'name');
        assert.equal(entry.previousName, thisYear.indicators[i]!.name);
        assert.equal(entry.previousActual, `实际2040-${n - 1 - i}`);
      }
      assert.equal(answer.body.indicators[n], null, 'a new indicator has no last year');
    });

    test('no last year: previous null, one null per indicator', async () => {
      const preparer = await api.as('preparer');
      const id = await create(preparer, form('lineage first year', 2045));
      const answer = await preparer.get(`/api/evaluations/${id}/previous-year`);
      assert.equal(answer.status, 200);
      assert.equal(answer.body.previous, null);
      assert.deepEqual(answer.body.indicators, form('x', 2045).indicators.map(() => null));
    });

    test('another unit: 404; the anonymous: 401; the reviewer does not see last year’s draft, nor this year’s', async () => {
      const lastYear = await api.evaluation('office', 'draft', form('lineage visibility', 2040));
      const thisYear = await api.evaluation('office', 'submitted', form('lineage visibility', 2041));
      const draft = await api.evaluation('office', 'draft', form('lineage visibility', 2041));
      const other = await api.as('preparer2');
      for (const id of [thisYear, draft, 'no-such-id']) {
        const answer = await other.get(`/api/evaluations/${id}/previous-year`);
        assert.equal(answer.status, 404);
        assert.equal(answer.body.error.code, 'NOT_FOUND');
      }
      assert.equal((await api.anonymous().get(`/api/evaluations/${thisYear}/previous-year`)).status, 401);
      const reviewer = await api.as('reviewer');
      assert.equal((await reviewer.get(`/api/evaluations/${draft}/previous-year`)).status, 404);
      const seen = await reviewer.get(`/api/evaluations/${thisYear}/previous-year`);
      assert.equal(seen.status, 200);
      assert.equal(seen.body.previous, null, 'last year’s form is a draft the reviewer may not see');
      const own = await (await api.as('approver')).get(`/api/evaluations/${thisYear}/previous-year`);
      assert.equal(own.body.previous.id, lastYear);
    });
  });

  describe('re-check scores', () => {
    test('the bureau sees a draw at once, the unit once its form is re-checked in full; other units 404', async () => {
      const id = await api.evaluation('office', 'approved', form('lineage recheck', 2042));
      const reviewer = await api.as('reviewer');
      const drawn = await reviewer.post('/api/rechecks', { year: 2042, minimumShare: 100, seed: 'lineage' });
      assert.equal(drawn.status, 201, JSON.stringify(drawn.body));
      const drawId = drawn.body.id as string;
      const preparer = await api.as('preparer');
      const approver = await api.as('approver');
      const admin = await api.as('admin');

      const empty = await reviewer.get(`/api/evaluations/${id}/recheck-scores`);
      assert.equal(empty.status, 200);
      assert.equal(empty.body.draws.length, 1);
      assert.deepEqual([empty.body.draws[0].drawId, empty.body.draws[0].complete, empty.body.draws[0].recheckTotal], [drawId, false, null]);
      assert.deepEqual((await preparer.get(`/api/evaluations/${id}/recheck-scores`)).body, { draws: [] }, 'the unit does not learn of an unfinished re-check');

      const indicators = form('x', 2042).indicators;
      const scores = indicators.map((indicator, index) => ({ indicator: index, score: indicator.score ?? 0, ...(indicator.score === undefined ? { reason: '未自评' } : {}) }));
      scores[0] = { indicator: 0, score: indicators[0]!.score! - 1, reason: '佐证材料不足' };
      // All but the last scored: still not shown to the unit.
      assert.equal((await reviewer.put(`/api/rechecks/${drawId}/evaluations/${id}`, { scores: scores.slice(0, -1) })).status, 200);
      assert.deepEqual((await approver.get(`/api/evaluations/${id}/recheck-scores`)).body, { draws: [] });
      const partial = (await admin.get(`/api/evaluations/${id}/recheck-scores`)).body.draws[0];
      assert.equal(partial.indicators[0].recheckScore, indicators[0]!.score! - 1);
      assert.equal(partial.indicators.at(-1).recheckScore, null);

      assert.equal((await reviewer.put(`/api/rechecks/${drawId}/evaluations/${id}`, { scores: scores.slice(-1) })).status, 200);
      for (const client of [preparer, approver, reviewer, admin]) {
        const answer = await client.get(`/api/evaluations/${id}/recheck-scores`);
        assert.equal(answer.status, 200);
        const [draw] = answer.body.draws;
        assert.equal(draw.complete, true);
        assert.equal(Math.round((draw.selfTotal - draw.recheckTotal) * 100), 100, 'one point lower');
        assert.equal(draw.gap, -1);
        assert.deepEqual(draw.indicators[0], { index: 0, selfScore: indicators[0]!.score, recheckScore: indicators[0]!.score! - 1, reason: '佐证材料不足' });
      }
      assert.equal((await (await api.as('preparer2')).get(`/api/evaluations/${id}/recheck-scores`)).status, 404);
      assert.equal((await api.anonymous().get(`/api/evaluations/${id}/recheck-scores`)).status, 401);
    });

    test('a form never drawn: no draws', async () => {
      const id = await api.evaluation('office', 'published', form('lineage not drawn', 2043));
      assert.deepEqual((await (await api.as('reviewer')).get(`/api/evaluations/${id}/recheck-scores`)).body, { draws: [] });
    });
  });
});

forEachApi('lineage and soft delete', (api) => {
  test('a deleted last year is not last year any more; a deleted form answers 404 but to the admin', async () => {
    const preparer = await api.as('preparer');
    const lastYear = await create(preparer, form('lineage deleted', 2046));
    const copy = await preparer.post(`/api/evaluations/${lastYear}/copy-to-next-year`);
    assert.equal((await preparer.get(`/api/evaluations/${copy.body.id}/previous-year`)).body.previous.via, 'copy');
    assert.equal((await preparer.request('DELETE', `/api/evaluations/${lastYear}`)).status, 204);
    const after = await preparer.get(`/api/evaluations/${copy.body.id}/previous-year`);
    assert.equal(after.status, 200);
    assert.equal(after.body.previous, null, 'neither the copy’s source nor a namesake: it is deleted');
    for (const route of ['previous-year', 'recheck-scores']) {
      assert.equal((await preparer.get(`/api/evaluations/${lastYear}/${route}`)).status, 404, route);
      assert.equal((await (await api.as('admin')).get(`/api/evaluations/${lastYear}/${route}`)).status, 200, route);
    }
  });
});
