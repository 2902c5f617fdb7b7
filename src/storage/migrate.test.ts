/** Migrating one database from two connections at once (two app processes starting together): both succeed, each migration runs once. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { migrateToLatest, MIGRATION_NAMES } from './migrate.ts';
import { openDatabase } from './open-database.ts';
import { scratchDatabase } from './scratch-database.ts';
import { TEST_DIALECTS } from './test-databases.testing.ts';

const PG_ADMIN_URL = process.env.JIXIAO_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

for (const dialect of TEST_DIALECTS) {
  test(`two migrations of one empty ${dialect} database at once`, async () => {
    for (let round = 0; round < 3; round++) {
      const scratch = await scratchDatabase(dialect, 'migrate', PG_ADMIN_URL);
      const [a, b] = [openDatabase(scratch.url), openDatabase(scratch.url)];
      try {
        await Promise.all([migrateToLatest(a.db), migrateToLatest(b.db)]);
        const names = (await a.db.selectFrom('kysely_migration' as never).select('name' as never).execute()).map((r: any) => r.name);
        assert.deepEqual(names.sort(), [...MIGRATION_NAMES].sort());
      } finally {
        await a.close();
        await b.close();
        await scratch.drop();
      }
    }
  });
}
