/**
 * The transition rules over HTTP: each action from each status (allowed → the new status,
 * otherwise 409 INVALID_TRANSITION), submission refused with the findings while a check finding
 * is an error, returning only with a reason, and a whole round through the workflow.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { fromStatuses, STATUSES, TRANSITIONS, TRANSITION_ACTIONS, type TransitionAction } from '../../src/core/workflow/workflow.ts';
import { repositories } from '../../src/storage/repositories.ts';
import { columnsOf } from '../../src/storage/evaluation-columns.ts';
import { seedEvaluations } from '../support/fixtures.ts';
import { forEachApi } from './support/api-harness.ts';
import { act } from './support/transition.ts';

/** Who takes each action: in a year with the department tier the department returns what it has. */
const ACTOR = (action: TransitionAction, tier: boolean) =>
  ({ submit: 'approver', forward: 'department', return: tier ? 'department' : 'reviewer', approve: 'reviewer', publish: 'reviewer', unpublish: 'reviewer' } as const)[action];
/** A year with the department tier: its forms go to the department (区 金融服务办公室) first. */
const TIER_YEAR = 2033;

forEachApi('workflow transitions', (api) => {
  for (const tier of [false, true]) {
  describe(`each action from each status, ${tier ? 'with' : 'without'} the department tier`, () => {
    for (const action of TRANSITION_ACTIONS) {
      for (const from of STATUSES) {
        const actor = ACTOR(action, tier);
        const rule = TRANSITIONS[action];
        const statuses = fromStatuses(rule.grants.find((g) => g.role === actor)!.from, tier);
        const allowed = statuses.includes(from);
        // The reviewer and the department cannot see drafts at all: a draft is not found for them, not in the wrong status.
        const hidden = (actor === 'reviewer' || actor === 'department') && from === 'draft';
        // Without the tier, forwarding is never the department's to do (403), whatever the status.
        const expected = allowed ? 200 : hidden ? 404 : statuses.length === 0 ? 403 : 409;
        test(`${action} by ${actor} from ${from} → ${expected}${allowed ? ` (${rule.to})` : ''}`, async () => {
          const document = seedEvaluations()[0]!;
          if (tier) {
            document.year = TIER_YEAR;
            await repositories(api.database().db).years.set({ year: TIER_YEAR, departmentReview: true, deadline: null }, new Date().toISOString(), null);
          }
          const id = await api.evaluation('office', from, document);
          const client = await api.as(actor);
          const answer = await act(client, `/api/evaluations/${id}`, { action, comment: 'a reason' });
          assert.equal(answer.status, expected, JSON.stringify(answer.body));
          const stored = await repositories(api.database().db).evaluations.get(id);
          if (allowed) {
            assert.deepEqual(answer.body, { status: TRANSITIONS[action].to, version: 2 });
            assert.equal(stored?.status, TRANSITIONS[action].to);
          } else {
            if (expected === 409) assert.equal(answer.body.error.code, 'INVALID_TRANSITION');
            if (expected === 403) assert.equal(answer.body.error.code, 'FORBIDDEN');
            assert.deepEqual([stored?.status, stored?.version], [from, 1]);
          }
        });
      }
    }
  });
  }

  test('submitting while a check finding is an error: 422 CHECK_ERRORS with the findings, nothing changes', async () => {
    const broken = seedEvaluations()[0]!;
    broken.totals = { ...broken.totals, score: 99 };
    const id = await api.evaluation('office', 'draft', broken);
    const answer = await act((await api.as('approver')), `/api/evaluations/${id}`, { action: 'submit' }, '?lang=en');
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
    assert.equal((await act((await api.as('approver')), `/api/evaluations/${id}`, { action: 'submit' })).status, 200);
  });

  test('returning needs a reason: none or blank → 422 REASON_REQUIRED', async () => {
    const id = await api.evaluation('office', 'submitted');
    const reviewer = await api.as('reviewer');
    for (const body of [{ action: 'return', version: 1 }, { action: 'return', comment: '   ', version: 1 }]) {
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
    assert.deepEqual((await approver.get(path)).body.allowedActions, ['submit', 'return']);
    assert.equal((await act(approver, `${path}`, { action: 'submit' })).body.status, 'submitted');
    assert.deepEqual((await reviewer.get(path)).body.allowedActions, ['return', 'approve']);
    assert.equal((await act(reviewer, `${path}`, { action: 'return', comment: '请补充偏差原因' })).body.status, 'returned');

    const returned = (await preparer.get(path)).body;
    assert.equal(returned.status, 'returned');
    assert.equal(returned.returnReason, '请补充偏差原因');
    assert.deepEqual(returned.allowedActions, ['edit', 'copy'], 'a form once submitted is not deleted by its preparer');
    const evaluation = { ...returned.evaluation, problems: '已补充' };
    assert.equal((await preparer.put(path, { version: returned.version, evaluation })).status, 200);

    assert.equal((await act(approver, `${path}`, { action: 'submit' })).body.status, 'submitted');
    assert.equal((await act(reviewer, `${path}`, { action: 'approve' })).body.status, 'approved');
    const approved = (await reviewer.get(path)).body;
    assert.equal(approved.returnReason, null, 'approval clears the reasons');
    assert.deepEqual(approved.allowedActions, ['publish']);
    const published = await act(reviewer, `${path}`, { action: 'publish' });
    assert.deepEqual(published.body, { status: 'published', version: 7 });
    assert.equal((await api.anonymous().get(`/api/public/evaluations/${id}`)).status, 200);
  });

  test('the department tier: the department returns or forwards its units\' forms; the bureau takes them only once forwarded', async () => {
    const repos = repositories(api.database().db);
    await repos.years.set({ year: TIER_YEAR, departmentReview: true, deadline: null }, new Date().toISOString(), null);
    const [approver2, department, reviewer] = [await api.as('approver2'), await api.as('department'), await api.as('reviewer')];
    const document = seedEvaluations()[2]!;
    document.year = TIER_YEAR;
    // The centre stands below the office, the department.
    const id = await api.evaluation('center', 'draft', document);
    const path = `/api/evaluations/${id}`;
    assert.equal((await department.get(path)).status, 404, 'a draft is the unit\'s own');

    assert.equal((await act(approver2, `${path}`, { action: 'submit' })).body.status, 'submitted');
    assert.deepEqual((await department.get(path)).body.allowedActions, ['forward', 'return']);
    assert.deepEqual((await reviewer.get(path)).body.allowedActions, [], 'the bureau sees it, but the department has it first');
    assert.equal((await act(reviewer, `${path}`, { action: 'approve' })).status, 409);

    const returned = await act(department, `${path}`, { action: 'return', comment: '请补充实施处室' });
    assert.equal(returned.body.status, 'returned');
    assert.equal((await (await api.as('preparer2')).get(path)).body.returnReason, '请补充实施处室');
    assert.equal((await act(approver2, `${path}`, { action: 'submit' })).body.status, 'submitted');
    assert.equal((await act(department, `${path}`, { action: 'forward' })).body.status, 'forwarded');
    assert.deepEqual((await department.get(path)).body.allowedActions, [], 'once forwarded, it is the bureau\'s');
    assert.deepEqual((await reviewer.get(path)).body.allowedActions, ['return', 'approve']);
    assert.equal((await act(reviewer, `${path}`, { action: 'approve' })).body.status, 'approved');
    const audit = (await reviewer.get(`${path}/audit`)).body.items.map((e: any) => `${e.user.username}:${e.action}`);
    assert.deepEqual(audit, ['approver2:submit', 'department:return', 'approver2:submit', 'department:forward', 'reviewer:approve']);
  });

  test('a department reviewer sees only the forms of its own department\'s units', async () => {
    const repos = repositories(api.database().db);
    const otherId = crypto.randomUUID();
    await repos.units.create({ id: otherId, code: `other-${otherId.slice(0, 8)}`, name: `另一部门 ${otherId.slice(0, 8)}` }, new Date().toISOString());
    const document = seedEvaluations()[0]!;
    const mine = await api.evaluation('center', 'submitted');
    const other = crypto.randomUUID();
    const template = (await import('../../src/core/templates/registry.ts')).templateRegistry().get(document.template)!;
    await repos.evaluations.insert({ id: other, unitId: otherId, status: 'submitted', columns: columnsOf(document, template), document, at: new Date().toISOString() });
    const department = await api.as('department');
    assert.equal((await department.get(`/api/evaluations/${mine}`)).status, 200);
    assert.equal((await department.get(`/api/evaluations/${other}`)).status, 404);
    const listed = (await department.get('/api/evaluations?limit=500')).body.items.map((s: any) => s.id);
    assert.ok(listed.includes(mine));
    assert.ok(!listed.includes(other));
    assert.ok((await department.get('/api/evaluations?limit=500')).body.items.every((s: any) => s.status !== 'draft'));
  });
});
