/**
 * Frozen versions: submit and approve each store the document with its content hash in the same
 * transaction; the stored copies never change (the database refuses) and a changed copy is
 * reported (intact: false); the diff names the fields and indicators that changed.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { contentHash } from '../../src/core/model/content-hash.ts';
import { seedEvaluations } from '../support/fixtures.ts';
import { forEachApi, type Api } from './support/api-harness.ts';
import { act } from './support/transition.ts';

/** Lets a test change a stored version as an intruder with SQL access would: with the guard trigger off. */
async function withoutGuard(api: Api, work: () => Promise<void>): Promise<void> {
  const { db } = api.database();
  if (api.dialect === 'postgres') {
    await sql`alter table evaluation_versions disable trigger evaluation_versions_no_change`.execute(db);
    try {
      await work();
    } finally {
      await sql`alter table evaluation_versions enable trigger evaluation_versions_no_change`.execute(db);
    }
  } else {
    await sql`drop trigger evaluation_versions_no_update`.execute(db);
    try {
      await work();
    } finally {
      await sql.raw(`create trigger evaluation_versions_no_update before update on evaluation_versions
        begin select raise(abort, 'evaluation_versions is append-only: UPDATE refused'); end`).execute(db);
    }
  }
}

forEachApi('frozen versions', (api) => {
  let id = '';
  let path = '';
  const atSubmit: unknown[] = [];

  test("the demo's forms carry the versions of the workflow they went through", async () => {
    const reviewer = await api.as('reviewer');
    const demo = (await reviewer.get('/api/evaluations?year=2021')).body.items;
    const versionsOf = async (status: string) => {
      const form = demo.find((s: any) => s.status === status);
      return (await reviewer.get(`/api/evaluations/${form.id}/versions`)).body.items.map((v: any) => [v.number, v.action, v.intact]);
    };
    assert.deepEqual(await versionsOf('published'), [[1, 'submit', true], [2, 'approve', true]]);
    assert.deepEqual(await versionsOf('submitted'), [[1, 'submit', true]]);
  });

  test('submit → v1; return with a reason; edit; submit → v2; approve → v3 with the content of v2', async () => {
    const preparer = await api.as('preparer');
    const approver = await api.as('approver');
    const reviewer = await api.as('reviewer');
    id = (await preparer.post('/api/evaluations', { evaluation: seedEvaluations()[1] })).body.id;
    path = `/api/evaluations/${id}`;
    assert.deepEqual((await preparer.get(`${path}/versions`)).body, { items: [] }, 'a draft has no frozen version');

    atSubmit.push((await preparer.get(path)).body.evaluation);
    assert.equal((await act(approver, `${path}`, { action: 'submit' })).status, 200);
    const v1 = (await preparer.get(`${path}/versions`)).body.items;
    assert.equal(v1.length, 1);
    assert.deepEqual([v1[0].number, v1[0].action, v1[0].status, v1[0].frozenBy.username, v1[0].intact, v1[0].sameAs], [1, 'submit', 'submitted', 'approver', true, null]);
    assert.match(v1[0].contentHash, /^[0-9a-f]{64}$/u);
    assert.equal(v1[0].contentHash, contentHash(atSubmit[0]));

    assert.equal((await act(reviewer, `${path}`, { action: 'return', comment: '宣传场次与佐证材料不符，请核实' })).status, 200);
    assert.equal((await preparer.get(`${path}/versions`)).body.items.length, 1, 'a return freezes nothing');
    const returned = (await preparer.get(path)).body;
    const edited = structuredClone(returned.evaluation);
    edited.indicators[0].remark = '已核实佐证材料';
    edited.problems = '已补充说明';
    assert.equal((await preparer.put(path, { version: returned.version, evaluation: edited })).status, 200);
    atSubmit.push((await preparer.get(path)).body.evaluation);

    assert.equal((await act(approver, `${path}`, { action: 'submit' })).status, 200);
    assert.equal((await act(reviewer, `${path}`, { action: 'approve' })).status, 200);
    const items = (await reviewer.get(`${path}/versions`)).body.items;
    assert.deepEqual(items.map((v: any) => [v.number, v.action, v.status, v.intact, v.sameAs]), [
      [1, 'submit', 'submitted', true, null],
      [2, 'submit', 'submitted', true, null],
      [3, 'approve', 'approved', true, 2],
    ]);
    assert.notEqual(items[0].contentHash, items[1].contentHash);
    assert.equal(items[1].contentHash, items[2].contentHash);
    assert.equal(items[2].frozenBy.username, 'reviewer');

    const audit = (await preparer.get(`${path}/audit`)).body.items;
    const ret = audit.find((e: any) => e.action === 'return');
    assert.equal(ret.comment, '宣传场次与佐证材料不符，请核实', 'the return reason is in the audit log');
    const edit = audit.find((e: any) => e.action === 'edit');
    const remark = edit.changes.find((c: any) => c.path === 'indicators[0].remark');
    assert.deepEqual(remark.indicator, { index: 0, name: edited.indicators[0].name }, 'an indicator change names the indicator');
  });

  test('each snapshot is the document as it was frozen, whatever happens to the form later; its hash recomputes equal', async () => {
    const preparer = await api.as('preparer');
    const v1 = (await preparer.get(`${path}/versions/1`)).body;
    assert.deepEqual(v1.evaluation, atSubmit[0]);
    assert.equal(v1.recomputedHash, v1.contentHash);
    assert.equal(v1.contentHash, contentHash(v1.evaluation));
    assert.equal(v1.intact, true);
    const v2 = (await preparer.get(`${path}/versions/2`)).body;
    assert.deepEqual(v2.evaluation, atSubmit[1]);
    assert.equal(v2.evaluation.problems, '已补充说明');
    assert.notEqual(v1.evaluation.problems, '已补充说明');
  });

  test('the diff lists the changed fields, indicators named; equal content gives no change', async () => {
    const reviewer = await api.as('reviewer');
    const diff = (await reviewer.get(`${path}/diff?from=1&to=2`)).body;
    assert.deepEqual([diff.from.number, diff.to.number], [1, 2]);
    const paths = diff.changes.map((c: any) => c.path);
    assert.ok(paths.includes('indicators[0].remark') && paths.includes('problems'), JSON.stringify(paths));
    const remark = diff.changes.find((c: any) => c.path === 'indicators[0].remark');
    assert.equal(remark.to, '已核实佐证材料');
    assert.equal(typeof remark.indicator.name, 'string');
    assert.equal(remark.indicator.index, 0);
    assert.equal(diff.changes.find((c: any) => c.path === 'problems').indicator, undefined);
    assert.deepEqual((await reviewer.get(`${path}/diff?from=2&to=3`)).body.changes, []);
    const toCurrent = (await reviewer.get(`${path}/diff?from=3&to=current`)).body;
    assert.deepEqual([toCurrent.to.number, toCurrent.to.status, toCurrent.changes], ['current', 'approved', []]);
    assert.equal(toCurrent.to.contentHash, toCurrent.from.contentHash);
    const back = (await reviewer.get(`${path}/diff?from=2&to=1`)).body.changes.find((c: any) => c.path === 'problems');
    assert.equal(back.from, '已补充说明', 'the other way round, from and to swap');
  });

  test('the database refuses to change or delete a stored version', async () => {
    const { db } = api.database();
    await assert.rejects(sql`update evaluation_versions set content_hash = 'x' where evaluation_id = ${id}`.execute(db), /append-only/u);
    await assert.rejects(sql`delete from evaluation_versions where evaluation_id = ${id}`.execute(db), /append-only/u);
    if (api.dialect === 'postgres') await assert.rejects(sql`truncate evaluation_versions`.execute(db), /append-only/u);
    assert.equal((await (await api.as('preparer')).get(`${path}/versions`)).body.items.length, 3);
  });

  test('a snapshot changed behind the guard is reported: intact false, its stored hash beside the one computed now', async () => {
    const { db } = api.database();
    const doctored = structuredClone(atSubmit[0]) as any;
    doctored.indicators[0].score = 0;
    await withoutGuard(api, async () => {
      await sql`update evaluation_versions set document = ${JSON.stringify(doctored)} where evaluation_id = ${id} and number = 1`.execute(db);
    });
    const preparer = await api.as('preparer');
    const v1 = (await preparer.get(`${path}/versions/1`)).body;
    assert.equal(v1.intact, false);
    assert.equal(v1.contentHash, contentHash(atSubmit[0]));
    assert.equal(v1.recomputedHash, contentHash(doctored));
    assert.deepEqual((await preparer.get(`${path}/versions`)).body.items.map((v: any) => v.intact), [false, true, true]);
    await assert.rejects(sql`update evaluation_versions set status = 'draft'`.execute(db), /append-only/u, 'the guard is back');
  });

  test('versions are seen as the evaluation is: 404 for another unit, 401 without login', async () => {
    const other = await api.as('preparer2');
    for (const p of [`${path}/versions`, `${path}/versions/1`, `${path}/diff?from=1&to=2`]) {
      assert.equal((await other.get(p)).status, 404, p);
      assert.equal((await api.anonymous().get(p)).status, 401, p);
      assert.equal((await (await api.as('admin')).get(p)).status, 200, p);
    }
    const draft = await api.evaluation('office', 'draft');
    assert.equal((await (await api.as('reviewer')).get(`/api/evaluations/${draft}/versions`)).status, 404, 'the reviewer does not see drafts');
  });

  test('bad numbers get 400 naming the field; a version that does not exist 404', async () => {
    const preparer = await api.as('preparer');
    const bad = await preparer.get(`${path}/versions/abc`);
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error.issues[0].path, 'number');
    for (const [query, field] of [['from=0&to=1', 'from'], ['from=1&to=latest', 'to'], ['to=1', 'from']] as const) {
      const answer = await preparer.get(`${path}/diff?${query}`);
      assert.equal(answer.status, 400, query);
      assert.equal(answer.body.error.code, 'VALIDATION');
      assert.equal(answer.body.error.issues[0].path, field, query);
    }
    const missing = await preparer.get(`${path}/versions/9`);
    assert.deepEqual([missing.status, missing.body.error.code], [404, 'VERSION_NOT_FOUND']);
    assert.equal((await preparer.get(`${path}/diff?from=1&to=9`)).body.error.code, 'VERSION_NOT_FOUND');
  });
});
