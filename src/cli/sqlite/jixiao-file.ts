/**
 * What backup and restore need to know about an SQLite file: is it a jixiao database (it opens, it
 * has Kysely's migrations table with jixiao's migrations, `PRAGMA integrity_check` says ok), what it
 * holds, and whether a process has it open (an exclusive lock cannot be had).
 */
import { existsSync } from 'node:fs';
import SqliteDatabase from 'better-sqlite3';

export interface JixiaoFile {
  migrations: string[];
  evaluations: number;
  units: number;
}

export type Inspection = { ok: true; file: JixiaoFile } | { ok: false; problem: string };

const MIGRATION_TABLE = 'kysely_migration';

export function inspectJixiaoFile(path: string): Inspection {
  if (!existsSync(path)) return { ok: false, problem: `${path} does not exist` };
  let db: SqliteDatabase.Database | undefined;
  try {
    db = new SqliteDatabase(path, { readonly: true, fileMustExist: true });
    const integrity = db.pragma('integrity_check') as Array<{ integrity_check: string }>;
    const verdict = integrity.map((r) => r.integrity_check);
    if (verdict.length !== 1 || verdict[0] !== 'ok') return { ok: false, problem: `${path} fails PRAGMA integrity_check: ${verdict.slice(0, 5).join('; ')}` };
    const tables = new Set((db.prepare("select name from sqlite_master where type = 'table'").all() as Array<{ name: string }>).map((r) => r.name));
    if (!tables.has(MIGRATION_TABLE) || !tables.has('evaluations')) {
      return { ok: false, problem: `${path} is an SQLite database but not a jixiao database (no ${MIGRATION_TABLE} or evaluations table)` };
    }
    const migrations = (db.prepare(`select name from ${MIGRATION_TABLE} order by name`).all() as Array<{ name: string }>).map((r) => r.name);
    if (!migrations.some((name) => name.endsWith('-initial'))) return { ok: false, problem: `${path} has no jixiao migration in ${MIGRATION_TABLE}` };
    const count = (table: string) => (db!.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
    return { ok: true, file: { migrations, evaluations: count('evaluations'), units: count('units') } };
  } catch (error) {
    const message = (error as Error).message;
    return { ok: false, problem: /not a database|file is encrypted/iu.test(message) ? `${path} is not an SQLite database (${message})` : `${path} cannot be read: ${message}` };
  } finally {
    db?.close();
  }
}

/** True when another connection (a running server) holds the database: an exclusive lock is refused at once. */
export function inUse(path: string): boolean {
  const db = new SqliteDatabase(path, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 0');
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE');
    db.exec('COMMIT');
    return false;
  } catch (error) {
    if ((error as { code?: string }).code?.startsWith('SQLITE_BUSY') || (error as { code?: string }).code?.startsWith('SQLITE_LOCKED')) return true;
    throw error;
  } finally {
    db.close();
  }
}

/** A PostgreSQL URL without its password, quoted for a POSIX shell. */
export function shellUrl(url: string): string {
  const parsed = new URL(url);
  parsed.password = '';
  return shellQuote(parsed.toString());
}

export const shellQuote = (text: string) => `'${text.replace(/'/gu, `'\\''`)}'`;
