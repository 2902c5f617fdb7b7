import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import type { Evaluation } from '../core/model/evaluation.ts';
import { PUBLIC, visibleScope } from '../core/workflow/workflow.ts';
import { migrateToLatest } from './migrate.ts';
import { inTransaction, repositories } from './repositories.ts';
import { forEachDatabase } from './test-databases.testing.ts';

const AT = '2026-11-26T00:00:00.000Z';
const doc = (name: string): Evaluation => ({ schema: 'jixiao/evaluation@1', template: 'shanghai-2021', year: 2021, project: { name }, indicators: [], extra: { kept: [1, 'x'] } });
const columns = (project: string, budgetFen: number, score = 95.5) => ({
  year: 2021, project, template: 'shanghai-2021', score, grade: 'A', executionRate: '62.16', budgetFen, executedFen: budgetFen - 1,
});

forEachDatabase('repositories', (database, dialect) => {
  test('migrations are idempotent; health of the dialect', async () => {
    await migrateToLatest(database().db);
    assert.equal(database().dialect, dialect);
  });

  test('evaluations: document whole, columns in one shape, sums exact, versions checked', async () => {
    const repos = repositories(database().db);
    await repos.units.create({ id: 'u1', name: 'Unit 1' }, AT);
    await repos.units.create({ id: 'u2', name: 'Unit 2' }, AT);
    await repos.evaluations.insert({ id: 'e1', unitId: 'u1', status: 'draft', columns: columns('P1', 41440000), document: doc('P1'), at: AT });
    await repos.evaluations.insert({ id: 'e2', unitId: 'u1', status: 'published', columns: columns('P2', 10), document: doc('P2'), at: AT });
    await repos.evaluations.insert({ id: 'e3', unitId: 'u2', status: 'submitted', columns: columns('P3', 20), document: doc('P3'), at: AT });

    const e1 = await repos.evaluations.get('e1');
    assert.deepEqual(e1?.document, doc('P1'));
    assert.equal(e1?.score, 95.5);
    assert.equal(e1?.executionRate, '62.16');
    assert.equal(e1?.budget, '414400.00');
    assert.equal(e1?.executed, '414399.99');
    assert.deepEqual(e1?.unit, { id: 'u1', name: 'Unit 1' });

    assert.deepEqual((await repos.evaluations.list(visibleScope(PUBLIC))).map((e) => e.id), ['e2']);
    assert.deepEqual((await repos.evaluations.list(visibleScope({ role: 'preparer', unitId: 'u1', unitPath: '/u1/' }))).map((e) => e.id).sort(), ['e1', 'e2']);
    assert.deepEqual((await repos.evaluations.list(visibleScope({ role: 'reviewer', unitId: null, unitPath: null }))).map((e) => e.id).sort(), ['e2', 'e3']);
    assert.deepEqual(await repos.evaluations.list(visibleScope({ role: 'preparer', unitId: null, unitPath: null })), []);

    const admin = visibleScope({ role: 'admin', unitId: null, unitPath: null });
    const { dashboard } = repos;
    assert.deepEqual((await dashboard.budgetByUnit(admin, { year: 2021 }, 20)).units, [
      { unit: { id: 'u1', name: 'Unit 1' }, budget: '414400.10', executed: '414400.08' },
      { unit: { id: 'u2', name: 'Unit 2' }, budget: '0.20', executed: '0.19' },
    ]);
    assert.equal(await repos.evaluations.latestYear(admin), 2021);

    assert.equal(await repos.evaluations.update('e1', 1, { status: 'submitted', at: AT }), 2);
    assert.equal(await repos.evaluations.update('e1', 1, { status: 'draft', at: AT }), null, 'a stale version writes nothing');
    assert.equal((await repos.evaluations.get('e1'))?.status, 'submitted');
  });

  test('a failed transaction writes nothing', async () => {
    await assert.rejects(inTransaction(database().db, async (repos) => {
      await repos.units.create({ id: 'u9', name: 'Unit 9' }, AT);
      throw new Error('stop');
    }), /stop/u);
    assert.equal(await repositories(database().db).units.get('u9'), undefined);
  });

  test('login attempts: counted per username and per address over a window, before a given attempt; forgotten on success', async () => {
    const repos = repositories(database().db);
    const a1 = await repos.loginAttempts.record('a', '1.1.1.1', '2026-11-26T00:00:10.000Z');
    const a2 = await repos.loginAttempts.record('a', '2.2.2.2', '2026-11-26T00:00:20.000Z');
    await repos.loginAttempts.record('b', '1.1.1.1', '2026-11-26T00:00:30.000Z');
    await repos.loginAttempts.record('a', '1.1.1.1', '2026-11-25T00:00:00.000Z');
    const last = await repos.loginAttempts.record('a', '1.1.1.1', '2026-11-26T00:00:40.000Z');
    assert.ok(a1 < a2 && a2 < last, 'ids order the attempts');
    const since = '2026-11-26T00:00:00.000Z';
    assert.deepEqual(await repos.loginAttempts.beforeFromAddress(last, '1.1.1.1', since), { count: 2, oldest: '2026-11-26T00:00:10.000Z' });
    assert.equal(await repos.loginAttempts.beforeForUsername(last, 'a', since), 2);
    assert.equal(await repos.loginAttempts.beforeForUsername(a2, 'a', since), 1, 'only the attempts before it');
    await repos.loginAttempts.forget(a1);
    assert.equal(await repos.loginAttempts.beforeForUsername(last, 'a', since), 1);
    await repos.loginAttempts.deleteBefore(since);
    const left = await database().db.selectFrom('login_attempts').select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
    assert.equal(Number(left.n), 3);
  });
});
