/** A PostgreSQL connection lost while the app holds it (between two statements) is an error for the request, never the end of the process. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
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
