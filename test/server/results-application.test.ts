/**
 * Results application (结果应用, issue 17) over HTTP on both databases: the bureau's own record of
 * what follows from a form's results. The reviewer writes it on approved and published forms, the
 * reviewer and the admin read it, every unit role and the department get 403 and never see it in
 * any answer; versioned (409 on a stale write) and audited.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { forEachApi, type Username } from './support/api-harness.ts';

const path = (id: string) => `/api/evaluations/${id}/results-application`;
const SECRET = '建议下年度压减预算百分之二十（结果应用测试）';

forEachApi('results application', (api) => {
  // First: the tests below add forms and items of 2021 (the seed's year).
  describe('the demo', () => {
    test('rectification items in every state on the sent forms of 2021 (one overdue), with their history; the published form’s results application', async () => {
      const reviewer = await api.as('reviewer');
      const list = await reviewer.get('/api/rectifications?year=2021');
      assert.equal(list.status, 200);
      assert.equal(list.body.total, 4);
      const byStatus = (status: string) => list.body.items.filter((i: any) => i.status === status);
      assert.equal(byStatus('closed').length, 1);
      assert.equal(byStatus('answered').length, 1);
      assert.equal(byStatus('open').length, 2);
      assert.deepEqual(list.body.items.filter((i: any) => i.overdue).map((i: any) => i.sendBackReason !== null), [true]);
      assert.equal((await reviewer.get('/api/rectifications?year=2021&status=overdue')).body.total, 1);
      const answered = byStatus('answered')[0];
      assert.deepEqual(answered.allowedActions, ['accept', 'send-back']);
      const audit = await reviewer.get(`/api/rectifications/${byStatus('closed')[0].id}/audit`);
      assert.deepEqual(audit.body.items.map((e: any) => e.action), ['raise', 'answer', 'accept']);
      // The centre's item is the department's, on a form that waits for the bureau.
      assert.deepEqual((await (await api.as('preparer2')).get('/api/rectifications?year=2021')).body.items.map((i: any) => i.raisedBy.username), ['department']);
      const published = byStatus('closed')[0].evaluationId;
      const application = (await reviewer.get(path(published))).body.application;
      assert.equal(application.category, 'reduce');
      assert.equal(application.version, 1);
    });
  });

  describe('the reviewer records, the bureau reads', () => {
    test('none yet: null; first record without a version, then changes with the version read; stale or missing versions: 409', async () => {
      const reviewer = await api.as('reviewer');
      const id = await api.evaluation('office', 'approved');
      assert.deepEqual((await reviewer.get(path(id))).body, { application: null });
      const first = await reviewer.put(path(id), { category: 'keep', text: '保持预算' });
      assert.equal(first.status, 200, JSON.stringify(first.body));
      assert.equal(first.body.version, 1);
      assert.equal(first.body.category, 'keep');
      assert.equal(first.body.recordedBy.username, 'reviewer');
      assert.equal(first.body.evaluationId, id);

      const unversioned = await reviewer.put(path(id), { category: 'reduce', text: SECRET });
      assert.equal(unversioned.status, 409);
      assert.equal(unversioned.body.error.code, 'RESULTS_APPLICATION_CONFLICT');
      assert.equal(unversioned.body.version, 1);
      assert.equal(unversioned.body.application.text, '保持预算');
      const stale = await reviewer.put(path(id), { category: 'reduce', text: SECRET, version: 2 });
      assert.equal(stale.status, 409);

      const changed = await reviewer.put(path(id), { category: 'reduce', text: SECRET, version: 1 });
      assert.equal(changed.status, 200);
      assert.equal(changed.body.version, 2);
      // The same again: nothing changes, no audit entry.
      const same = await reviewer.put(path(id), { category: 'reduce', text: SECRET, version: 2 });
      assert.equal(same.body.version, 2);
      const read = await (await api.as('admin')).get(path(id));
      assert.equal(read.status, 200);
      assert.deepEqual([read.body.application.category, read.body.application.text, read.body.application.version], ['reduce', SECRET, 2]);

      const audit = await api.database().db.selectFrom('followup_audit').select(['action', 'changes', 'subject']).where('subject_id', '=', id).orderBy('id').execute();
      assert.deepEqual(audit.map((a) => [a.subject, a.action]), [['results-application', 'record'], ['results-application', 'change']]);
      const changes = typeof audit[1]!.changes === 'string' ? JSON.parse(audit[1]!.changes) : audit[1]!.changes;
      assert.deepEqual(changes, { category: { from: 'keep', to: 'reduce' }, text: { from: '保持预算', to: SECRET } });
    });

    test('a published form too; a form not approved: 409 RESULTS_NOT_FINAL, nothing written', async () => {
      const reviewer = await api.as('reviewer');
      const published = await api.evaluation('center', 'published');
      assert.equal((await reviewer.put(path(published), { category: 'stop', text: '取消项目' })).status, 200);
      for (const status of ['submitted', 'forwarded', 'returned'] as const) {
        const id = await api.evaluation('office', status);
        const answer = await reviewer.put(path(id), { category: 'keep', text: 'x' });
        assert.equal(answer.status, 409, status);
        assert.equal(answer.body.error.code, 'RESULTS_NOT_FINAL');
        assert.deepEqual((await reviewer.get(path(id))).body, { application: null });
      }
      // A draft is not the bureau's to see: 404.
      assert.equal((await reviewer.put(path(await api.evaluation('office', 'draft')), { category: 'keep', text: 'x' })).status, 404);
    });

    test('400 naming the field: an unknown category, an empty text', async () => {
      const reviewer = await api.as('reviewer');
      const id = await api.evaluation('office', 'approved');
      const bad = await reviewer.put(path(id), { category: 'double', text: ' ' });
      assert.equal(bad.status, 400);
      assert.deepEqual(bad.body.error.issues.map((i: any) => i.path).sort(), ['category', 'text']);
    });
  });

  describe('the units and the departments never see it', () => {
    test('403 to read or write for every unit role and the department; the admin reads but does not write; anonymous 401', async () => {
      const id = await api.evaluation('office', 'published');
      const reviewer = await api.as('reviewer');
      assert.equal((await reviewer.put(path(id), { category: 'reduce', text: SECRET })).status, 200);
      for (const username of ['preparer', 'approver', 'preparer2', 'approver2', 'department'] as Username[]) {
        const client = await api.as(username);
        const read = await client.get(path(id));
        assert.equal(read.status, 403, username);
        assert.equal(read.body.error.code, 'FORBIDDEN');
        assert.equal((await client.put(path(id), { category: 'keep', text: 'x', version: 1 })).status, 403, username);
      }
      assert.equal((await (await api.as('admin')).put(path(id), { category: 'keep', text: 'x', version: 1 })).status, 403);
      assert.equal((await api.anonymous().get(path(id))).status, 401);
      const stored = (await reviewer.get(path(id))).body.application;
      assert.deepEqual([stored.category, stored.text, stored.version], ['reduce', SECRET, 1]);
    });

    test('nothing a unit or the department reads carries it: the form, its audit, its lists, its rectification items, the public page', async () => {
      const id = await api.evaluation('office', 'published');
      const reviewer = await api.as('reviewer');
      assert.equal((await reviewer.put(path(id), { category: 'reduce', text: SECRET })).status, 200);
      assert.equal((await reviewer.post(`/api/evaluations/${id}/rectifications`, { problem: '问题', requirement: '要求', dueDate: '2099-01-01' })).status, 201);
      for (const username of ['preparer', 'approver', 'department'] as Username[]) {
        const client = await api.as(username);
        for (const url of [`/api/evaluations/${id}`, `/api/evaluations/${id}/audit`, '/api/evaluations?limit=500', `/api/evaluations/${id}/rectifications`, '/api/rectifications?limit=500', '/api/dashboard/table']) {
          const answer = await client.get(url);
          assert.equal(answer.status, 200, `${username} ${url}`);
          assert.doesNotMatch(JSON.stringify(answer.body), /结果应用测试|"reduce"/u, `${username} ${url}`);
        }
      }
      const pub = await api.anonymous().get(`/api/public/evaluations/${id}`);
      assert.doesNotMatch(JSON.stringify(pub.body), /结果应用测试/u);
    });
  });

});
