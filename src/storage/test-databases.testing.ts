/**
 * Runs a suite on each real database: a SQLite file in a temporary directory, and a scratch
 * database (random name, dropped afterwards) on the PostgreSQL server of this machine
 * (`JIXIAO_TEST_PG_URL`, default postgres://postgres@127.0.0.1:5432/postgres). `JIXIAO_TEST_PG=0`
 * skips PostgreSQL, loudly.
 */
import { after, before, describe } from 'node:test';
import type { DialectName } from './dialect.ts';
import { migrateToLatest } from './migrate.ts';
import { openDatabase, type Database } from './open-database.ts';
import { scratchDatabase, type ScratchDatabase } from './scratch-database.ts';

const PG_ADMIN_URL = process.env.JIXIAO_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const PG_ENABLED = process.env.JIXIAO_TEST_PG !== '0';


export const TEST_DIALECTS: readonly DialectName[] = PG_ENABLED ? ['sqlite', 'postgres'] : ['sqlite'];

if (!PG_ENABLED) {
  process.stderr.write('\n*** JIXIAO_TEST_PG=0: the PostgreSQL runs of the database suites are SKIPPED ***\n\n');
}

/** A migrated scratch database of each dialect, for the suite `body` (which reads it through the getter). */
export function forEachDatabase(title: string, body: (database: () => Database, dialect: DialectName, url: () => string) => void): void {
  for (const dialect of TEST_DIALECTS) {
    describe(`${title} [${dialect}]`, () => {
      let scratch: ScratchDatabase | undefined;
      let database: Database | undefined;
      before(async () => {
        scratch = await scratchDatabase(dialect, 'test', PG_ADMIN_URL);
        database = openDatabase(scratch.url);
        await migrateToLatest(database.db);
      });
      after(async () => {
        await database?.close();
        await scratch?.drop();
      });
      const opened = <T>(value: T | undefined): T => {
        if (value === undefined) throw new Error('the test database is opened in before()');
        return value;
      };
      body(() => opened(database), dialect, () => opened(scratch).url);
    });
  }
}
