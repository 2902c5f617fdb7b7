/**
 * The Kysely database of `DATABASE_URL`: better-sqlite3 (WAL with `synchronous = FULL`, foreign keys on, a busy timeout and
 * transactions that take the write lock at BEGIN, so several processes can share the file) or a pg
 * pool (int8 as numbers, NUMERIC as decimal strings).
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import {
  CompiledQuery, Kysely, PostgresDialect, SqliteDialect, SqliteDriver,
  type DatabaseConnection, type Driver, type SqliteDatabase as KyselySqliteDatabase, type SqliteDialectConfig,
} from 'kysely';
import pg from 'pg';
import { parseDatabaseUrl } from './database-url.ts';
import { statementName } from './prepared-query.ts';
import type { DialectName } from './dialect.ts';
import type { Tables } from './tables.ts';
import { WalSync } from './wal-sync.ts';

export type Db = Kysely<Tables>;

export interface Database {
  db: Db;
  dialect: DialectName;
  close(): Promise<void>;
}

/** Time to get a connection (a new one, or a free one of the pool) before the request fails. */
const PG_CONNECT_TIMEOUT_MS = 5000;

const INT8_OID = 20;
const NUMERIC_OID = 1700;

/**
 * int8 (bigint columns, count(*)) → number: fen and counts stay far below 2^53; anything larger
 * is refused rather than rounded. NUMERIC stays the decimal string PostgreSQL sends: points and
 * rates are exact decimals and are never turned into binary floats on the way in.
 */
function parseInt8(text: string): number {
  const n = Number(text);
  if (!Number.isSafeInteger(n)) throw new RangeError(`int8 value ${text} is beyond the safe integer range`);
  return n;
}

const pgTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === INT8_OID) return parseInt8;
    if (oid === NUMERIC_OID) return (text: string) => text;
    return pg.types.getTypeParser(oid, format);
  },
} as pg.CustomTypesConfig;

/**
 * The prepared queries (the save's read and write, the session's) go to PostgreSQL as named
 * statements: parsed and planned once per connection instead of at every run. Kysely passes
 * `query(text, values)`; the others go through unchanged.
 */
function withNamedStatements(client: pg.PoolClient): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  client.query = ((text: unknown, values?: unknown, ...rest: unknown[]) => {
    const name = typeof text === 'string' && Array.isArray(values) ? statementName(text) : undefined;
    return name === undefined ? query(text, values, ...rest) : query({ name, text, values }, ...rest);
  }) as typeof client.query;
}

/** `url`: a SQLite file path or a postgres:// URL; undefined: ./data/jixiao.sqlite. */
export function openDatabase(url: string | undefined): Database {
  const location = parseDatabaseUrl(url);
  if (location.kind === 'postgres') {
    const pool = new pg.Pool({
      connectionString: location.url, types: pgTypes, max: 10,
      // While the server is away a request fails within seconds (503) instead of hanging on connect
      // or on a queue for a pool client; keep-alive notices a peer that vanished without a word.
      connectionTimeoutMillis: PG_CONNECT_TIMEOUT_MS, keepAlive: true,
    });
    // An idle connection that the server ends (a restart, a failover) is reported, not fatal: the pool reconnects.
    pool.on('error', (error) => console.error(`database: idle connection lost: ${error.message}`));
    // pg-pool listens for errors only on idle clients. A client checked out between two statements of
    // a transaction when the server goes away would emit an unheard 'error' and end the process; its
    // next statement fails instead ("not queryable", answered 503) and the pool drops it on release.
    pool.on('connect', (client) => {
      client.on('error', () => {});
      withNamedStatements(client);
    });
    const db = new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) });
    return { db, dialect: 'postgres', close: () => db.destroy() };
  }
  if (location.path !== ':memory:') mkdirSync(dirname(location.path), { recursive: true });
  const sqlite = new SqliteDatabase(location.path);
  sqlite.pragma('journal_mode = WAL');
  // Every commit synced (an acknowledged save survives a power loss). Set on every open: better-sqlite3 is
  // compiled with SQLITE_DEFAULT_WAL_SYNCHRONOUS=1, so a file already in WAL mode opens at NORMAL (no sync
  // at commit) — only the first open of a new file, which switches it to WAL, kept SQLite's FULL.
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Tables>({ dialect: new ImmediateSqliteDialect({ database: withStatementCache(sqlite) }) });
  if (location.path === ':memory:') return { db, dialect: 'sqlite', close: () => db.destroy() };
  const walSync = new WalSync(location.path);
  walSyncs.set(db, walSync);
  return {
    db, dialect: 'sqlite',
    close: async () => {
      await db.destroy();
      await walSync.close();
    },
  };
}

/** The WAL of each SQLite file opened here, for the group commit (a file in memory has none). */
const walSyncs = new WeakMap<Db, WalSync>();

/** The log sync of `db`'s SQLite file; null for PostgreSQL and a database in memory. */
export function walSyncOf(db: Db): WalSync | null {
  return walSyncs.get(db) ?? null;
}

/**
 * Every transaction of the app writes, so each takes SQLite's write lock at its BEGIN. Kysely's
 * deferred `begin` takes it at the first write: a transaction that read first (a form's version, then
 * its UPDATE) while another process committed cannot upgrade its read snapshot and fails with
 * SQLITE_BUSY at once — busy_timeout does not wait for that case. `begin immediate` waits (up to
 * busy_timeout) for the other process's commit instead, then reads and writes the newest data.
 * Reads outside a transaction are not affected (autocommit statements take no write lock).
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  // SqliteDialect keeps its configuration private: kept here too for the driver.
  constructor(private readonly driverConfig: SqliteDialectConfig) {
    super(driverConfig);
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.driverConfig);
  }
}

/** Prepared statements kept (most recently used), per SQLite connection. */
const STATEMENT_CACHE_SIZE = 500;

/**
 * Kysely prepares every query it runs; preparing costs as much as running a small query. The same
 * SQL text (Kysely compiles a query shape to the same text, parameters apart) reuses its statement.
 * Safe because Kysely runs one query at a time on the connection and reads results whole.
 */
function withStatementCache(sqlite: SqliteDatabase.Database): KyselySqliteDatabase {
  const cache = new Map<string, SqliteDatabase.Statement>();
  const prepare = sqlite.prepare.bind(sqlite);
  return {
    prepare(source: string) {
      let statement = cache.get(source);
      if (statement) {
        cache.delete(source);
      } else {
        statement = prepare(source);
        if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value!);
      }
      cache.set(source, statement);
      return statement;
    },
    close() {
      cache.clear();
      sqlite.close();
    },
  };
}
