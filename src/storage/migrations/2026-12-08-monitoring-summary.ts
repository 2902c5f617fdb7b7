/**
 * The monitoring summary as columns of the stored monitoring (src/storage/monitoring-columns.ts;
 * issue 16): what the bureau's dashboard groups and sums in SQL by department and unit, as the
 * evaluations' score, rate and fen columns serve its evaluation view. The cycle service writes
 * them on every save and transition; rows stored before are summarised here with the built-in
 * templates (and at start for templates added as data). Money in fen (bigint), rates and points in
 * integer hundredths, booleans 0/1.
 *
 * The view's index leads with kind and year, then the unit (grouped by its department through the
 * units' paths) and the status (the viewer's scope), and holds every figure summed, so that a
 * province's year is grouped, and the list of projects ordered, from the index alone (on SQLite
 * the added columns stand after the document in the row: read from the table, every row's
 * overflow pages were walked — the year's summary columns took 1,008 ms by one query, under load).
 */
import { sql, type Kysely } from 'kysely';
import { templateRegistry } from '../../core/templates/registry.ts';
import { summarizeStoredMonitoring } from '../monitoring-columns.ts';

const COLUMNS: Array<[string, 'text' | 'bigint' | 'integer']> = [
  ['as_of', 'text'],
  ['budget_fen', 'bigint'],
  ['executed_fen', 'bigint'],
  ['expected_fen', 'bigint'],
  ['execution_rate_h', 'bigint'],
  ['time_progress_h', 'integer'],
  ['points_behind_h', 'bigint'],
  ['spending_behind', 'integer'],
  ['overspend_expected', 'integer'],
  ['expected_overspend_fen', 'bigint'],
  ['indicators', 'integer'],
  ['indicators_off_track', 'integer'],
  ['indicators_off_track_without_cause', 'integer'],
  ['indicators_impossible', 'integer'],
  ['indicators_not_comparable', 'integer'],
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const [name, type] of COLUMNS) await db.schema.alterTable('cycle_documents').addColumn(name, type).execute();
  await db.schema
    .createIndex('cycle_documents_monitoring_view_idx')
    .on('cycle_documents')
    .columns([
      // deleted_at: every view leaves deleted drafts out (migration 2026-12-08-cycle-deletion-monitoring-date, run before this one).
      'kind', 'year', 'unit_id', 'status', 'deleted_at', 'indicators_off_track', 'indicators_off_track_without_cause', 'indicators_impossible',
      'spending_behind', 'overspend_expected', 'expected_overspend_fen', 'execution_rate_h', 'budget_fen', 'executed_fen',
      // The projects list's order: its page's ids are chosen from the index alone.
      'points_behind_h', 'project', 'id',
    ])
    .execute();
  // What is left to summarise (a template the migration did not know), looked for at every start: an index of just those rows (empty once all are summarised).
  await db.schema.createIndex('cycle_documents_unsummarized_idx').on('cycle_documents').column('id').where(sql<boolean>`kind = 'monitoring' and as_of is null`).execute();
  await summarizeStoredMonitoring(db, templateRegistry());
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('cycle_documents_unsummarized_idx').execute();
  await db.schema.dropIndex('cycle_documents_monitoring_view_idx').execute();
  for (const [name] of [...COLUMNS].reverse()) await db.schema.alterTable('cycle_documents').dropColumn(name).execute();
}
