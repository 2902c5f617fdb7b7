/**
 * A generated province in a scratch database for the API and dashboard benches: a SQLite file in a
 * temporary directory, or a database with a random name on the local PostgreSQL server
 * (JIXIAO_BENCH_PG_URL, default postgres://postgres@127.0.0.1:5432/postgres), dropped afterwards.
 * Bench users (a preparer per unit, a reviewer) are added with a known password.
 */
import { sql } from 'kysely';
import { generate, type GenOptions, type GenResult } from '../src/cli/commands/gen.ts';
import { hashPassword } from '../src/server/passwords.ts';
import type { DialectName } from '../src/storage/dialect.ts';
import { migrateToLatest } from '../src/storage/migrate.ts';
import { openDatabase, type Database } from '../src/storage/open-database.ts';
import { repositories } from '../src/storage/repositories.ts';
import { scratchDatabase } from '../src/storage/scratch-database.ts';

export const PG_ADMIN_URL = process.env.JIXIAO_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const BENCH_PASSWORD = 'bench-password-1';

export interface Province {
  dialect: DialectName;
  url: string;
  gen: GenResult;
  /** Per preparer: the username and the editable (draft or returned) evaluation of the latest year it saves. */
  preparers: Array<{ username: string; evaluationId: string }>;
  reviewer: string;
  drop(): Promise<void>;
}


/** Generates the province and adds `preparers` preparers (one per unit with an editable form) and a reviewer. */
export async function province(dialect: DialectName, options: GenOptions, preparers: number): Promise<Province> {
  const place = await scratchDatabase(dialect, 'bench', PG_ADMIN_URL);
  let database: Database | undefined;
  try {
    database = openDatabase(place.url);
    await migrateToLatest(database.db);
    const gen = await generate(database, options);
    // A database in service has been analysed, and on PostgreSQL vacuumed, by autovacuum; a bulk
    // load just written has not: without the visibility map PostgreSQL cannot answer from an
    // index alone (the year's dashboard read 49,000 heap pages: 3 s instead of 0.15 s).
    await (dialect === 'postgres' ? sql`VACUUM ANALYZE` : sql`ANALYZE`).execute(database.db);
    const repos = repositories(database.db);
    const hash = await hashPassword(BENCH_PASSWORD);
    const at = new Date().toISOString();
    const editable = await database.db
      .selectFrom('evaluations')
      .select(['id', 'unit_id'])
      .where('year', '=', options.years[1])
      .where('status', 'in', ['draft', 'returned'])
      .orderBy('unit_id')
      .orderBy('id')
      .execute();
    const chosen: Province['preparers'] = [];
    const seen = new Set<string>();
    for (const row of editable) {
      if (chosen.length === preparers) break;
      if (seen.has(row.unit_id)) continue;
      seen.add(row.unit_id);
      const username = `bench-preparer-${chosen.length + 1}`;
      await repos.users.create({ id: crypto.randomUUID(), username, displayName: username, role: 'preparer', unitId: row.unit_id, passwordHash: hash }, at);
      chosen.push({ username, evaluationId: row.id });
    }
    if (chosen.length < preparers) throw new Error(`only ${chosen.length} units have an editable form of ${options.years[1]}; generate more units`);
    await repos.users.create({ id: crypto.randomUUID(), username: 'bench-reviewer', displayName: 'bench-reviewer', role: 'reviewer', unitId: null, passwordHash: hash }, at);
    await database.close();
    return { dialect, url: place.url, gen, preparers: chosen, reviewer: 'bench-reviewer', drop: place.drop };
  } catch (error) {
    await database?.close();
    await place.drop();
    throw error;
  }
}
