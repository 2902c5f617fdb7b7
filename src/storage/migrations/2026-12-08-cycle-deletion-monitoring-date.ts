/**
 * Issue 16, the server's gaps: the year's monitoring date (`years.monitoring_as_of`: "07-31" or a
 * full date of the year, null for the template's default) and the deletion of a targets or
 * monitoring draft by its unit's preparer. Deletion is soft, as evaluations' is: the row stays
 * with its audit log, `deleted_at`/`deleted_by` set; the one-per-project index then counts the
 * live documents only, so the unit may declare the project again.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('years').addColumn('monitoring_as_of', 'text').execute();
  await db.schema.alterTable('cycle_documents').addColumn('deleted_at', 'text').execute();
  await db.schema.alterTable('cycle_documents').addColumn('deleted_by', 'text', (c) => c.references('users.id')).execute();
  await db.schema.dropIndex('cycle_documents_project_idx').execute();
  await sql`create unique index cycle_documents_project_idx on cycle_documents (kind, unit_id, year, project_code, project) where deleted_at is null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('cycle_documents_project_idx').execute();
  await db.deleteFrom('cycle_documents').where('deleted_at', 'is not', null).execute();
  await db.schema.createIndex('cycle_documents_project_idx').on('cycle_documents').columns(['kind', 'unit_id', 'year', 'project_code', 'project']).unique().execute();
  await db.schema.alterTable('cycle_documents').dropColumn('deleted_by').execute();
  await db.schema.alterTable('cycle_documents').dropColumn('deleted_at').execute();
  await db.schema.alterTable('years').dropColumn('monitoring_as_of').execute();
}
