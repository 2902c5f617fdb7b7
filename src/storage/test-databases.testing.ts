/**
 * Runs a suite on each real database: a SQLite file in a temporary directory, and a scratch
 * database (random name, dropped afterwards) on the PostgreSQL server of this machine
 * (`JIXIAO_TEST_PG_URL`, default postgres://postgres@127.0.0.1:5432/postgres). `JIXIAO_TEST_PG=0`
 * skips PostgreSQL, loudly.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe } from 'node:test';
import pg from 'pg';
import type { DialectName } from './dialect.ts';
import { migrateToLatest } from './migrate.ts';
import { openDatabase, type Database } from './open-database.ts';

const PG_ADMIN_URL = process.env.JIXIAO_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const PG_ENABLED = process.env.JIXIAO_TEST_PG !== '0';

interface ScratchDatabase {
  url: string;
  drop(): Promise<void>;
}

async function scratchSqlite(): Promise<ScratchDatabase> {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-db-'));
  return { url: join(dir, 'test.sqlite'), drop: async () => rmSync(dir, { recursive: true, force: true }) };
}

async function scratchPostgres(): Promise<ScratchDatabase> {
  const name = `jixiao_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: PG_ADMIN_URL });
      await client.connect();
      try {
        // Only the database this run created, by its random name.
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

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
        scratch = dialect === 'sqlite' ? await scratchSqlite() : await scratchPostgres();
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
