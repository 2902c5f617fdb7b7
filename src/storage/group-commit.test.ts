import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Evaluation } from '../core/model/evaluation.ts';
import { sql } from 'kysely';
import { GroupCommit } from './group-commit.ts';
import { WalSync } from './wal-sync.ts';
import { openDatabase, walSyncOf } from './open-database.ts';
import type { Repositories } from './repositories.ts';
import { repositories } from './repositories.ts';
import { forEachDatabase } from './test-databases.testing.ts';

const AT = '2026-12-03T00:00:00.000Z';
const doc = (name: string): Evaluation => ({ schema: 'jixiao/evaluation@1', template: 'shanghai-2021', year: 2021, project: { name }, indicators: [] });
const columns = (project: string) => ({ year: 2021, project, template: 'shanghai-2021', score: 90, grade: 'A', executionRate: null, budgetFen: null, executedFen: null });

class Stale extends Error {}

forEachDatabase('group commit', (database, dialect, url) => {
  /** A save as the service does it: guarded by the version, with its audit entry; a stale version throws before anything is written. */
  const save = (id: string, version: number, name: string, seen: Repositories[]) => async (repos: Repositories) => {
    seen.push(repos);
    const stored = await repos.evaluations.get(id);
    if (stored?.version !== version) throw new Stale(`${id}: version ${stored?.version}, not ${version}`);
    const next = await repos.evaluations.update(id, version, { document: doc(name), columns: columns(name), at: AT });
    if (next === null) throw new Stale(id);
    await repos.audit.append({ evaluationId: id, at: AT, userId: 'u', action: 'edit', comment: null, changes: [{ path: 'project.name', from: null, to: name }] });
    return next;
  };

  test('saves of different forms arriving together: one transaction, each durable; a stale one gets its error alone', async () => {
    const repos = repositories(database().db);
    await repos.units.create({ id: 'gu', name: 'Unit' }, AT);
    await repos.users.create({ id: 'u', username: 'group-commit', displayName: 'u', role: 'preparer', unitId: 'gu', passwordHash: 'x' }, AT);
    for (const id of ['g1', 'g2', 'g3', 'g4']) await repos.evaluations.insert({ id, unitId: 'gu', status: 'draft', columns: columns(id), document: doc(id), at: AT });

    const group = new GroupCommit(database().db);
    // All fine: one transaction for the four.
    const together: Repositories[] = [];
    const versions = await Promise.all(['g1', 'g2', 'g3', 'g4'].map((id) => group.run(save(id, 1, `${id} first`, together))));
    assert.deepEqual(versions, [2, 2, 2, 2]);
    assert.equal(new Set(together).size, 1, 'one transaction');

    // One stale (g3 sent with version 1, it is at 2) among three good saves.
    const seen: Repositories[] = [];
    const outcomes = await Promise.allSettled([
      group.run(save('g1', 2, 'g1 second', seen)),
      group.run(save('g2', 2, 'g2 second', seen)),
      group.run(save('g3', 1, 'g3 stale', seen)),
      group.run(save('g4', 2, 'g4 second', seen)),
    ]);
    assert.deepEqual(outcomes.map((o) => o.status), ['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    assert.ok((outcomes[2] as PromiseRejectedResult).reason instanceof Stale);
    assert.deepEqual(outcomes.filter((o) => o.status === 'fulfilled').map((o) => (o as PromiseFulfilledResult<number>).value), [3, 3, 3]);
    // SQLite: the stale one rolled back to its savepoint inside the shared transaction. PostgreSQL:
    // the batch rolled back and each ran again alone.
    if (dialect === 'sqlite') assert.equal(new Set(seen).size, 1, 'one transaction');

    // Durable: read through a connection of its own, after the answers.
    const other = openDatabase(url());
    try {
      const read = repositories(other.db);
      for (const id of ['g1', 'g2', 'g4']) {
        const stored = await read.evaluations.get(id);
        assert.deepEqual([stored?.version, stored?.document.project.name], [3, `${id} second`]);
      }
      const g3 = await read.evaluations.get('g3');
      assert.deepEqual([g3?.version, g3?.document.project.name], [2, 'g3 first'], 'the stale save wrote nothing');
      assert.deepEqual((await read.audit.list('g3')).map((e) => e.changes[0]!.to), ['g3 first'], 'nor its audit entry');
      assert.deepEqual((await read.audit.list('g1')).map((e) => e.changes[0]!.to), ['g1 first', 'g1 second']);
    } finally {
      await other.close();
    }
  });

  test('a unit that throws after writing takes none of its writes into the commit', async () => {
    const repos = repositories(database().db);
    await repos.evaluations.insert({ id: 'h1', unitId: 'gu', status: 'draft', columns: columns('h1'), document: doc('h1'), at: AT });
    await repos.evaluations.insert({ id: 'h2', unitId: 'gu', status: 'draft', columns: columns('h2'), document: doc('h2'), at: AT });
    const group = new GroupCommit(database().db);
    const outcomes = await Promise.allSettled([
      group.run(async (trx) => {
        await trx.evaluations.update('h1', 1, { document: doc('h1 half'), columns: columns('h1 half'), at: AT });
        throw new Error('after the write');
      }),
      group.run(save('h2', 1, 'h2 saved', [])),
    ]);
    assert.deepEqual(outcomes.map((o) => o.status), ['rejected', 'fulfilled']);
    assert.equal((await repos.evaluations.get('h1'))?.version, 1);
    assert.equal((await repos.evaluations.get('h2'))?.document.project.name, 'h2 saved');
  });

  test('a unit the database refuses (a foreign key) costs the others nothing', async () => {
    const group = new GroupCommit(database().db);
    const outcomes = await Promise.allSettled([
      group.run((trx) => trx.audit.append({ evaluationId: 'no-such-form', at: AT, userId: 'u', action: 'edit', comment: null, changes: [] })),
      group.run(async () => 1),
    ]);
    assert.equal(outcomes[0]!.status, 'rejected');
    assert.equal(outcomes[1]!.status, 'fulfilled', 'the other unit is not refused for it');
  });

  if (dialect !== 'sqlite') return;

  /** The log's fsync, watched: what another connection reads when it starts, and when it has ended. */
  class WatchedSync extends WalSync {
    readAtStart: Array<number | undefined> = [];
    ended = 0;
    fail = false;
    protected override async datasync(): Promise<void> {
      const other = openDatabase(url());
      try {
        this.readAtStart.push((await repositories(other.db).evaluations.get('w1'))?.version);
      } finally {
        await other.close();
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
      if (this.fail) throw new Error('disk gone');
      await super.datasync();
      this.ended++;
    }
  }

  const synchronous = async () => (await sql<{ synchronous: number }>`pragma synchronous`.execute(database().db)).rows[0]?.synchronous;

  test('SQLite: a batch is answered after the log is synced, from after its commit; the connection is back at FULL', async () => {
    const repos = repositories(database().db);
    for (const id of ['w1', 'w2']) await repos.evaluations.insert({ id, unitId: 'gu', status: 'draft', columns: columns(id), document: doc(id), at: AT });
    const wal = new WatchedSync(url());
    const group = new GroupCommit(database().db, { walSync: wal });
    const answered: number[] = [];
    await Promise.all([
      group.run(save('w1', 1, 'w1 saved', [])).then(() => answered.push(wal.ended)),
      group.run(save('w2', 1, 'w2 saved', [])).then(() => answered.push(wal.ended)),
    ]);
    assert.deepEqual(wal.readAtStart, [2], 'one sync, started once the commit was visible to others');
    assert.deepEqual(answered, [1, 1], 'both answered after it ended');
    assert.equal(await synchronous(), 2, 'FULL for every other transaction');
    await group.run(save('w1', 2, 'w1 alone', []));
    assert.deepEqual(wal.readAtStart, [2, 3], 'a save alone is synced the same way');
    assert.equal(await synchronous(), 2);
  });

  test('SQLite: when the log cannot be synced, every save of the batch is answered with the error', async () => {
    const wal = new WatchedSync(url());
    wal.fail = true;
    const group = new GroupCommit(database().db, { walSync: wal });
    const outcomes = await Promise.allSettled([group.run(save('w1', 3, 'w1 unsure', [])), group.run(save('w2', 2, 'w2 unsure', []))]);
    assert.deepEqual(outcomes.map((o) => o.status === 'rejected' && (o.reason as Error).message), ['disk gone', 'disk gone']);
    assert.equal(await synchronous(), 2);
  });

  test('SQLite: the next batch commits while the log of the one before is being synced', async () => {
    let release = () => {};
    class GatedSync extends WalSync {
      started = 0;
      protected override async datasync(): Promise<void> {
        if (this.started++ === 0) await new Promise<void>((resolve) => (release = resolve));
        await super.datasync();
      }
    }
    const wal = new GatedSync(url());
    const group = new GroupCommit(database().db, { walSync: wal });
    const readW2 = async () => {
      const other = openDatabase(url());
      try {
        return (await repositories(other.db).evaluations.get('w2'))?.document.project.name;
      } finally {
        await other.close();
      }
    };
    const versionOf = async (id: string) => (await repositories(database().db).evaluations.get(id))!.version;
    let firstAnswered = false;
    const first = group.run(save('w1', await versionOf('w1'), 'w1 held', [])).then(() => (firstAnswered = true));
    for (let i = 0; wal.started === 0; i++) {
      assert.ok(i < 200, 'the first sync began');
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const second = group.run(save('w2', await versionOf('w2'), 'w2 meanwhile', []));
    for (let i = 0; (await readW2()) !== 'w2 meanwhile'; i++) {
      assert.ok(i < 200, 'the second batch committed while the first sync was held');
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    assert.equal(firstAnswered, false, 'the first is still waiting for its sync');
    release();
    await Promise.all([first, second]);
    assert.equal(wal.started, 2, 'the second commit ended after the first sync began: a sync of its own');
  });

  test('SQLite: the database opened by openDatabase syncs its log for the group commit', async () => {
    assert.ok(walSyncOf(database().db) instanceof WalSync, 'a SQLite file has a log to sync');
  });
});

