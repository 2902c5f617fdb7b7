/**
 * Several app processes on one PostgreSQL database, as behind a load balancer (README, "Running for
 * a province"): two `jixiao serve` started at once on an empty database both migrate it safely; a
 * session made on one serves on the other; two saves of the same version through the two processes
 * end in one save and one 409 VERSION_CONFLICT; a logout on one is refused on the other within the
 * session cache's SESSION_CACHE_MS.
 * Two processes on one SQLite file (`jixiao serve --workers N` on SQLite): saves of different forms sent
 * to both at once are each answered 200 (each transaction waits for the file's write lock instead of
 * failing) and each is kept.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { templateRegistry } from '../../src/core/templates/registry.ts';
import { loadDemo } from '../../src/server/demo-data.ts';
import { SESSION_CACHE_MS } from '../../src/server/session-cache.ts';
import { openDatabase, type Database } from '../../src/storage/open-database.ts';
import { scratchDatabase, type ScratchDatabase } from '../../src/storage/scratch-database.ts';
import { TEST_DIALECTS } from '../../src/storage/test-databases.testing.ts';
import { createDrafts, HttpSession, startServe, type ServeProcess } from './support/serve-process.ts';

const PASSWORD = 'two-processes-password';
const PG_ADMIN_URL = process.env.JIXIAO_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

let scratch: ScratchDatabase | undefined;
let database: Database | undefined;
const servers: ServeProcess[] = [];
const sqliteDir = mkdtempSync(join(tmpdir(), 'jixiao-two-sqlite-'));
after(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  await database?.close();
  await scratch?.drop();
  rmSync(sqliteDir, { recursive: true, force: true });
});

test('two jixiao serve on one PostgreSQL: both migrate at once, share sessions, and see each other\'s versions', { skip: !TEST_DIALECTS.includes('postgres') && 'JIXIAO_TEST_PG=0', timeout: 120_000 }, async () => {
  scratch = await scratchDatabase('postgres', 'two', PG_ADMIN_URL);
  // Started together on the empty database: each migrates it.
  servers.push(...(await Promise.all([startServe({ DATABASE_URL: scratch.url }, { demo: false }), startServe({ DATABASE_URL: scratch.url }, { demo: false })])));
  const [a, b] = servers as [ServeProcess, ServeProcess];
  database = openDatabase(scratch.url);
  const migrations = await database.db.selectFrom('kysely_migration' as never).select('name' as never).execute();
  assert.ok(migrations.length >= 9, `each migration once: ${migrations.length}`);
  assert.equal(new Set(migrations.map((m: any) => m.name)).size, migrations.length);
  assert.equal(await loadDemo(database.db, { password: PASSWORD, templates: templateRegistry() }), true);

  const onA = await HttpSession.login(a.base, 'preparer', PASSWORD);
  // The same session (cookie and CSRF token) on the other process: sessions live in the database.
  const onB = Object.assign(Object.create(Object.getPrototypeOf(onA)), onA, { base: b.base }) as HttpSession;
  const list = await onB.send('GET', '/api/evaluations?status=draft');
  assert.equal(list.status, 200);
  const id = list.body.items[0].id as string;
  const detail = (await onA.send('GET', `/api/evaluations/${id}`)).body;

  const edit = (note: string) => ({ version: detail.version, evaluation: { ...detail.evaluation, problems: note } });
  const first = await onA.send('PUT', `/api/evaluations/${id}`, edit('saved through A'));
  assert.equal(first.status, 200);
  const second = await onB.send('PUT', `/api/evaluations/${id}`, edit('saved through B'));
  assert.equal(second.status, 409);
  assert.equal(second.body.error.code, 'VERSION_CONFLICT');
  assert.equal(second.body.version, first.body.version, 'B answers with the version A wrote');
  assert.equal(second.body.evaluation.problems, 'saved through A');
  assert.equal((await onA.send('POST', '/api/logout')).status, 204);
  // B may answer from the session it read less than SESSION_CACHE_MS ago (src/server/session-cache.ts).
  await sleep(SESSION_CACHE_MS + 50);
  assert.equal((await onB.send('GET', '/api/me')).status, 401, 'logged out on A, gone on B within SESSION_CACHE_MS');
});

const WRITERS = 8;
const SAVES = 25;

/** `SAVES` saves in a row of one form, each on the version the one before made; the status of each. */
async function saveInARow(session: HttpSession, id: string, writer: number): Promise<number[]> {
  const { version: first, evaluation } = (await session.send('GET', `/api/evaluations/${id}`)).body;
  const statuses = [];
  let version = first as number;
  for (let n = 0; n < SAVES; n++) {
    const answer = await session.send('PUT', `/api/evaluations/${id}`, { version, evaluation: { ...evaluation, problems: `writer ${writer}, save ${n}` } });
    statuses.push(answer.status);
    if (answer.status === 200) version = answer.body.version;
  }
  return statuses;
}

test('two jixiao serve on one SQLite file: saves of different forms sent to both at once are all answered 200, none lost', { timeout: 120_000 }, async () => {
  const file = join(sqliteDir, 'jixiao.sqlite');
  // The first migrates and loads the demo, the second serves the file as it is: what `--workers` does.
  servers.push(await startServe({ DATABASE_URL: file, JIXIAO_DEMO_PASSWORD: PASSWORD }));
  servers.push(await startServe({ DATABASE_URL: file }, { demo: false }));
  const [a, b] = servers.slice(-2) as [ServeProcess, ServeProcess];
  const drafts = await createDrafts(await HttpSession.login(a.base, 'preparer', PASSWORD), WRITERS, 'two processes');
  // Half the writers through each process, all at once.
  const sessions = await Promise.all(drafts.map((_, i) => HttpSession.login((i % 2 ? b : a).base, 'preparer', PASSWORD)));
  const statuses = (await Promise.all(drafts.map(({ id }, i) => saveInARow(sessions[i]!, id, i)))).flat();
  assert.deepEqual(statuses.filter((status) => status !== 200), [], `every one of ${WRITERS * SAVES} saves answered 200`);

  const reader = await HttpSession.login(b.base, 'preparer', PASSWORD);
  for (const [i, { id }] of drafts.entries()) {
    const stored = (await reader.send('GET', `/api/evaluations/${id}`)).body;
    assert.equal(stored.version, 1 + SAVES, `form ${i}: each save made a version`);
    assert.equal(stored.evaluation.problems, `writer ${i}, save ${SAVES - 1}`, `form ${i}: the last save's document`);
  }
});
