/**
 * Counting what a list shows from an index alone. Every list (and its `total`) asks
 * `deleted_at IS NULL` since soft delete, but the status and year/status indexes did not hold
 * `deleted_at`: counting a province's 163,000 published forms read every row from the table
 * (SQLite: 500 ms for the public list's first page; with `deleted_at` in the index, 3 ms).
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('evaluations_status_idx').execute();
  await db.schema.createIndex('evaluations_status_idx').on('evaluations').columns(['status', 'deleted_at']).execute();
  await db.schema.dropIndex('evaluations_year_status_idx').execute();
  await db.schema.createIndex('evaluations_year_status_idx').on('evaluations').columns(['year', 'status', 'deleted_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('evaluations_year_status_idx').execute();
  await db.schema.createIndex('evaluations_year_status_idx').on('evaluations').columns(['year', 'status']).execute();
  await db.schema.dropIndex('evaluations_status_idx').execute();
  await db.schema.createIndex('evaluations_status_idx').on('evaluations').column('status').execute();
}
