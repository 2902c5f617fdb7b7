/** The audit log: every change and transition, who and when, field-level changes (path, from, to), oldest first. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { seedEvaluations } from '../support/fixtures.ts';
import { forEachApi } from './support/api-harness.ts';
import { act } from './support/transition.ts';

forEachApi('audit log', (api) => {
  test('create, edit, submit, return, edit, copy: each entry with its user, action, comment and field changes', async () => {
    const preparer = await api.as('preparer');
    const created = await preparer.post('/api/evaluations', { evaluation: seedEvaluations()[0] });
    const id = created.body.id as string;
    const path = `/api/evaluations/${id}`;

    // Edits that keep the form free of check errors (it is submitted next).
    const edited = seedEvaluations()[0]!;
    edited.indicators[3]!.remark = '已按需求受理';
    edited.indicators[3]!.actual = '98家';
    edited.problems = '部分宣传活动延期';
    delete edited.evaluatedOn;
    assert.equal((await preparer.put(path, { version: 1, evaluation: edited })).status, 200);
    assert.deepEqual((await preparer.put(path, { version: 2, evaluation: edited })).body, { version: 2 }, 'saving the same again changes nothing');

    assert.equal((await act((await api.as('approver')), `${path}`, { action: 'submit', comment: '请审核' })).status, 200);
    assert.equal((await act((await api.as('reviewer')), `${path}`, { action: 'return', comment: '请说明执行率偏低的原因' })).status, 200);
    assert.equal((await preparer.post(`${path}/copy-to-next-year`)).status, 201);

    const audit = await preparer.get(`${path}/audit`);
    assert.equal(audit.status, 200);
    const items = audit.body.items as any[];
    assert.deepEqual(items.map((e) => [e.action, e.user.username, e.comment]), [
      ['create', 'preparer', null],
      ['edit', 'preparer', null],
      ['submit', 'approver', '请审核'],
      ['return', 'reviewer', '请说明执行率偏低的原因'],
    ]);
    const before = seedEvaluations()[0]!;
    assert.deepEqual(items[1].changes, [
      { path: 'indicators[3].remark', from: '', to: '已按需求受理', indicator: { index: 3, name: before.indicators[3]!.name } },
      { path: 'indicators[3].actual', from: null, to: '98家', indicator: { index: 3, name: before.indicators[3]!.name } },
      { path: 'problems', from: before.problems, to: '部分宣传活动延期' },
      { path: 'evaluatedOn', from: '2022-03-02', to: null },
    ]);
    assert.deepEqual(items[2].changes, [{ path: 'status', from: 'draft', to: 'submitted' }]);
    assert.deepEqual(items[3].changes, [{ path: 'status', from: 'submitted', to: 'returned' }]);
    for (const item of items) {
      assert.ok(!Number.isNaN(Date.parse(item.at)));
      assert.equal(typeof item.user.displayName, 'string');
    }
    assert.ok(items.every((item, i) => i === 0 || item.id > items[i - 1].id), 'oldest first');
  });

  test('a copy to next year is audited on the new draft with its source; the draft has the next year and no scores', async () => {
    // A project of its own: the demo already holds the office's next-year form of its projects (a second copy is refused).
    const document = seedEvaluations()[0]!;
    document.project.name = `复制审计 ${crypto.randomUUID().slice(0, 8)}`;
    const id = await api.evaluation('office', 'published', document);
    const preparer = await api.as('preparer');
    const copy = await preparer.post(`/api/evaluations/${id}/copy-to-next-year`);
    assert.equal(copy.status, 201, JSON.stringify(copy.body));
    const draft = await preparer.get(`/api/evaluations/${copy.body.id}`);
    assert.deepEqual([draft.body.status, draft.body.version, draft.body.evaluation.year], ['draft', 1, 2022]);
    assert.ok(draft.body.evaluation.indicators.every((i: any) => i.score === undefined && i.actual === undefined));
    const audit = await preparer.get(`/api/evaluations/${copy.body.id}/audit`);
    assert.deepEqual(audit.body.items.map((e: any) => [e.action, e.changes]), [['copy', [{ path: 'copiedFrom', from: null, to: id }]]]);
  });
});
