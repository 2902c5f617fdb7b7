/**
 * Soft delete: nothing is deleted outright. A deleted form leaves the lists, the dashboard, the
 * public pages and the exports, and answers 404 to all but the admin, who lists it and restores it;
 * who may delete is the workflow's rule (the admin any form, a preparer the unit's drafts).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { seedEvaluations } from '../support/fixtures.ts';
import { forEachApi } from './support/api-harness.ts';
import { act } from './support/transition.ts';

forEachApi('soft delete and restore', (api) => {
  test('a preparer deletes the unit\'s draft: gone from the unit\'s list and reads, on the admin\'s deleted list, audited', async () => {
    const preparer = await api.as('preparer');
    const admin = await api.as('admin');
    const id = (await preparer.post('/api/evaluations', { evaluation: seedEvaluations()[0] })).body.id as string;
    const path = `/api/evaluations/${id}`;
    assert.deepEqual((await preparer.get(path)).body.allowedActions, ['edit', 'copy', 'delete']);

    const deleted = await preparer.request('DELETE', path);
    assert.equal(deleted.status, 204);
    for (const who of ['preparer', 'approver'] as const) {
      const client = await api.as(who);
      assert.equal((await client.get(path)).status, 404, who);
      assert.ok(!(await client.get('/api/evaluations')).body.items.some((s: any) => s.id === id), `${who}: not listed`);
      assert.equal((await client.get(`${path}/audit`)).status, 404);
      assert.equal((await client.get(`${path}/export.xlsx`)).status, 404);
    }
    assert.equal((await preparer.put(path, { version: 2, evaluation: seedEvaluations()[0] })).status, 404, 'no edit of a deleted form');
    assert.equal((await act((await api.as('approver')), `${path}`, { action: 'submit' })).status, 404, 'no submit either');
    assert.ok(!(await admin.get('/api/evaluations')).body.items.some((s: any) => s.id === id), 'lists leave it out for the admin too');

    const read = await admin.get(path);
    assert.equal(read.status, 200, 'the admin still reads it');
    assert.deepEqual(read.body.allowedActions, ['restore']);
    const list = (await admin.get('/api/admin/deleted')).body.items;
    const entry = list.find((s: any) => s.id === id);
    assert.equal(entry.deletedBy.username, 'preparer');
    assert.ok(!Number.isNaN(Date.parse(entry.deletedAt)));
    assert.equal(entry.status, 'draft');
    const audit = (await admin.get(`${path}/audit`)).body.items;
    assert.deepEqual(audit.map((e: any) => [e.action, e.user.username]), [['create', 'preparer'], ['delete', 'preparer']]);
    assert.deepEqual(audit[1].changes, [{ path: 'deleted', from: false, to: true }]);
  });

  test('who may delete: the preparer only drafts of the unit; approver and reviewer never; the admin any form, once', async () => {
    const preparer = await api.as('preparer');
    const returned = await api.evaluation('office', 'returned');
    const refused = await preparer.request('DELETE', `/api/evaluations/${returned}`);
    assert.deepEqual([refused.status, refused.body.error.code], [409, 'INVALID_TRANSITION'], 'a returned form was submitted once: it stays');
    const draft = await api.evaluation('office', 'draft');
    assert.equal((await (await api.as('preparer2')).request('DELETE', `/api/evaluations/${draft}`)).status, 404);
    assert.equal((await (await api.as('approver')).request('DELETE', `/api/evaluations/${draft}`)).status, 403);
    const submitted = await api.evaluation('office', 'submitted');
    assert.equal((await (await api.as('reviewer')).request('DELETE', `/api/evaluations/${submitted}`)).status, 403);
    assert.equal((await api.anonymous().request('DELETE', `/api/evaluations/${draft}`)).status, 401);
    for (const id of [returned, draft, submitted]) assert.equal((await preparer.get(`/api/evaluations/${id}`)).status, 200, 'refusals delete nothing');

    const admin = await api.as('admin');
    assert.equal((await admin.request('DELETE', `/api/evaluations/${submitted}`)).status, 204);
    const again = await admin.request('DELETE', `/api/evaluations/${submitted}`);
    assert.deepEqual([again.status, again.body.error.code], [409, 'ALREADY_DELETED']);
    assert.equal((await admin.request('DELETE', '/api/evaluations/no-such-id')).status, 404);
    assert.equal((await preparer.request('DELETE', `/api/evaluations/${draft}`, { csrf: false })).status, 403, 'DELETE needs the CSRF token');
  });

  test('a deleted published form leaves the public pages and the dashboard; restored, it is back as it was', async () => {
    const doc = seedEvaluations()[0]!;
    doc.year = 2031; // a year of its own, so the counts are this test's
    const id = await api.evaluation('office', 'published', doc);
    const admin = await api.as('admin');
    const reviewer = await api.as('reviewer');
    const anonymous = api.anonymous();
    const publicIds = async () => (await anonymous.get('/api/public/evaluations?year=2031')).body.items.map((s: any) => s.id);
    const published = async () => (await reviewer.get('/api/dashboard?year=2031')).body.byStatus.published;
    assert.deepEqual(await publicIds(), [id]);
    assert.equal(await published(), 1);

    assert.equal((await admin.request('DELETE', `/api/evaluations/${id}`)).status, 204);
    assert.deepEqual(await publicIds(), []);
    assert.equal((await anonymous.get(`/api/public/evaluations/${id}`)).status, 404);
    assert.equal((await anonymous.get(`/api/public/evaluations/${id}/export.pdf`)).status, 404);
    assert.equal(await published(), 0, 'the dashboard counts it no more');
    assert.equal((await admin.get('/api/dashboard?year=2031')).body.byStatus.published, 0);
    assert.equal((await reviewer.get(`/api/evaluations/${id}/export.pdf`)).status, 404);

    assert.equal((await (await api.as('preparer')).post(`/api/evaluations/${id}/restore`)).status, 404, 'the preparer does not see it');
    assert.equal((await reviewer.post(`/api/evaluations/${id}/restore`)).status, 404);
    const restored = await admin.post(`/api/evaluations/${id}/restore`);
    assert.equal(restored.status, 200);
    assert.equal(restored.body.version, 3, 'delete and restore each made a version of the row');
    assert.deepEqual(await publicIds(), [id]);
    assert.equal(await published(), 1);
    assert.equal((await anonymous.get(`/api/public/evaluations/${id}`)).body.evaluation.project.name, doc.project.name);
    assert.ok(!(await admin.get('/api/admin/deleted')).body.items.some((s: any) => s.id === id));
    const notDeleted = await admin.post(`/api/evaluations/${id}/restore`);
    assert.deepEqual([notDeleted.status, notDeleted.body.error.code], [409, 'NOT_DELETED']);
    const audit = (await admin.get(`/api/evaluations/${id}/audit`)).body.items;
    assert.deepEqual(audit.map((e: any) => [e.action, e.user.username]), [['delete', 'admin'], ['restore', 'admin']]);
  });

  test('the deleted list is the admin\'s only', async () => {
    for (const who of ['preparer', 'approver', 'reviewer'] as const) assert.equal((await (await api.as(who)).get('/api/admin/deleted')).status, 403, who);
    assert.equal((await api.anonymous().get('/api/admin/deleted')).status, 401);
  });

  test('a delete that races a submit: one of them wins, the other is refused, nothing half done', async () => {
    const id = (await (await api.as('preparer')).post('/api/evaluations', { evaluation: seedEvaluations()[1] })).body.id as string;
    const [del, submit] = await Promise.all([
      (await api.as('preparer')).request('DELETE', `/api/evaluations/${id}`),
      act((await api.as('approver')), `/api/evaluations/${id}`, { action: 'submit' }),
    ]);
    const admin = await api.as('admin');
    const stored = (await admin.get(`/api/evaluations/${id}`)).body;
    const versions = (await admin.get(`/api/evaluations/${id}/versions`)).body.items;
    if (del.status === 204) {
      assert.notEqual(submit.status, 200);
      assert.deepEqual([stored.status, stored.allowedActions, versions.length], ['draft', ['restore'], 0]);
    } else {
      assert.equal(submit.status, 200);
      assert.ok([404, 409].includes(del.status), String(del.status));
      assert.deepEqual([stored.status, versions.length], ['submitted', 1]);
    }
  });
});
