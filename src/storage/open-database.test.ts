/**
 * A PostgreSQL connection lost while the app holds it (between two statements) is an error for the request, never the end of the process.
 * A SQLite transaction holds the file's write lock from its BEGIN (another process sharing the file waits for it rather than failing).
 * SQLite syncs every commit (synchronous = FULL) whenever the file is opened.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import SqliteDatabase from 'better-sqlite3';
import { sql } from 'kysely';
import { openDatabase } from './open-database.ts';
import { isDatabaseUnavailable } from '../server/database-unavailable.ts';

const PG_URL = process.env.JIXIAO_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

test('a checked-out PostgreSQL connection ended by the server between two statements: the next statement fails as "unavailable", the process lives, the pool recovers', async () => {
  const { db, close } = openDatabase(PG_URL);
  const admin = openDatabase(PG_URL);
  try {
    await assert.rejects(
      db.transaction().execute(async (trx) => {
        const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(trx);
        await sql`select pg_terminate_backend(${rows[0]!.pid})`.execute(admin.db);
        // The server's goodbye arrives while no statement runs on this connection.
        await new Promise((resolve) => setTimeout(resolve, 200));
        await sql`select 1`.execute(trx);
      }),
      (error) => isDatabaseUnavailable(error),
    );
    const { rows } = await sql<{ one: number }>`select 1 as one`.execute(db);
    assert.equal(rows[0]!.one, 1);
  } finally {
    await close();
    await admin.close();
  }
});

test('a SQLite transaction takes the write lock at BEGIN: a transaction that reads, while another connection commits, still writes', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-immediate-'));
  const { db, close } = openDatabase(join(dir, 'db.sqlite'));
  // Another process's connection: no busy timeout, so a lock it cannot get is an error at once.
  const other = new SqliteDatabase(join(dir, 'db.sqlite'), { timeout: 0 });
  try {
    await sql`create table counter (n integer not null)`.execute(db);
    await sql`insert into counter values (0)`.execute(db);
    await db.transaction().execute(async (trx) => {
      const { rows } = await sql<{ n: number }>`select n from counter`.execute(trx);
      // With a deferred BEGIN this commit would succeed and the UPDATE below fail with SQLITE_BUSY.
      assert.throws(() => other.prepare('update counter set n = n + 100').run(), /database is locked/u);
      await sql`update counter set n = ${rows[0]!.n + 1}`.execute(trx);
    });
    assert.equal(other.prepare('select n from counter').pluck().get(), 1);
  } finally {
    other.close();
    await close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('SQLite syncs every commit (synchronous = FULL), on the first open of a file and on every later one', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-synchronous-'));
  try {
    // better-sqlite3 is built with SQLITE_DEFAULT_WAL_SYNCHRONOUS=1: a file already in WAL mode would open at NORMAL (1).
    for (let open = 0; open < 3; open++) {
      const { db, close } = openDatabase(join(dir, 'db.sqlite'));
      try {
        const { rows } = await sql<{ synchronous: number }>`pragma synchronous`.execute(db);
        assert.equal(rows[0]!.synchronous, 2, `open ${open + 1}`);
        const { rows: mode } = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(db);
        assert.equal(mode[0]!.journal_mode, 'wal');
      } finally {
        await close();
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
