/**
 * Migrations as dated modules, listed here (not read from a folder: no build step and no file
 * scanning, and the list is checked by the type checker). One set serves SQLite and PostgreSQL.
 */
import { Migrator, type Kysely, type Migration } from 'kysely';
import * as initial from './migrations/2026-11-26-initial.ts';
import * as summaryIndex from './migrations/2026-11-27-evaluation-summary-index.ts';
import * as rechecks from './migrations/2026-11-27-rechecks.ts';
import * as evaluationVersions from './migrations/2026-11-28-evaluation-versions.ts';
import * as liveSummaryIndex from './migrations/2026-11-28-live-summary-index.ts';
import * as indicatorIds from './migrations/2026-11-29-indicator-ids.ts';
import * as organisation from './migrations/2026-12-02-organisation.ts';
import * as securityEvents from './migrations/2026-12-03-security-events.ts';

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
};

export const MIGRATION_NAMES = Object.keys(MIGRATIONS);

export async function migrateToLatest(db: Kysely<any>): Promise<void> {
  await migrateUpTo(db, MIGRATION_NAMES.at(-1)!);
}

/** Up to and including the named migration (a test's database as an older jixiao left it). */
export async function migrateUpTo(db: Kysely<any>, name: string): Promise<void> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => MIGRATIONS } });
  const { error, results } = await migrator.migrateTo(name);
  const failed = results?.find((r) => r.status === 'Error');
  if (error) throw new Error(`database migration ${failed ? `"${failed.migrationName}" ` : ''}failed: ${(error as Error).message ?? String(error)}`, { cause: error });
}
