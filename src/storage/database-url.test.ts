import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_SQLITE_PATH, parseDatabaseUrl } from './database-url.ts';

test('DATABASE_URL: SQLite by default, file: URLs and paths, postgres URLs', () => {
  assert.deepEqual(parseDatabaseUrl(undefined), { kind: 'sqlite', path: DEFAULT_SQLITE_PATH });
  assert.deepEqual(parseDatabaseUrl(''), { kind: 'sqlite', path: DEFAULT_SQLITE_PATH });
  assert.deepEqual(parseDatabaseUrl('file:///tmp/j.sqlite'), { kind: 'sqlite', path: '/tmp/j.sqlite' });
  assert.deepEqual(parseDatabaseUrl('file:data/j.sqlite'), { kind: 'sqlite', path: 'data/j.sqlite' });
  assert.deepEqual(parseDatabaseUrl('/var/lib/j.sqlite'), { kind: 'sqlite', path: '/var/lib/j.sqlite' });
  assert.deepEqual(parseDatabaseUrl('postgres://u@h:5432/db'), { kind: 'postgres', url: 'postgres://u@h:5432/db' });
  assert.deepEqual(parseDatabaseUrl('postgresql://h/db'), { kind: 'postgres', url: 'postgresql://h/db' });
  assert.throws(() => parseDatabaseUrl('mysql://h/db'), /unsupported scheme/u);
});
