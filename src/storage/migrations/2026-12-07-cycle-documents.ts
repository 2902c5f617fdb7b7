/**
 * The cycle's two other documents (PRODUCT.md, "The cycle"; issue 16): a project's performance
 * targets (`jixiao/targets@1`) and its mid-year monitoring (`jixiao/monitoring@1`), one of each
 * kind per unit, year and project, with their workflow status and optimistic version.
 * `cycle_document_versions` holds each frozen copy (submit, approve, accept) with its hash and, for
 * an approved adjustment (目标调整), its reason; rows are only inserted (triggers refuse the rest, as
 * for `evaluation_versions`). `cycle_audit_log` is their audit log. `evaluation_targets` links a
 * self-evaluation made from targets to them: its checks use their newest approved version.
 */
import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../dialect.ts';

export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db);
  const json = pg ? sql`jsonb` : sql`text`;

  await db.schema
    .createTable('cycle_documents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('targets', 'monitoring')`))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    // 项目代码 ('' when the document has none) and 项目名称: a unit declares a project once a year.
    .addColumn('project_code', 'text', (c) => c.notNull())
    .addColumn('project', 'text', (c) => c.notNull())
    .addColumn('template', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('return_reason', 'text')
    // Set while an adjustment of approved targets is under way: the unit's reason for it.
    .addColumn('adjustment_reason', 'text')
    .addColumn('document', json, (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('cycle_documents_project_idx').on('cycle_documents').columns(['kind', 'unit_id', 'year', 'project_code', 'project']).unique().execute();
  await db.schema.createIndex('cycle_documents_list_idx').on('cycle_documents').columns(['kind', 'year', 'project', 'id']).execute();

  await db.schema
    .createTable('cycle_document_versions')
    .addColumn('document_id', 'text', (c) => c.notNull().references('cycle_documents.id'))
    .addColumn('number', 'integer', (c) => c.notNull().check(sql`number >= 1`))
    .addColumn('action', 'text', (c) => c.notNull().check(sql`action in ('submit', 'approve', 'accept')`))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('document', json, (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    // The adjustment's reason, on the approved version it made.
    .addColumn('reason', 'text')
    .addColumn('frozen_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('frozen_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('cycle_document_versions_pk', ['document_id', 'number'])
    .execute();

  if (pg) {
    await sql`
      create function cycle_document_versions_immutable() returns trigger language plpgsql as $$
      begin
        raise exception 'cycle_document_versions is append-only: % refused', tg_op;
      end
      $$`.execute(db);
    await sql`create trigger cycle_document_versions_no_change before update or delete on cycle_document_versions
      for each row execute function cycle_document_versions_immutable()`.execute(db);
    await sql`create trigger cycle_document_versions_no_truncate before truncate on cycle_document_versions
      for each statement execute function cycle_document_versions_immutable()`.execute(db);
  } else {
    for (const op of ['update', 'delete']) {
      await sql
        .raw(`create trigger cycle_document_versions_no_${op} before ${op} on cycle_document_versions
          begin select raise(abort, 'cycle_document_versions is append-only: ${op.toUpperCase()} refused'); end`)
        .execute(db);
    }
  }

  await db.schema
    .createTable('cycle_audit_log')
    .addColumn('id', pg ? 'bigserial' : 'integer', (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('document_id', 'text', (c) => c.notNull().references('cycle_documents.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('changes', json, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('cycle_audit_log_document_idx').on('cycle_audit_log').columns(['document_id', 'id']).execute();

  await db.schema
    .createTable('evaluation_targets')
    .addColumn('evaluation_id', 'text', (c) => c.primaryKey().references('evaluations.id'))
    .addColumn('targets_id', 'text', (c) => c.notNull().references('cycle_documents.id'))
    .addColumn('linked_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('linked_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('evaluation_targets_targets_idx').on('evaluation_targets').columns(['targets_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('evaluation_targets').execute();
  await db.schema.dropTable('cycle_audit_log').execute();
  await db.schema.dropTable('cycle_document_versions').execute();
  if (isPostgres(db)) await sql`drop function cycle_document_versions_immutable()`.execute(db);
  await db.schema.dropTable('cycle_documents').execute();
}
