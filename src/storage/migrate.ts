/**
 * Migrations as dated modules, listed here (not read from a folder: no build step and no file
 * scanning, and the list is checked by the type checker). One set serves SQLite and PostgreSQL.
 */
import { Migrator, sql, type Kysely, type Migration } from 'kysely';
import { isPostgres } from './dialect.ts';
import * as initial from './migrations/2026-11-26-initial.ts';
import * as summaryIndex from './migrations/2026-11-27-evaluation-summary-index.ts';
import * as rechecks from './migrations/2026-11-27-rechecks.ts';
import * as evaluationVersions from './migrations/2026-11-28-evaluation-versions.ts';
import * as liveSummaryIndex from './migrations/2026-11-28-live-summary-index.ts';
import * as indicatorIds from './migrations/2026-11-29-indicator-ids.ts';
import * as organisation from './migrations/2026-12-02-organisation.ts';
import * as securityEvents from './migrations/2026-12-03-security-events.ts';
import * as listIndexes from './migrations/2026-12-04-list-indexes.ts';
import * as countIndexes from './migrations/2026-12-05-count-indexes.ts';
import * as evidence from './migrations/2026-12-06-evidence.ts';
import * as cycleDocuments from './migrations/2026-12-07-cycle-documents.ts';
import * as cycleDeletionMonitoringDate from './migrations/2026-12-08-cycle-deletion-monitoring-date.ts';
import * as monitoringSummary from './migrations/2026-12-08-monitoring-summary.ts';
import * as rectification from './migrations/2026-12-09-rectification.ts';
import * as documentCompression from './migrations/2026-12-10-document-compression.ts';

const MIGRATIONS: Record<string, Migration> = {
  '2026-11-26-initial': initial,
  '2026-11-27-evaluation-summary-index': summaryIndex,
  // After the index: Kysely runs migrations in name order and refuses one that sorts before one already run.
  '2026-11-27-rechecks': rechecks,
  '2026-11-28-evaluation-versions': evaluationVersions,
  '2026-11-28-live-summary-index': liveSummaryIndex,
  '2026-11-29-indicator-ids': indicatorIds,
  '2026-12-02-organisation': organisation,
  '2026-12-03-security-events': securityEvents,
  '2026-12-04-list-indexes': listIndexes,
  '2026-12-05-count-indexes': countIndexes,
  '2026-12-06-evidence': evidence,
  '2026-12-07-cycle-documents': cycleDocuments,
  '2026-12-08-cycle-deletion-monitoring-date': cycleDeletionMonitoringDate,
  '2026-12-08-monitoring-summary': monitoringSummary,
  '2026-12-09-rectification': rectification,
  '2026-12-10-document-compression': documentCompression,
};

export const MIGRATION_NAMES = Object.keys(MIGRATIONS);

/**
 * Migrates to the latest; safe when several processes start at once on one database. PostgreSQL:
 * Kysely's migrator takes an advisory lock. SQLite has none in Kysely (it assumes one connection):
 * a row in a lock table of its own holds the others off until the first process is done, after
 * which they find nothing left to do. A lock older than STALE_LOCK_MS (a process that died while
 * migrating) is taken over.
 */
export async function migrateToLatest(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) return migrateUpTo(db, MIGRATION_NAMES.at(-1)!);
  await withSqliteLock(db, () => migrateUpTo(db, MIGRATION_NAMES.at(-1)!));
}

const STALE_LOCK_MS = 10 * 60 * 1000;
const LOCK_POLL_MS = 100;

async function withSqliteLock(db: Kysely<any>, work: () => Promise<void>): Promise<void> {
  await sql`create table if not exists jixiao_migration_lock (id integer primary key, taken_at text not null)`.execute(db);
  for (;;) {
    const now = new Date();
    await sql`delete from jixiao_migration_lock where taken_at < ${new Date(now.getTime() - STALE_LOCK_MS).toISOString()}`.execute(db);
    const taken = await sql`insert into jixiao_migration_lock (id, taken_at) values (1, ${now.toISOString()}) on conflict do nothing`.execute(db);
    if (Number(taken.numAffectedRows ?? 0) === 1) break;
    await new Promise((resolve) => setTimeout(resolve, LOCK_POLL_MS));
  }
  try {
    await work();
  } finally {
    await sql`delete from jixiao_migration_lock where id = 1`.execute(db);
  }
}

/** Up to and including the named migration (a test's database as an older jixiao left it). */
export async function migrateUpTo(db: Kysely<any>, name: string): Promise<void> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => MIGRATIONS } });
  const { error, results } = await migrator.migrateTo(name);
  const failed = results?.find((r) => r.status === 'Error');
  if (error) throw new Error(`database migration ${failed ? `"${failed.migrationName}" ` : ''}failed: ${(error as Error).message ?? String(error)}`, { cause: error });
}
