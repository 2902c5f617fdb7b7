/**
 * The transition rules over HTTP: each action from each status (allowed → the new status,
 * otherwise 409 INVALID_TRANSITION), submission refused with the findings while a check finding
 * is an error, returning only with a reason, and a whole round through the workflow.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { STATUSES, TRANSITIONS, TRANSITION_ACTIONS } from '../../src/core/workflow/workflow.ts';
import { repositories } from '../../src/storage/repositories.ts';
import { seedEvaluations } from '../support/fixtures.ts';
import { forEachApi } from './support/api-harness.ts';

const ACTOR = { submit: 'approver', return: 'reviewer', approve: 'reviewer', publish: 'reviewer' } as const;

forEachApi('workflow transitions', (api) => {
  describe('each action from each status', () => {
    for (const action of TRANSITION_ACTIONS) {
      for (const from of STATUSES) {
        const allowed = TRANSITIONS[action].from.includes(from);
        // The reviewer cannot see drafts at all: a draft is not found for them, not in the wrong status.
        const hidden = ACTOR[action] === 'reviewer' && from === 'draft';
        const expected = allowed ? 200 : hidden ? 404 : 409;
        test(`${action} from ${from} → ${expected}${allowed ? ` (${TRANSITIONS[action].to})` : ''}`, async () => {
          const id = await api.evaluation('office', from);
          const client = await api.as(ACTOR[action]);
          const answer = await client.post(`/api/evaluations/${id}/transitions`, { action, comment: 'a reason' });
          assert.equal(answer.status, expected, JSON.stringify(answer.body));
          const stored = await repositories(api.database().db).evaluations.get(id);
          if (allowed) {
            assert.deepEqual(answer.body, { status: TRANSITIONS[action].to, version: 2 });
            assert.equal(stored?.status, TRANSITIONS[action].to);
          } else {
            if (expected === 409) assert.equal(answer.body.error.code, 'INVALID_TRANSITION');
            assert.deepEqual([stored?.status, stored?.version], [from, 1]);
          }
        });
      }
    }
  });

  test('submitting while a check finding is an error: 422 CHECK_ERRORS with the findings, nothing changes', async () => {
    const broken = seedEvaluations()[0]!;
    broken.totals = { ...broken.totals, score: 99 };
    const id = await api.evaluation('office', 'draft', broken);
    const answer = await (await api.as('approver')).post(`/api/evaluations/${id}/transitions?lang=en`, { action: 'submit' });
    assert.equal(answer.status, 422);
    assert.equal(answer.body.error.code, 'CHECK_ERRORS');
    const errors = answer.body.findings.filter((f: any) => f.severity === 'error');
    assert.ok(errors.some((f: any) => f.code === 'TOTAL_MISMATCH' && f.path === 'totals.score'), JSON.stringify(errors));
    assert.match(errors[0].message, /[a-z]/u, 'messages in the language asked for');
    assert.equal((await repositories(api.database().db).evaluations.get(id))?.status, 'draft');
  });

  test('warnings do not stop a submission', async () => {
    const id = await api.evaluation('office', 'draft'); // seed form 1: warnings only
    const detail = await (await api.as('approver')).get(`/api/evaluations/${id}`);
    assert.ok(detail.body.findings.length > 0);
    assert.ok(detail.body.findings.every((f: any) => f.severity === 'warning'));
    assert.equal((await (await api.as('approver')).post(`/api/evaluations/${id}/transitions`, { action: 'submit' })).status, 200);
  });

  test('returning needs a reason: none or blank → 422 REASON_REQUIRED', async () => {
    const id = await api.evaluation('office', 'submitted');
    const reviewer = await api.as('reviewer');
    for (const body of [{ action: 'return' }, { action: 'return', comment: '   ' }]) {
      const answer = await reviewer.post(`/api/evaluations/${id}/transitions`, body);
      assert.equal(answer.status, 422);
      assert.equal(answer.body.error.code, 'REASON_REQUIRED');
    }
    assert.equal((await repositories(api.database().db).evaluations.get(id))?.status, 'submitted');
  });

  test('a round: draft → submitted → returned (reason shown) → edited → submitted → approved → published', async () => {
    const preparer = await api.as('preparer');
    const approver = await api.as('approver');
    const reviewer = await api.as('reviewer');
    const created = await preparer.post('/api/evaluations', { evaluation: seedEvaluations()[1] });
    assert.equal(created.status, 201);
    const id = created.body.id as string;
    const path = `/api/evaluations/${id}`;

    assert.deepEqual((await preparer.get(path)).body.allowedActions, ['edit', 'copy', 'delete']);
    assert.deepEqual((await approver.get(path)).body.allowedActions, ['submit']);
    assert.equal((await approver.post(`${path}/transitions`, { action: 'submit' })).body.status, 'submitted');
    assert.deepEqual((await reviewer.get(path)).body.allowedActions, ['return', 'approve']);
    assert.equal((await reviewer.post(`${path}/transitions`, { action: 'return', comment: '请补充偏差原因' })).body.status, 'returned');

    const returned = (await preparer.get(path)).body;
    assert.equal(returned.status, 'returned');
    assert.equal(returned.returnReason, '请补充偏差原因');
    assert.deepEqual(returned.allowedActions, ['edit', 'copy'], 'a form once submitted is not deleted by its preparer');
    const evaluation = { ...returned.evaluation, problems: '已补充' };
    assert.equal((await preparer.put(path, { version: returned.version, evaluation })).status, 200);

    assert.equal((await approver.post(`${path}/transitions`, { action: 'submit' })).body.status, 'submitted');
    assert.equal((await reviewer.post(`${path}/transitions`, { action: 'approve' })).body.status, 'approved');
    const approved = (await reviewer.get(path)).body;
    assert.equal(approved.returnReason, null, 'approval clears the reasons');
    assert.deepEqual(approved.allowedActions, ['publish']);
    const published = await reviewer.post(`${path}/transitions`, { action: 'publish' });
    assert.deepEqual(published.body, { status: 'published', version: 7 });
    assert.equal((await api.anonymous().get(`/api/public/evaluations/${id}`)).status, 200);
  });
});
