/**
 * The covering index of a year's summaries, for live forms only. Since soft delete every list,
 * count and sum asks `deleted_at IS NULL`; with `deleted_at` outside the index, SQLite had to visit
 * each row (and walk the document's overflow pages) to read it, which undid the covering index of
 * 2026-11-27. A partial index over the live forms answers those queries from the index alone on
 * SQLite and PostgreSQL, and the deleted forms (only the admin's page reads them) are not in it.
 */
import { sql, type Kysely } from 'kysely';

const OLD_COLUMNS = ['year', 'unit_id', 'status', 'project', 'template', 'version', 'score', 'grade', 'execution_rate', 'budget_fen', 'executed_fen', 'return_reason', 'updated_at', 'id'];
/**
 * Led by year and status, as every reviewer's query is (`year = ? AND status IN (…)`): SQLite's
 * planner otherwise took evaluations_year_status_idx for the same prefix and read each row from the
 * table (a year's counts on a province: 400 ms against 40 ms from this index). `deleted_at` is in
 * it too, though always null there: SQLite counts an index as covering only when it holds every
 * column the query names, those of the partial index's own condition included.
 */
const COLUMNS = ['year', 'status', 'unit_id', 'grade', 'score', 'execution_rate', 'budget_fen', 'executed_fen', 'id', 'project', 'template', 'version', 'updated_at', 'return_reason', 'deleted_at'];

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('evaluations_summary_idx').execute();
  await db.schema.createIndex('evaluations_live_summary_idx').on('evaluations').columns(COLUMNS).where(sql.ref('deleted_at'), 'is', null).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('evaluations_live_summary_idx').execute();
  await db.schema.createIndex('evaluations_summary_idx').on('evaluations').columns(OLD_COLUMNS).execute();
}
