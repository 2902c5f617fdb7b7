/**
 * A throw-away database for tests and benchmarks: a SQLite file in a temporary directory, or a
 * database with a random name on a PostgreSQL server, dropped by name afterwards. Never touches
 * data it did not create.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { DialectName } from './dialect.ts';

export interface ScratchDatabase {
  url: string;
  drop(): Promise<void>;
}

async function withClient(adminUrl: string, run: (client: pg.Client) => Promise<unknown>): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await run(client);
  } finally {
    await client.end();
  }
}

/** `purpose` names the temporary directory or database (`jixiao_<purpose>_<random>`). */
export async function scratchDatabase(dialect: DialectName, purpose: string, postgresAdminUrl: string): Promise<ScratchDatabase> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), `jixiao-${purpose}-`));
    return { url: join(dir, `${purpose}.sqlite`), drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `jixiao_${purpose}_${randomBytes(6).toString('hex')}`;
  await withClient(postgresAdminUrl, (client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(postgresAdminUrl);
  url.pathname = `/${name}`;
  // Only the database this run created, by its random name.
  return { url: url.toString(), drop: () => withClient(postgresAdminUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)) };
}
