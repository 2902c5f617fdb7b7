/** Bad requests: 400 with the path of every wrong field, and nothing written. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { seedEvaluations } from '../support/fixtures.ts';
import { forEachApi, type Api } from './support/api-harness.ts';

async function counts(api: Api) {
  const db = api.database().db;
  const [evaluations, audit] = await Promise.all([
    sql<{ n: number | string }>`select count(*) as n from evaluations`.execute(db),
    sql<{ n: number | string }>`select count(*) as n from audit_log`.execute(db),
  ]);
  return [Number(evaluations.rows[0]!.n), Number(audit.rows[0]!.n)];
}

forEachApi('request validation', (api) => {
  test('a bad evaluation on create: 400 VALIDATION with each field path, nothing written', async () => {
    const preparer = await api.as('preparer');
    const before = await counts(api);
    const evaluation: any = seedEvaluations()[0]!;
    evaluation.indicators[3].weight = 'ten';
    evaluation.project.executed = '12,00';
    delete evaluation.year;
    const answer = await preparer.post('/api/evaluations', { evaluation });
    assert.equal(answer.status, 400);
    assert.equal(answer.body.error.code, 'VALIDATION');
    const paths = answer.body.error.issues.map((i: any) => i.path).sort();
    assert.deepEqual(paths, ['evaluation.indicators[3].weight', 'evaluation.project.executed', 'evaluation.year']);
    assert.deepEqual(await counts(api), before);
  });

  test('an unknown template: 400 at evaluation.template, nothing written', async () => {
    const before = await counts(api);
    const evaluation = { ...seedEvaluations()[0]!, template: 'atlantis-1999' };
    const answer = await (await api.as('preparer')).post('/api/evaluations', { evaluation });
    assert.equal(answer.status, 400);
    assert.equal(answer.body.error.code, 'UNKNOWN_TEMPLATE');
    assert.deepEqual(answer.body.error.issues.map((i: any) => i.path), ['evaluation.template']);
    assert.deepEqual(await counts(api), before);
  });

  test('a bad save: 400 with paths, the stored evaluation and its audit unchanged', async () => {
    const id = await api.evaluation('office', 'draft');
    const before = await counts(api);
    const preparer = await api.as('preparer');
    const evaluation: any = seedEvaluations()[0]!;
    evaluation.indicators[0].score = 1.234;
    for (const body of [{ version: 1, evaluation }, { evaluation: seedEvaluations()[0] }, { version: 'one', evaluation: seedEvaluations()[0] }]) {
      const answer = await preparer.put(`/api/evaluations/${id}`, body);
      assert.equal(answer.status, 400, JSON.stringify(answer.body));
      assert.ok(answer.body.error.issues.length > 0);
    }
    const first = await preparer.put(`/api/evaluations/${id}`, { version: 1, evaluation });
    assert.deepEqual(first.body.error.issues.map((i: any) => i.path), ['evaluation.indicators[0].score']);
    const stored = await preparer.get(`/api/evaluations/${id}`);
    assert.equal(stored.body.version, 1);
    assert.deepEqual(stored.body.evaluation, seedEvaluations()[0]);
    assert.deepEqual(await counts(api), before);
  });

  test('other bad bodies: unknown action, missing fields, malformed JSON, a wrong query', async () => {
    const id = await api.evaluation('office', 'draft');
    const approver = await api.as('approver');
    const cases = [
      [await approver.post(`/api/evaluations/${id}/transitions`, { action: 'destroy', version: 1 }), 'action'],
      [await approver.post(`/api/evaluations/${id}/transitions`, { version: 1 }), 'action'],
      [await approver.post(`/api/evaluations/${id}/transitions`, { action: 'submit' }), 'version'],
      [await api.anonymous().post('/api/login', { username: 'preparer' }), 'password'],
      [await (await api.as('reviewer')).get('/api/evaluations?year=last'), 'year'],
      [await (await api.as('reviewer')).get('/api/evaluations?status=lost'), 'status'],
    ] as const;
    for (const [answer, path] of cases) {
      assert.equal(answer.status, 400, JSON.stringify(answer.body));
      assert.equal(answer.body.error.code, 'VALIDATION');
      assert.deepEqual(answer.body.error.issues.map((i: any) => i.path), [path]);
    }
    const malformed = await approver.request('POST', `/api/evaluations/${id}/transitions`, { rawBody: '{"action":', headers: { 'content-type': 'application/json' } });
    assert.equal(malformed.status, 400);
    assert.equal(malformed.body.error.code, 'VALIDATION');
    const stored = await approver.get(`/api/evaluations/${id}`);
    assert.deepEqual([stored.body.status, stored.body.version], ['draft', 1]);
  });

  test('unknown fields of an evaluation are kept through a save and a read', async () => {
    const preparer = await api.as('preparer');
    const evaluation: any = { ...seedEvaluations()[2]!, vendorExtension: { code: 'X-1', list: [1, 2] } };
    evaluation.indicators[0].customNote = 'kept';
    const created = await preparer.post('/api/evaluations', { evaluation });
    assert.equal(created.status, 201);
    const read = await preparer.get(`/api/evaluations/${created.body.id}`);
    assert.deepEqual(read.body.evaluation.vendorExtension, { code: 'X-1', list: [1, 2] });
    assert.equal(read.body.evaluation.indicators[0].customNote, 'kept');
  });
});
