/**
 * Widening a column's CHECK constraint (a new role, a new status), for migrations. PostgreSQL drops
 * the constraint and adds the new one. SQLite cannot alter a constraint: the table is rebuilt as its
 * documentation prescribes (https://sqlite.org/lang_altertable.html, "Making Other Kinds Of Table
 * Schema Changes") — foreign keys off, one transaction: the new table made from the stored CREATE
 * statement with the constraint replaced, the rows copied, the old table dropped and the new one
 * renamed, its indexes and triggers made again, the foreign keys checked — then foreign keys on.
 * Kysely runs SQLite migrations outside a transaction on the one connection, so the pragma holds.
 */
import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../dialect.ts';

export interface CheckChange {
  table: string;
  column: string;
  /** The constraint as the earlier migration wrote it (SQLite), e.g. `role in ('a', 'b')`. */
  before: string;
  after: string;
}

export async function widenCheck(db: Kysely<any>, change: CheckChange): Promise<void> {
  if (isPostgres(db)) await widenPostgres(db, change);
  else await rebuildSqlite(db, change);
}

async function widenPostgres(db: Kysely<any>, { table, column, after }: CheckChange): Promise<void> {
  const { rows } = await sql<{ conname: string }>`
    select conname from pg_constraint
    where conrelid = ${table}::regclass and contype = 'c'
      and conkey = array[(select attnum from pg_attribute where attrelid = ${table}::regclass and attname = ${column})]`.execute(db);
  if (rows.length !== 1) throw new Error(`expected one CHECK constraint on ${table}.${column}, found ${rows.length}`);
  await sql`alter table ${sql.table(table)} drop constraint ${sql.id(rows[0]!.conname)}`.execute(db);
  await sql`alter table ${sql.table(table)} add constraint ${sql.id(`${table}_${column}_check`)} check (${sql.raw(after)})`.execute(db);
}

async function rebuildSqlite(db: Kysely<any>, { table, before, after }: CheckChange): Promise<void> {
  const { rows: [created] } = await sql<{ sql: string }>`select sql from sqlite_master where type = 'table' and name = ${table}`.execute(db);
  if (!created?.sql.includes(before)) throw new Error(`the CREATE TABLE of ${table} does not have the constraint "${before}"`);
  const temporary = `${table}__rebuilt`;
  const createNew = created.sql.replace(before, after).replace(/^CREATE TABLE\s+("?)[^\s("]+\1/iu, `CREATE TABLE "${temporary}"`);
  const { rows: dependents } = await sql<{ sql: string }>`
    select sql from sqlite_master where tbl_name = ${table} and type in ('index', 'trigger') and sql is not null order by type, name`.execute(db);

  await sql`pragma foreign_keys = off`.execute(db);
  try {
    await sql`begin immediate`.execute(db);
    try {
      await sql.raw(createNew).execute(db);
      await sql.raw(`insert into "${temporary}" select * from "${table}"`).execute(db);
      await sql.raw(`drop table "${table}"`).execute(db);
      await sql.raw(`alter table "${temporary}" rename to "${table}"`).execute(db);
      for (const { sql: statement } of dependents) await sql.raw(statement).execute(db);
      const { rows: broken } = await sql`pragma foreign_key_check`.execute(db);
      if (broken.length > 0) throw new Error(`rebuilding ${table} would break ${broken.length} foreign key(s)`);
      await sql`commit`.execute(db);
    } catch (error) {
      await sql`rollback`.execute(db);
      throw error;
    }
  } finally {
    await sql`pragma foreign_keys = on`.execute(db);
  }
}
