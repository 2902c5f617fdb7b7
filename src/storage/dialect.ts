/** Which database a Kysely instance talks to, for the few places where SQL differs (column types in migrations). */
import { PostgresAdapter, type Kysely } from 'kysely';

export type DialectName = 'sqlite' | 'postgres';

export function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

export function dialectName(db: Kysely<any>): DialectName {
  return isPostgres(db) ? 'postgres' : 'sqlite';
}
