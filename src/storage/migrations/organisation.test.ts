/**
 * The organisation migration on a database an older jixiao filled: every row stays, units get their
 * id as code and stand under the bureau, the widened constraints accept the new role and status and
 * still refuse what is not one, and on SQLite (whose tables were rebuilt) the foreign keys, indexes
 * and triggers are all back.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { describe } from 'node:test';
import { migrateToLatest, migrateUpTo } from '../migrate.ts';
import { openDatabase, type Database } from '../open-database.ts';
import { scratchDatabase, type ScratchDatabase } from '../scratch-database.ts';
import { TEST_DIALECTS } from '../test-databases.testing.ts';

const AT = '2026-11-30T00:00:00.000Z';
const PG_ADMIN_URL = process.env.JIXIAO_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

for (const dialect of TEST_DIALECTS) {
  describe(`migration 2026-12-02-organisation on an older database [${dialect}]`, () => {
    let scratch: ScratchDatabase;
    let database: Database;
    before(async () => {
      scratch = await scratchDatabase(dialect, 'migration', PG_ADMIN_URL);
      database = openDatabase(scratch.url);
      await migrateUpTo(database.db, '2026-11-29-indicator-ids');
      const db = database.db as any;
      await db.insertInto('units').values([{ id: 'u1', name: '甲单位', created_at: AT }, { id: 'u2', name: '乙单位', created_at: AT }]).execute();
      await db.insertInto('users').values({ id: 'p1', username: 'p1', display_name: 'P', role: 'preparer', unit_id: 'u1', password_hash: 'x', created_at: AT }).execute();
      await db.insertInto('sessions').values({ id: 's1', user_id: 'p1', csrf_token: 't', created_at: AT, expires_at: '2099-01-01T00:00:00.000Z' }).execute();
      const columns = { unit_id: 'u1', year: 2021, project: 'P', template: 'shanghai-2021', version: 1, score: 90, grade: '优秀', document: '{"x":1}', created_at: AT, updated_at: AT };
      await db.insertInto('evaluations').values([{ id: 'e1', status: 'draft', ...columns }, { id: 'e2', status: 'approved', ...columns }]).execute();
      await db.insertInto('audit_log').values({ evaluation_id: 'e1', at: AT, user_id: 'p1', action: 'create', comment: null, changes: '[]' }).execute();
      await db.insertInto('evaluation_versions').values({ evaluation_id: 'e2', number: 1, action: 'submit', status: 'submitted', document: '{"x":1}', content_hash: 'h', frozen_by: 'p1', frozen_at: AT }).execute();
      await migrateToLatest(database.db);
    });
    after(async () => {
      await database.close();
      await scratch.drop();
    });

    test('every row stays; units get their id as code and stand under the bureau; sessions their last use', async () => {
      const db = database.db;
      assert.deepEqual(await db.selectFrom('units').select(['id', 'code', 'parent_id', 'path', 'disabled_at']).orderBy('id').execute(), [
        { id: 'u1', code: 'u1', parent_id: null, path: '/u1/', disabled_at: null },
        { id: 'u2', code: 'u2', parent_id: null, path: '/u2/', disabled_at: null },
      ]);
      const user = await db.selectFrom('users').select(['username', 'role', 'unit_id', 'must_change_password', 'disabled_at']).executeTakeFirstOrThrow();
      assert.deepEqual({ ...user, must_change_password: Number(user.must_change_password) }, { username: 'p1', role: 'preparer', unit_id: 'u1', must_change_password: 0, disabled_at: null });
      assert.equal((await db.selectFrom('sessions').select('last_seen_at').executeTakeFirstOrThrow()).last_seen_at, AT);
      assert.deepEqual((await db.selectFrom('evaluations').select(['id', 'status']).orderBy('id').execute()).map((r) => `${r.id}:${r.status}`), ['e1:draft', 'e2:approved']);
      assert.equal((await db.selectFrom('audit_log').select('action').execute()).length, 1);
      assert.equal((await db.selectFrom('evaluation_versions').select('number').execute()).length, 1);
    });

    test('the new role and status are accepted, other words still refused', async () => {
      const db = database.db;
      await db.insertInto('users').values({ id: 'd1', username: 'd1', display_name: 'D', role: 'department', unit_id: 'u1', password_hash: 'x', created_at: AT }).execute();
      await db.updateTable('evaluations').set({ status: 'forwarded' }).where('id', '=', 'e1').execute();
      await assert.rejects(db.insertInto('users').values({ id: 'x', username: 'x', display_name: 'X', role: 'boss' as never, unit_id: null, password_hash: 'x', created_at: AT }).execute());
      await assert.rejects(db.updateTable('evaluations').set({ status: 'lost' as never }).where('id', '=', 'e1').execute());
      await db.updateTable('evaluations').set({ status: 'draft' }).where('id', '=', 'e1').execute();
    });

    test('foreign keys, indexes and the append-only versions hold after the rebuild', async () => {
      const db = database.db;
      await assert.rejects(db.insertInto('evaluations').values({ id: 'e9', unit_id: 'no-unit', year: 2021, project: 'P', template: 't', status: 'draft', version: 1, score: 0, grade: 'D', document: '{}', created_at: AT, updated_at: AT } as never).execute(), 'a form of no unit');
      await assert.rejects(db.insertInto('sessions').values({ id: 's9', user_id: 'no-user', csrf_token: 't', created_at: AT, expires_at: AT, last_seen_at: AT }).execute(), 'a session of no user');
      await assert.rejects(db.updateTable('evaluation_versions').set({ content_hash: 'changed' }).execute(), 'versions are append-only');
      const indexes = dialect === 'postgres'
        ? (await sql<{ name: string }>`select indexname as name from pg_indexes where tablename in ('evaluations', 'users')`.execute(db)).rows
        : (await sql<{ name: string }>`select name from sqlite_master where type = 'index' and tbl_name in ('evaluations', 'users')`.execute(db)).rows;
      const names = indexes.map((r) => r.name);
      for (const name of ['evaluations_live_summary_idx', 'evaluations_unit_year_idx', 'evaluations_year_status_idx', 'evaluations_status_idx']) assert.ok(names.includes(name), `${name} in ${names.join(', ')}`);
      if (dialect === 'sqlite') assert.deepEqual((await sql`pragma foreign_key_check`.execute(db)).rows, []);
    });
  });
}
