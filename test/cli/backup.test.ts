/**
 * `jixiao backup` and `jixiao restore` on SQLite: the demo and a synthetic province in a file, a
 * running `jixiao serve` that keeps saving forms, a backup taken meanwhile, restored into a fresh
 * path: every evaluation is there (count and content) and `PRAGMA integrity_check` is ok. Also the
 * refusals: not a jixiao file, a database in use, an existing backup file; PostgreSQL prints the
 * pg_dump / pg_restore commands (without the password) and exits 2.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import SqliteDatabase from 'better-sqlite3';
import { BUILT_IN_TEMPLATES, templateRegistry } from '../../src/core/templates/registry.ts';
import type { Status } from '../../src/core/workflow/workflow.ts';
import { syntheticEvaluations } from '../../src/demo/synthetic-evaluations.ts';
import { columnsOf } from '../../src/storage/evaluation-columns.ts';
import { loadDemo } from '../../src/server/demo-data.ts';
import { readJson } from '../../src/storage/columns.ts';
import { migrateToLatest } from '../../src/storage/migrate.ts';
import { openDatabase } from '../../src/storage/open-database.ts';
import { inTransaction } from '../../src/storage/repositories.ts';
import { ROOT, seedEvaluations } from '../support/fixtures.ts';

const PASSWORD = 'backup-test-password';
const dir = mkdtempSync(join(tmpdir(), 'jixiao-backup-'));
const source = join(dir, 'data', 'jixiao.sqlite');

interface Run { code: number | null; stdout: string; stderr: string }

/** The real executable, asynchronously (the test keeps writing meanwhile). */
function jixiao(args: string[], databaseUrl: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [`${ROOT}bin/jixiao.js`, ...args], { cwd: dir, env: { ...process.env, DATABASE_URL: databaseUrl } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Every evaluation of a file, by id, as stored. */
function evaluations(path: string): Map<string, { status: string; version: number; document: unknown }> {
  const db = new SqliteDatabase(path, { readonly: true, fileMustExist: true });
  try {
    const rows = db.prepare('select id, status, version, document from evaluations').all() as Array<{ id: string; status: string; version: number; document: string }>;
    return new Map(rows.map((r) => [r.id, { status: r.status, version: r.version, document: readJson(r.document) }]));
  } finally {
    db.close();
  }
}

function integrity(path: string): string {
  const db = new SqliteDatabase(path, { readonly: true, fileMustExist: true });
  try {
    return (db.pragma('integrity_check', { simple: true }) as string);
  } finally {
    db.close();
  }
}

let server: ChildProcess | undefined;
let base = '';
let loaded: ReturnType<typeof evaluations>;

before(async () => {
  const database = openDatabase(source);
  await migrateToLatest(database.db);
  await loadDemo(database.db, { password: PASSWORD, templates: templateRegistry() });
  // A synthetic province beside the demo: 6 units × 10 projects × 3 years, in every status.
  const templates = templateRegistry();
  const statuses: Status[] = ['draft', 'submitted', 'returned', 'approved', 'published'];
  const units = Array.from({ length: 6 }, (_, i) => ({ id: crypto.randomUUID(), name: `合成单位${i + 1}` }));
  const forms = [...syntheticEvaluations({ units: 6, projectsPerUnit: 10, years: [2022, 2024], seed: 21 }, BUILT_IN_TEMPLATES)];
  await inTransaction(database.db, async (repos) => {
    await repos.units.createMany(units, new Date().toISOString());
    await repos.evaluations.insertMany(forms.map((document, i) => ({
      id: crypto.randomUUID(), unitId: units[Math.floor(i / 30)]!.id, status: statuses[i % statuses.length]!,
      columns: columnsOf(document, templates.get(document.template)!), document, at: new Date().toISOString(),
    })));
  });
  await database.close();
  loaded = evaluations(source);
  assert.equal(loaded.size, 3 + 180);

  server = spawn(process.execPath, [`${ROOT}bin/jixiao.js`, 'serve', '--port', '0', '--host', '127.0.0.1'], {
    cwd: dir, env: { ...process.env, DATABASE_URL: source, JIXIAO_DEMO_PASSWORD: PASSWORD },
  });
  base = await new Promise<string>((resolve, reject) => {
    let out = '';
    server!.stdout!.on('data', (d) => {
      out += d;
      const m = /listening on (http:\/\/localhost:\d+)\//u.exec(out);
      if (m) resolve(m[1]!.replace('localhost', '127.0.0.1'));
    });
    server!.on('exit', (code) => reject(new Error(`server exited ${code}: ${out}`)));
  });
});

after(() => {
  server?.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
});

function withoutIndicatorIds(document: unknown): unknown {
  const { indicators, ...rest } = document as { indicators: Array<{ id?: string }> };
  return { ...rest, indicators: indicators.map(({ id, ...indicator }) => (assert.ok(id, 'each stored indicator has an id'), indicator)) };
}

/** A preparer saving new forms one after another until told to stop: the acknowledged ids, in order. */
async function keepSaving(stop: { now: boolean }, acknowledged: Array<{ id: string; at: number; document: unknown }>) {
  const login = await fetch(`${base}/api/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'preparer', password: PASSWORD }) });
  assert.equal(login.status, 200);
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  for (let i = 0; !stop.now; i++) {
    const document = { ...seedEvaluations()[0]!, project: { ...seedEvaluations()[0]!.project, name: `备份期间保存的项目 ${i}` } };
    const res = await fetch(`${base}/api/evaluations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
      body: JSON.stringify({ evaluation: document }),
    });
    assert.equal(res.status, 201);
    acknowledged.push({ id: ((await res.json()) as { id: string }).id, at: performance.now(), document });
  }
}

