/**
 * PostgreSQL: the documents (a form's JSON, a few KB: TOASTed and compressed at every save) are
 * compressed with lz4 instead of pglz where the server has it (PostgreSQL 14 and later, built with
 * lz4, as Debian's and the official images are). lz4 compresses several times faster, and every save
 * writes a whole document. Values already stored stay as they are until they are next written; both
 * are read alike. A server without lz4 keeps pglz; SQLite does not compress.
 */
import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../dialect.ts';

const DOCUMENT_COLUMNS = [['evaluations', 'document'], ['evaluation_versions', 'document']] as const;

async function hasLz4(db: Kysely<any>): Promise<boolean> {
  const { rows } = await sql<{ lz4: boolean }>`
    select coalesce(bool_or('lz4' = any(enumvals)), false) as lz4 from pg_settings where name = 'default_toast_compression'`.execute(db);
  return rows[0]?.lz4 === true;
}

async function setCompression(db: Kysely<any>, method: 'lz4' | 'pglz'): Promise<void> {
  for (const [table, column] of DOCUMENT_COLUMNS) {
    await sql`alter table ${sql.table(table)} alter column ${sql.ref(column)} set compression ${sql.raw(method)}`.execute(db);
  }
}

export async function up(db: Kysely<any>): Promise<void> {
  if (isPostgres(db) && (await hasLz4(db))) await setCompression(db, 'lz4');
}

export async function down(db: Kysely<any>): Promise<void> {
  if (isPostgres(db) && (await hasLz4(db))) await setCompression(db, 'pglz');
}
