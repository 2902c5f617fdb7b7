/** Optimistic concurrency: a save on a stale version is refused with the current version and evaluation. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openDatabase } from '../../src/storage/open-database.ts';
import { repositories } from '../../src/storage/repositories.ts';
import { seedEvaluations } from '../support/fixtures.ts';
import { forEachApi } from './support/api-harness.ts';
import { act } from './support/transition.ts';

forEachApi('concurrent edits', (api) => {
  test('two editors on version 1: the first saves (version 2), the second gets 409 with version 2 and its evaluation', async () => {
    const id = await api.evaluation('office', 'draft');
    const first = await api.login('preparer');
    const second = await api.login('preparer');
    const mine = seedEvaluations()[0]!;
    mine.problems = 'first editor';
    const theirs = seedEvaluations()[0]!;
    theirs.problems = 'second editor';

    const saved = await first.put(`/api/evaluations/${id}`, { version: 1, evaluation: mine });
    assert.deepEqual([saved.status, saved.body], [200, { version: 2 }]);
    const refused = await second.put(`/api/evaluations/${id}`, { version: 1, evaluation: theirs });
    assert.equal(refused.status, 409);
    assert.equal(refused.body.error.code, 'VERSION_CONFLICT');
    assert.equal(refused.body.version, 2);
    assert.equal(refused.body.evaluation.problems, 'first editor');

    const current = await first.get(`/api/evaluations/${id}`);
    assert.deepEqual([current.body.version, current.body.evaluation.problems], [2, 'first editor']);
    const retried = await second.put(`/api/evaluations/${id}`, { version: 2, evaluation: theirs });
    assert.deepEqual([retried.status, retried.body], [200, { version: 3 }]);
  });

  test('simultaneous saves on one version: exactly one wins', async () => {
    const id = await api.evaluation('office', 'draft');
    const clients = await Promise.all([api.login('preparer'), api.login('preparer'), api.login('preparer')]);
    const answers = await Promise.all(
      clients.map((client, i) => {
        const evaluation = seedEvaluations()[0]!;
        evaluation.improvements = `editor ${i}`;
        return client.put(`/api/evaluations/${id}`, { version: 1, evaluation });
      }),
    );
    assert.deepEqual(answers.map((a) => a.status).sort(), [200, 409, 409]);
    const audit = await clients[0]!.get(`/api/evaluations/${id}/audit`);
    assert.equal(audit.body.items.filter((e: any) => e.action === 'edit').length, 1, 'one audit entry for the one save');
  });

  test('saves of different forms sent together (one group commit): each durable, a stale one 409 alone', async () => {
    const ids = await Promise.all([0, 1, 2, 3].map(() => api.evaluation('office', 'draft')));
    const preparer = await api.as('preparer');
    // The last form moves to version 2 first: its save below on version 1 is stale.
    const first = seedEvaluations()[0]!;
    first.problems = 'saved before';
    assert.equal((await preparer.put(`/api/evaluations/${ids[3]}`, { version: 1, evaluation: first })).status, 200);

    const answers = await Promise.all(ids.map((id, i) => {
      const evaluation = seedEvaluations()[0]!;
      evaluation.problems = `together ${i}`;
      return preparer.put(`/api/evaluations/${id}`, { version: 1, evaluation });
    }));
    assert.deepEqual(answers.map((a) => a.status), [200, 200, 200, 409]);
    assert.deepEqual(answers.slice(0, 3).map((a) => a.body), [{ version: 2 }, { version: 2 }, { version: 2 }]);
    assert.deepEqual([answers[3]!.body.error.code, answers[3]!.body.version, answers[3]!.body.evaluation.problems], ['VERSION_CONFLICT', 2, 'saved before']);

    // Durable: read through a connection of its own once the answers are in.
    const other = openDatabase(api.url());
    try {
      const repos = repositories(other.db);
      for (const [i, id] of ids.entries()) {
        const stored = await repos.evaluations.get(id);
        assert.deepEqual([stored?.version, stored?.document.problems], i < 3 ? [2, `together ${i}`] : [2, 'saved before']);
        assert.equal((await repos.audit.list(id)).filter((e) => e.action === 'edit').length, 1, 'one audit entry each');
      }
    } finally {
      await other.close();
    }
  });

  test('a transition in between makes the editor’s version stale; the frozen form is then not editable', async () => {
    const id = await api.evaluation('office', 'draft');
    const preparer = await api.as('preparer');
    assert.equal((await act((await api.as('approver')), `/api/evaluations/${id}`, { action: 'submit' })).status, 200);
    const answer = await preparer.put(`/api/evaluations/${id}`, { version: 1, evaluation: seedEvaluations()[0] });
    assert.equal(answer.status, 403);
  });
});
