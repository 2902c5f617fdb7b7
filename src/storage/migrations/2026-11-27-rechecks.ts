/**
 * Re-check (抽查复核): the draws (seed, parameters, strata, who and when), the evaluations each
 * drew (in draw order, with the version seen), the re-check score of each indicator with its
 * reason, and the re-check's own audit log (the reviewers' workpapers: kept apart from the
 * evaluations' log, which the units read). Nothing here is deleted.
 */
import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../dialect.ts';

export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db);
  const json = pg ? sql`jsonb` : sql`text`;

  await db.schema
    .createTable('recheck_draws')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('seed', 'text', (c) => c.notNull())
    .addColumn('parameters', json, (c) => c.notNull())
    .addColumn('strata', json, (c) => c.notNull())
    .addColumn('population', 'integer', (c) => c.notNull())
    .addColumn('drawn_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('drawn_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('recheck_draws_year_idx').on('recheck_draws').columns(['year', 'drawn_at']).execute();

  await db.schema
    .createTable('recheck_items')
    .addColumn('draw_id', 'text', (c) => c.notNull().references('recheck_draws.id'))
    .addColumn('evaluation_id', 'text', (c) => c.notNull().references('evaluations.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('evaluation_version', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('recheck_items_pk', ['draw_id', 'evaluation_id'])
    .execute();

  await db.schema
    .createTable('recheck_scores')
    .addColumn('draw_id', 'text', (c) => c.notNull())
    .addColumn('evaluation_id', 'text', (c) => c.notNull())
    .addColumn('indicator', 'integer', (c) => c.notNull())
    .addColumn('score', 'numeric(14, 2)', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('recorded_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('recheck_scores_pk', ['draw_id', 'evaluation_id', 'indicator'])
    .addForeignKeyConstraint('recheck_scores_item_fk', ['draw_id', 'evaluation_id'], 'recheck_items', ['draw_id', 'evaluation_id'])
    .execute();

  await db.schema
    .createTable('recheck_audit')
    .addColumn('id', pg ? 'bigserial' : 'integer', (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('draw_id', 'text', (c) => c.notNull().references('recheck_draws.id'))
    .addColumn('evaluation_id', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('changes', json, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('recheck_audit_draw_id_idx').on('recheck_audit').columns(['draw_id', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['recheck_audit', 'recheck_scores', 'recheck_items', 'recheck_draws']) {
    await db.schema.dropTable(table).execute();
  }
}
