/**
 * `jixiao backup OUT`: a consistent copy of the SQLite database of `DATABASE_URL` (default
 * ./data/jixiao.sqlite), taken with SQLite's online backup API while the server keeps serving
 * (the copy is one read transaction; in WAL mode writers are not blocked). The copy is written
 * beside OUT, checked (`PRAGMA integrity_check`, the migrations table), made a self-contained file
 * (rollback journal, no -wal), and only then named OUT; an existing OUT is never overwritten.
 * For PostgreSQL: prints the pg_dump command for the URL and exits 2.
 */
import { existsSync, renameSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { parseDatabaseUrl } from '../../storage/database-url.ts';
import { parseCommandArgs, requireOne } from '../args.ts';
import { CliInputError, EXIT } from '../cli-error.ts';
import type { CommandIo } from '../command.ts';
import { readConfig } from '../../config.ts';
import { inspectJixiaoFile, shellQuote, shellUrl } from '../sqlite/jixiao-file.ts';

export const backupUsage = 'jixiao backup OUT';

/** The whole database in one step of the backup API: one consistent snapshot, never restarted by a writer. */
const ALL_PAGES = 0x7fffffff;

export async function backupCommand(argv: string[], io: CommandIo): Promise<number> {
  const { positionals } = parseCommandArgs(argv, backupUsage, {});
  const out = resolve(requireOne(positionals, 'output file', backupUsage));
  const location = parseDatabaseUrl(readConfig().DATABASE_URL);
  if (location.kind === 'postgres') {
    io.err(
      [
        'jixiao backup: DATABASE_URL names a PostgreSQL database; back it up with pg_dump (README.md, "Backups of PostgreSQL"):',
        `  pg_dump --format=custom --file=${shellQuote(out)} --dbname=${shellUrl(location.url)}`,
        'The password is not printed: give it in PGPASSWORD or ~/.pgpass.',
      ].join('\n'),
    );
    return EXIT.unreadable;
  }
  const source = inspectJixiaoFile(location.path);
  if (!source.ok) throw new CliInputError(`cannot back up: ${source.problem} (DATABASE_URL)`);
  if (existsSync(out)) throw new CliInputError(`${out} exists; a backup never overwrites a file: choose a new name`);
  if (!existsSync(dirname(out))) throw new CliInputError(`the directory ${dirname(out)} does not exist`);

  const partial = `${out}.partial-${process.pid}`;
  try {
    const db = new SqliteDatabase(location.path, { fileMustExist: true });
    try {
      db.pragma('busy_timeout = 5000');
      await db.backup(partial, { progress: () => ALL_PAGES });
    } finally {
      db.close();
    }
    const copy = new SqliteDatabase(partial, { fileMustExist: true });
    try {
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    const checked = inspectJixiaoFile(partial);
    if (!checked.ok) throw new Error(`the copy failed its check: ${checked.problem}`);
    renameSync(partial, out);
    io.out(`jixiao backup: ${location.path} → ${out}: ${checked.file.evaluations} evaluations, ${checked.file.units} units; integrity_check ok`);
    return EXIT.ok;
  } finally {
    for (const leftover of [partial, `${partial}-wal`, `${partial}-shm`, `${partial}-journal`]) rmSync(leftover, { force: true });
  }
}