test('backup while the server keeps writing; restore into a fresh path; every evaluation is there and integrity_check is ok', async () => {
  const stop = { now: false };
  const acknowledged: Array<{ id: string; at: number; document: unknown }> = [];
  const writer = keepSaving(stop, acknowledged);
  while (acknowledged.length < 10) await new Promise((r) => setTimeout(r, 20));

  const out = join(dir, 'backup.sqlite');
  const started = performance.now();
  const before = acknowledged.length;
  const backup = await jixiao(['backup', out], source);
  const finished = performance.now();
  const during = acknowledged.filter((a) => a.at > started && a.at < finished).length;
  assert.equal(backup.code, 0, backup.stderr);
  assert.match(backup.stdout, /integrity_check ok/u);
  assert.ok(during > 0, 'the server saved forms while the backup ran');

  // The server is running: restoring over its database is refused, and nothing changes.
  const refused = await jixiao(['restore', out], source);
  assert.equal(refused.code, 2);
  assert.match(refused.stderr, /in use .*stop the server first/u);

  stop.now = true;
  await writer;
  server!.kill('SIGTERM');
  await new Promise((r) => server!.once('exit', r));
  server = undefined;

  const fresh = join(dir, 'restored', 'jixiao.sqlite');
  const restore = await jixiao(['restore', out], fresh);
  assert.equal(restore.code, 0, restore.stderr);
  assert.match(restore.stdout, /there was no database before/u);
  assert.equal(integrity(fresh), 'ok');

  const restored = evaluations(fresh);
  // Everything loaded before, unchanged.
  for (const [id, row] of loaded) assert.deepEqual(restored.get(id), row, id);
  // Every save acknowledged before the backup started, with its content (the server gave each indicator its lineage id).
  for (const saved of acknowledged.slice(0, before)) assert.deepEqual(withoutIndicatorIds(restored.get(saved.id)?.document), saved.document, saved.id);
  // Nothing else than what was loaded or acknowledged; the count the backup reported.
  const known = new Set([...loaded.keys(), ...acknowledged.map((a) => a.id)]);
  for (const id of restored.keys()) assert.ok(known.has(id), id);
  assert.equal(restored.size, Number(/: (\d+) evaluations/u.exec(backup.stdout)![1]));
  assert.ok(restored.size >= loaded.size + before);
  assert.deepEqual(evaluations(out), restored, 'the restored file holds what the backup holds');
});

test('restore over an existing database keeps it as *.before-restore-<timestamp>', async () => {
  const target = join(dir, 'second.sqlite');
  const first = await jixiao(['restore', join(dir, 'backup.sqlite')], target);
  assert.equal(first.code, 0, first.stderr);
  const again = await jixiao(['restore', join(dir, 'backup.sqlite')], target);
  assert.equal(again.code, 0, again.stderr);
  const kept = readdirSync(dir).filter((f) => f.startsWith('second.sqlite.before-restore-'));
  assert.equal(kept.filter((f) => !/-(wal|shm)$/u.test(f)).length, 1);
  assert.match(again.stdout, /kept as .*second\.sqlite\.before-restore-\d{4}-\d\d-\d\dT/u);
  assert.equal(integrity(join(dir, kept[0]!)), 'ok');
  assert.equal(evaluations(target).size, evaluations(join(dir, kept[0]!)).size);
});

test('refusals: not an SQLite file, not a jixiao database, an existing backup file, no database', async () => {
  const target = join(dir, 'untouched.sqlite');
  const text = join(dir, 'notes.txt');
  writeFileSync(text, 'not a database at all, just some text that is long enough to be read as a header '.repeat(20));
  const notSqlite = await jixiao(['restore', text], target);
  assert.equal(notSqlite.code, 2);
  assert.match(notSqlite.stderr, /not an SQLite database.*nothing was changed/u);

  const other = join(dir, 'other.sqlite');
  const db = new SqliteDatabase(other);
  db.exec('create table evaluations (id text)');
  db.close();
  const notJixiao = await jixiao(['restore', other], target);
  assert.equal(notJixiao.code, 2);
  assert.match(notJixiao.stderr, /not a jixiao database/u);
  assert.equal(existsSync(target), false);

  const exists = await jixiao(['backup', join(dir, 'backup.sqlite')], join(dir, 'second.sqlite'));
  assert.equal(exists.code, 2);
  assert.match(exists.stderr, /exists; a backup never overwrites/u);
  const missing = await jixiao(['backup', join(dir, 'x.sqlite')], join(dir, 'nothing-here.sqlite'));
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /does not exist/u);
  assert.equal(existsSync(join(dir, 'nothing-here.sqlite')), false, 'a backup does not create the database');
});

test('PostgreSQL: both commands print the pg_dump / pg_restore command without the password and exit 2', async () => {
  const url = 'postgres://jixiao:s3cret@db.example:5432/jixiao';
  const backup = await jixiao(['backup', 'out.dump'], url);
  assert.equal(backup.code, 2);
  assert.match(backup.stderr, /pg_dump --format=custom --file='.*out\.dump' --dbname='postgres:\/\/jixiao@db\.example:5432\/jixiao'/u);
  const restore = await jixiao(['restore', 'in.dump'], url);
  assert.equal(restore.code, 2);
  assert.match(restore.stderr, /pg_restore --no-owner --clean --if-exists --single-transaction --dbname='postgres:\/\/jixiao@db\.example:5432\/jixiao' '.*in\.dump'/u);
  assert.doesNotMatch(backup.stderr + restore.stderr, /s3cret/u);
});
