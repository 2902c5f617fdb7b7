/**
 * Where the data lives, from `DATABASE_URL`: a SQLite file (the default, `./data/jixiao.sqlite`;
 * `file:` URLs and plain paths) or a PostgreSQL server (`postgres://…`, `postgresql://…`).
 */
import { fileURLToPath } from 'node:url';

export type DatabaseLocation = { kind: 'sqlite'; path: string } | { kind: 'postgres'; url: string };

export const DEFAULT_SQLITE_PATH = './data/jixiao.sqlite';

export function parseDatabaseUrl(url: string | undefined): DatabaseLocation {
  const value = url?.trim() || DEFAULT_SQLITE_PATH;
  if (/^postgres(ql)?:\/\//iu.test(value)) return { kind: 'postgres', url: value };
  if (value.startsWith('file://')) return { kind: 'sqlite', path: fileURLToPath(value) };
  // `file:relative/path.sqlite` (as Prisma and SQLite write it) is a path relative to the working directory.
  if (value.startsWith('file:')) return { kind: 'sqlite', path: value.slice('file:'.length) };
  if (/^[a-z][a-z0-9+.-]*:\/\//iu.test(value)) throw new Error(`DATABASE_URL: unsupported scheme in "${value}" (use a file path, file: or postgres://)`);
  return { kind: 'sqlite', path: value };
}
