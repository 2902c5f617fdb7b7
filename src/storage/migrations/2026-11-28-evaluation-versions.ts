/**
 * Frozen versions and soft delete. `evaluation_versions` holds the whole document as it was when it
 * was submitted or approved, with the SHA-256 of its canonical JSON; rows are only ever inserted
 * (a trigger refuses UPDATE and DELETE on both databases, TRUNCATE too on PostgreSQL). Evaluations
 * are no longer deleted: `deleted_at` / `deleted_by` hide one until the admin restores it.
 */
import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../dialect.ts';

export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db);
  const json = pg ? sql`jsonb` : sql`text`;

  // One column per ALTER: SQLite adds one at a time.
  await db.schema.alterTable('evaluations').addColumn('deleted_at', 'text').execute();
  await db.schema.alterTable('evaluations').addColumn('deleted_by', 'text', (c) => c.references('users.id')).execute();

  await db.schema
    .createTable('evaluation_versions')
    .addColumn('evaluation_id', 'text', (c) => c.notNull().references('evaluations.id'))
    .addColumn('number', 'integer', (c) => c.notNull().check(sql`number >= 1`))
    .addColumn('action', 'text', (c) => c.notNull().check(sql`action in ('submit', 'approve')`))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('document', json, (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('frozen_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('frozen_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('evaluation_versions_pk', ['evaluation_id', 'number'])
    .execute();

  if (pg) {
    await sql`
      create function evaluation_versions_immutable() returns trigger language plpgsql as $$
      begin
        raise exception 'evaluation_versions is append-only: % refused', tg_op;
      end
      $$`.execute(db);
    await sql`create trigger evaluation_versions_no_change before update or delete on evaluation_versions
      for each row execute function evaluation_versions_immutable()`.execute(db);
    await sql`create trigger evaluation_versions_no_truncate before truncate on evaluation_versions
      for each statement execute function evaluation_versions_immutable()`.execute(db);
  } else {
    for (const op of ['update', 'delete']) {
      await sql
        .raw(`create trigger evaluation_versions_no_${op} before ${op} on evaluation_versions
          begin select raise(abort, 'evaluation_versions is append-only: ${op.toUpperCase()} refused'); end`)
        .execute(db);
    }
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('evaluation_versions').execute();
  if (isPostgres(db)) await sql`drop function evaluation_versions_immutable()`.execute(db);
  await db.schema.alterTable('evaluations').dropColumn('deleted_by').execute();
  await db.schema.alterTable('evaluations').dropColumn('deleted_at').execute();
}
