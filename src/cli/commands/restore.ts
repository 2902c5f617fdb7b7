/**
 * `jixiao restore IN`: puts a backup in place of the SQLite database of `DATABASE_URL` (default
 * ./data/jixiao.sqlite). Stop the server first: a database that another process has open is
 * refused. IN must be a jixiao database (the migrations table is there and `PRAGMA integrity_check`
 * says ok). The replaced file is kept beside it as `<name>.before-restore-<timestamp>`; the
 * restored file is checked again. For PostgreSQL: prints the pg_restore command and exits 2.
 */
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { parseDatabaseUrl } from '../../storage/database-url.ts';
import { parseCommandArgs, requireOne } from '../args.ts';
import { CliInputError, EXIT } from '../cli-error.ts';
import type { CommandIo } from '../command.ts';
import { readConfig } from '../../config.ts';
import { inspectJixiaoFile, inUse, shellQuote, shellUrl } from '../sqlite/jixiao-file.ts';

export const restoreUsage = 'jixiao restore IN';

const SIDE_FILES = ['-wal', '-shm', '-journal'];

export async function restoreCommand(argv: string[], io: CommandIo, now: () => Date = () => new Date()): Promise<number> {
  const { positionals } = parseCommandArgs(argv, restoreUsage, {});
  const input = resolve(requireOne(positionals, 'backup file', restoreUsage));
  const location = parseDatabaseUrl(readConfig().DATABASE_URL);
  if (location.kind === 'postgres') {
    io.err(
      [
        'jixiao restore: DATABASE_URL names a PostgreSQL database; restore a pg_dump file with pg_restore (README.md, "Backups of PostgreSQL").',
        'Stop the servers first, then either restore into a new, empty database and point DATABASE_URL at it, or replace this one:',
        `  pg_restore --no-owner --clean --if-exists --single-transaction --dbname=${shellUrl(location.url)} ${shellQuote(input)}`,
        'The password is not printed: give it in PGPASSWORD or ~/.pgpass.',
      ].join('\n'),
    );
    return EXIT.unreadable;
  }
  const backup = inspectJixiaoFile(input);
  if (!backup.ok) throw new CliInputError(`refused: ${backup.problem}; nothing was changed`);

  const target = resolve(location.path);
  if (target === input) throw new CliInputError('the backup is the database itself; nothing was changed');
  let kept: string | null = null;
  if (existsSync(target)) {
    if (inUse(target)) {
      throw new CliInputError(`refused: ${target} is in use (is jixiao serve running?); stop the server first; nothing was changed`);
    }
    // Fold any WAL into the file, so that the kept copy is whole and no stale -wal meets the restored file.
    const current = new SqliteDatabase(target, { fileMustExist: true });
    try {
      current.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      current.close();
    }
    kept = `${target}.before-restore-${now().toISOString().replace(/[:.]/gu, '-')}`;
    renameSync(target, kept);
    for (const suffix of SIDE_FILES) if (existsSync(target + suffix)) renameSync(target + suffix, kept + suffix);
  } else {
    mkdirSync(dirname(target), { recursive: true });
    for (const suffix of SIDE_FILES) rmSync(target + suffix, { force: true });
  }

  const source = new SqliteDatabase(input, { readonly: true, fileMustExist: true });
  try {
    await source.backup(target, { progress: () => 0x7fffffff });
  } finally {
    source.close();
  }
  const restored = new SqliteDatabase(target, { fileMustExist: true });
  try {
    restored.pragma('journal_mode = WAL');
  } finally {
    restored.close();
  }
  const checked = inspectJixiaoFile(target);
  if (!checked.ok) throw new Error(`the restored database failed its check: ${checked.problem}${kept ? `; the previous database is ${kept}` : ''}`);
  io.out(
    [
      `jixiao restore: ${input} → ${target}: ${checked.file.evaluations} evaluations, ${checked.file.units} units; integrity_check ok`,
      kept ? `the previous database is kept as ${kept}` : 'there was no database before',
      'start the server again (jixiao serve); it migrates the restored database if it is older',
    ].join('\n'),
  );
  return EXIT.ok;
}
