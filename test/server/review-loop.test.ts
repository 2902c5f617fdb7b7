/**
 * The review loop finished inside the system (issue 14), over HTTP on SQLite and PostgreSQL:
 * transitions act on the version the actor saw (a stale one is 409 VERSION_CONFLICT with what is
 * current), the approver returns a draft with a reason, every role's inbox (needsMyAction) holds
 * what waits for it in years with and without the department tier, the reviewer withdraws a
 * published form (unpublish), and a form is copied to the next year once.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Status } from '../../src/core/workflow/workflow.ts';
import { repositories } from '../../src/storage/repositories.ts';
import { seedEvaluations } from '../support/fixtures.ts';
import { forEachApi, type Api, type UnitKey, type Username } from './support/api-harness.ts';
import { act } from './support/transition.ts';
import { NATIONAL_TEXT, nationalTextUpload, upload } from './support/upload.ts';
import { readFileSync } from 'node:fs';

const ALL: readonly Status[] = ['draft', 'submitted', 'forwarded', 'returned', 'approved', 'published'];

forEachApi('the review loop', (api) => {
  test('a transition on a stale version: 409 VERSION_CONFLICT with the current form; on the current one it passes', async () => {
    const id = await api.evaluation('office', 'draft');
    const path = `/api/evaluations/${id}`;
    const [preparer, approver] = [await api.as('preparer'), await api.as('approver')];
    const seen = (await approver.get(path)).body;
    // The preparer changes the form after the approver opened it.
    const changed = { ...seen.evaluation, problems: '执行进度偏慢，已整改' };
    const saved = await preparer.put(path, { version: seen.version, evaluation: changed });
    assert.equal(saved.status, 200);

    const stale = await approver.post(`${path}/transitions`, { action: 'submit', version: seen.version });
    assert.equal(stale.status, 409, JSON.stringify(stale.body));
    assert.equal(stale.body.error.code, 'VERSION_CONFLICT');
    assert.equal(stale.body.version, saved.body.version);
    assert.equal(stale.body.status, 'draft');
    assert.equal(stale.body.evaluation.problems, '执行进度偏慢，已整改', 'the current document, to show what changed');
    const stored = await repositories(api.database().db).evaluations.get(id);
    assert.deepEqual([stored?.status, stored?.version], ['draft', saved.body.version], 'nothing submitted');

    const fresh = await approver.post(`${path}/transitions`, { action: 'submit', version: saved.body.version });
    assert.deepEqual(fresh.body, { status: 'submitted', version: saved.body.version + 1 });
    // Another transition in between (a second reviewer's return) makes the first reviewer's approval stale too.
    const reviewer = await api.as('reviewer');
    const second = await api.login('reviewer');
    const bureauSaw = (await reviewer.get(path)).body.version;
    assert.equal((await second.post(`${path}/transitions`, { action: 'return', comment: '请补充', version: bureauSaw })).status, 200);
    const late = await reviewer.post(`${path}/transitions`, { action: 'approve', version: bureauSaw });
    assert.deepEqual([late.status, late.body.error.code, late.body.status], [409, 'VERSION_CONFLICT', 'returned']);
  });

  test('the approver returns a draft to the preparer with a reason; the preparer reads it and edits; the approver submits', async () => {
    const id = await api.evaluation('office', 'draft');
    const path = `/api/evaluations/${id}`;
    const [preparer, approver] = [await api.as('preparer'), await api.as('approver')];
    assert.deepEqual((await approver.get(path)).body.allowedActions, ['submit', 'return']);
    for (const comment of [undefined, '  ']) {
      const refused = await approver.post(`${path}/transitions`, { action: 'return', version: 1, ...(comment === undefined ? {} : { comment }) });
      assert.deepEqual([refused.status, refused.body.error.code], [422, 'REASON_REQUIRED']);
    }
    const returned = await approver.post(`${path}/transitions`, { action: 'return', comment: '请补充第3行的实际完成值', version: 1 });
    assert.deepEqual(returned.body, { status: 'returned', version: 2 });

    const detail = (await preparer.get(path)).body;
    assert.equal(detail.status, 'returned');
    assert.equal(detail.returnReason, '请补充第3行的实际完成值');
    assert.ok(detail.allowedActions.includes('edit'));
    const edited = await preparer.put(path, { version: detail.version, evaluation: { ...detail.evaluation, problems: '已补充' } });
    assert.equal(edited.status, 200);
    assert.deepEqual((await approver.get(path)).body.allowedActions, ['submit'], 'returned: the approver submits, it does not return again');
    assert.equal((await approver.post(`${path}/transitions`, { action: 'return', comment: '再次', version: edited.body.version })).status, 409);
    assert.equal((await approver.post(`${path}/transitions`, { action: 'submit', version: edited.body.version })).body.status, 'submitted');

    const audit = (await approver.get(`${path}/audit`)).body.items;
    const entry = audit.find((e: any) => e.action === 'return');
    assert.deepEqual([entry.user.username, entry.comment, entry.changes], ['approver', '请补充第3行的实际完成值', [{ path: 'status', from: 'draft', to: 'returned' }]]);
  });

  test('the approver returns only a draft of its own unit: not a submitted one, not another unit\'s', async () => {
    const submitted = await api.evaluation('office', 'submitted');
    const approver = await api.as('approver');
    const wrong = await approver.post(`/api/evaluations/${submitted}/transitions`, { action: 'return', comment: '理由', version: 1 });
    assert.deepEqual([wrong.status, wrong.body.error.code], [409, 'INVALID_TRANSITION']);
    const centreDraft = await api.evaluation('center', 'draft');
    // Another unit's draft is not even visible to this approver (404, as for any form it may not see).
    assert.equal((await approver.post(`/api/evaluations/${centreDraft}/transitions`, { action: 'return', comment: '理由', version: 1 })).status, 404);
    assert.equal((await (await api.as('preparer')).post(`/api/evaluations/${submitted}/transitions`, { action: 'return', comment: '理由', version: 1 })).status, 403);
    const stored = await repositories(api.database().db).evaluations.get(centreDraft);
    assert.equal(stored?.status, 'draft');
  });

  test('needsMyAction: each role\'s inbox, in a year without and a year with the department tier, paged', async () => {
    const [plain, tiered] = [2040, 2041];
    await repositories(api.database().db).years.set({ year: tiered, departmentReview: true, deadline: null }, new Date().toISOString(), null);
    const made = new Map<string, string>(); // id → "unit status"
    for (const year of [plain, tiered]) {
      for (const unit of ['office', 'center'] as const) {
        for (const status of ALL) made.set(await formOf(api, unit, status, year), `${unit} ${status}`);
      }
    }
    const inbox = async (user: Username, year: number) => {
      const answer = await (await api.as(user)).get(`/api/evaluations?needsMyAction=1&year=${year}&limit=500`);
      assert.equal(answer.status, 200, JSON.stringify(answer.body));
      assert.equal(answer.body.total, answer.body.items.length);
      return answer.body.items.map((s: any) => made.get(s.id)).sort();
    };
    const unitForms = (unit: UnitKey) => [`${unit} draft`, `${unit} returned`];
    const expected: Record<Username, [string[], string[]]> = {
      preparer: [unitForms('office'), unitForms('office')],
      approver: [unitForms('office'), unitForms('office')],
      preparer2: [unitForms('center'), unitForms('center')],
      approver2: [unitForms('center'), unitForms('center')],
      // The department acts only in a year with its tier: its own unit's and those below it.
      department: [[], ['center submitted', 'office submitted']],
      // The bureau: forwarded forms, and submitted ones where no department stands between; never approved or published.
      reviewer: [['center forwarded', 'center submitted', 'office forwarded', 'office submitted'], ['center forwarded', 'office forwarded']],
      admin: [[], []],
    };
    for (const [user, [without, withTier]] of Object.entries(expected) as Array<[Username, [string[], string[]]]>) {
      assert.deepEqual(await inbox(user, plain), [...without].sort(), `${user}, ${plain} (no department tier)`);
      assert.deepEqual(await inbox(user, tiered), [...withTier].sort(), `${user}, ${tiered} (department tier)`);
    }
    // Paged like the list: the total is the inbox's, a page its slice.
    const page = (await (await api.as('reviewer')).get(`/api/evaluations?needsMyAction=1&year=${plain}&limit=1&offset=1`)).body;
    assert.deepEqual([page.total, page.items.length, page.limit, page.offset], [4, 1, 1, 1]);
    // Without the flag (or with 0), the list is everything the user may see.
    const all = (await (await api.as('reviewer')).get(`/api/evaluations?needsMyAction=0&year=${plain}&limit=500`)).body;
    assert.equal(all.total, 10, 'two units × five sent statuses');
    assert.equal((await (await api.as('reviewer')).get('/api/evaluations?needsMyAction=maybe')).status, 400);
  });

  test('unpublish: the reviewer withdraws a published form with a reason; public page and list gone, versions kept, audited', async () => {
    const id = await api.evaluation('office', 'draft');
    const path = `/api/evaluations/${id}`;
    const [approver, reviewer, preparer] = [await api.as('approver'), await api.as('reviewer'), await api.as('preparer')];
    for (const [client, action] of [[approver, 'submit'], [reviewer, 'approve'], [reviewer, 'publish']] as const) {
      assert.equal((await act(client, path, { action })).status, 200, action);
    }
    const year = seedEvaluations()[0]!.year;
    const publicList = async () => (await api.anonymous().get(`/api/public/evaluations?year=${year}&limit=500`)).body.items.map((s: any) => s.id);
    assert.equal((await api.anonymous().get(`/api/public/evaluations/${id}`)).status, 200);
    assert.ok((await publicList()).includes(id), 'published: in the public list (now kept in its cache)');
    const versionsBefore = (await reviewer.get(`${path}/versions`)).body;

    const current = (await reviewer.get(path)).body;
    assert.deepEqual(current.allowedActions, ['unpublish']);
    assert.equal((await preparer.post(`${path}/transitions`, { action: 'unpublish', comment: '理由', version: current.version })).status, 403);
    const noReason = await reviewer.post(`${path}/transitions`, { action: 'unpublish', version: current.version });
    assert.deepEqual([noReason.status, noReason.body.error.code], [422, 'REASON_REQUIRED']);
    const withdrawn = await reviewer.post(`${path}/transitions`, { action: 'unpublish', comment: '公开内容有误，撤回更正', version: current.version });
    assert.deepEqual(withdrawn.body, { status: 'approved', version: current.version + 1 });

    assert.equal((await api.anonymous().get(`/api/public/evaluations/${id}`)).status, 404);
    assert.equal((await api.anonymous().get(`/api/public/evaluations/${id}/export.pdf`)).status, 404);
    assert.ok(!(await publicList()).includes(id), 'the public list forgot it at once (its cache dropped)');
    assert.deepEqual((await reviewer.get(`${path}/versions`)).body, versionsBefore, 'the frozen versions are kept');
    const entry = (await reviewer.get(`${path}/audit`)).body.items.at(-1);
    assert.deepEqual([entry.action, entry.user.username, entry.comment, entry.changes], ['unpublish', 'reviewer', '公开内容有误，撤回更正', [{ path: 'status', from: 'published', to: 'approved' }]]);
    assert.deepEqual((await reviewer.get(path)).body.allowedActions, ['publish'], 'it may be published again');
  });

  test('copy to the next year once: a second copy is 409 ALREADY_COPIED naming the first, even renamed, until it is deleted', async () => {
    const document = seedEvaluations()[0]!;
    document.year = 2050;
    const id = await api.evaluation('office', 'approved', document);
    const preparer = await api.as('preparer');
    const first = await preparer.post(`/api/evaluations/${id}/copy-to-next-year`);
    assert.equal(first.status, 201);
    const again = await preparer.post(`/api/evaluations/${id}/copy-to-next-year`);
    assert.equal(again.status, 409, JSON.stringify(again.body));
    assert.equal(again.body.error.code, 'ALREADY_COPIED');
    assert.deepEqual(again.body.existing, { id: first.body.id, year: 2051, project: document.project.name });
    assert.match(again.body.error.message, /2051/u);

    // Renamed since: still the copy of this form (its audit says copiedFrom).
    const copy = (await preparer.get(`/api/evaluations/${first.body.id}`)).body;
    const renamed = { ...copy.evaluation, project: { ...copy.evaluation.project, name: `${document.project.name}（二期）` } };
    assert.equal((await preparer.put(`/api/evaluations/${first.body.id}`, { version: copy.version, evaluation: renamed })).status, 200);
    const renamedAgain = await preparer.post(`/api/evaluations/${id}/copy-to-next-year`);
    assert.deepEqual([renamedAgain.status, renamedAgain.body.existing?.id], [409, first.body.id]);

    // Deleted: no longer there, so a new copy may be made.
    assert.equal((await preparer.request('DELETE', `/api/evaluations/${first.body.id}`)).status, 204);
    assert.equal((await preparer.post(`/api/evaluations/${id}/copy-to-next-year`)).status, 201);
  });

  test('two copies at once: one draft, the other 409', async () => {
    const document = seedEvaluations()[0]!;
    document.year = 2060;
    const id = await api.evaluation('office', 'approved', document);
    const [a, b] = [await api.login('preparer'), await api.login('preparer')];
    const answers = await Promise.all([a, b].map((client) => client.post(`/api/evaluations/${id}/copy-to-next-year`)));
    assert.deepEqual(answers.map((x) => x.status).sort(), [201, 409]);
    const copies = await repositories(api.database().db).evaluations.candidates(2061, [api.unitId('office')]);
    assert.equal(copies.length, 1);
  });
});

forEachApi('an import of another unit\'s form', (api) => {
  test('the preview names what the file says and whose the form would be; the department\'s name is the unit\'s own', async () => {
    const preparer = await api.as('preparer');
    const office = preparer.user.unit.name;
    const sports = await preparer.request('POST', '/api/import', { rawBody: nationalTextUpload() });
    assert.equal(sports.status, 200, JSON.stringify(sports.body));
    assert.deepEqual(sports.body.owner, { unit: office, department: null }, 'the office stands under the bureau');
    assert.deepEqual(sports.body.forms[0].unitMismatch, { file: '上海市普陀区体育局', unit: office, department: null });

    // The centre's preparer: its department (the office) named in 主管部门 is its own, written with other spaces.
    const centre = await api.as('preparer2');
    const text = readFileSync(NATIONAL_TEXT, 'utf8').replace('主管部门 上海市普陀区体育局', `主管部门 ${office.replace('金融', '金融\u3000')}`);
    const ours = await centre.request('POST', '/api/import', { rawBody: upload(text, 'ours.txt') });
    assert.equal(ours.status, 200, JSON.stringify(ours.body));
    assert.deepEqual(ours.body.owner, { unit: centre.user.unit.name, department: office });
    assert.equal(ours.body.forms[0].evaluation.project.budgetUnit.replace(/\s/gu, ''), office);
    assert.equal(ours.body.forms[0].unitMismatch, null);
  });
});

/** A form of the unit in the status and year, written straight to the database. */
async function formOf(api: Api, unit: UnitKey, status: Status, year: number): Promise<string> {
  const document = seedEvaluations()[unit === 'office' ? 0 : 2]!;
  document.year = year;
  return api.evaluation(unit, status, document);
}
