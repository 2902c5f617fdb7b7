/**
 * Evidence files (佐证材料): one row per file attached to a form or to one of its indicators (by
 * the indicator's lineage id), with its type told from the bytes, size, SHA-256 and the key its
 * contents are stored under (evidence-store.ts: this database's `evidence_blobs`, a directory or an
 * S3 bucket). A file is marked public by the reviewer, and removed only softly (and only while no
 * frozen version lists it). Frozen versions gain the list of files as it was at submit/approve and
 * a hash over it: new columns, so the append-only triggers of `evaluation_versions` stay as they are.
 */
import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../dialect.ts';

export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db);
  const json = pg ? sql`jsonb` : sql`text`;

  await db.schema
    .createTable('evidence_files')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('evaluation_id', 'text', (c) => c.notNull().references('evaluations.id'))
    .addColumn('indicator_id', 'text')
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('size', 'bigint', (c) => c.notNull().check(sql`size >= 0`))
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('storage_key', 'text', (c) => c.notNull())
    .addColumn('uploaded_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('uploaded_at', 'text', (c) => c.notNull())
    .addColumn('public', 'integer', (c) => c.notNull().defaultTo(0).check(sql`public in (0, 1)`))
    .addColumn('public_by', 'text', (c) => c.references('users.id'))
    .addColumn('public_at', 'text')
    .addColumn('deleted_at', 'text')
    .addColumn('deleted_by', 'text', (c) => c.references('users.id'))
    .execute();
  await db.schema.createIndex('evidence_files_evaluation_idx').on('evidence_files').columns(['evaluation_id', 'uploaded_at']).execute();

  // The database store's contents (the default; on PostgreSQL bytea, on SQLite a blob).
  await db.schema
    .createTable('evidence_blobs')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('bytes', pg ? 'bytea' : 'blob', (c) => c.notNull())
    .execute();

  await db.schema.alterTable('evaluation_versions').addColumn('evidence', json).execute();
  await db.schema.alterTable('evaluation_versions').addColumn('evidence_hash', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('evaluation_versions').dropColumn('evidence_hash').execute();
  await db.schema.alterTable('evaluation_versions').dropColumn('evidence').execute();
  await db.schema.dropTable('evidence_blobs').execute();
  await db.schema.dropTable('evidence_files').execute();
}
