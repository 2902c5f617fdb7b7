import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import SqliteDatabase from 'better-sqlite3';
import { WalSync } from './wal-sync.ts';

const dir = mkdtempSync(join(tmpdir(), 'jixiao-wal-sync-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** A SQLite file in WAL mode with one commit in its log. */
function walFile(name: string): { path: string; close(): void } {
  const path = join(dir, name);
  const sqlite = new SqliteDatabase(path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.exec('create table t (x integer)');
  sqlite.exec('insert into t values (1)');
  return { path, close: () => sqlite.close() };
}

/** Counts the fsyncs and holds each until `release()`. */
class HeldSync extends WalSync {
  started = 0;
  private releases: Array<() => void> = [];
  release(): void {
    this.releases.shift()?.();
  }
  protected override async datasync(): Promise<void> {
    this.started++;
    await new Promise<void>((resolve) => this.releases.push(resolve));
    await super.datasync();
  }
}

const turn = () => new Promise((resolve) => setImmediate(resolve));

test('syncs asked for while one runs share the next: one running, one waiting', async () => {
  const file = walFile('shared.sqlite');
  const wal = new HeldSync(file.path);
  try {
    const first = wal.sync();
    await turn();
    assert.equal(wal.started, 1);
    // Five commits end while the first sync runs: they are not covered by it, and wait for one more.
    const later = [1, 2, 3, 4, 5].map(() => wal.sync());
    let firstDone = false;
    void first.then(() => (firstDone = true));
    await turn();
    assert.equal(wal.started, 1, 'no second sync while one runs');
    assert.equal(firstDone, false, 'answered only after its fsync');
    wal.release();
    await first;
    await turn();
    assert.equal(wal.started, 2, 'the waiting commits share one sync');
    wal.release();
    await Promise.all(later);
    assert.equal(wal.started, 2);
  } finally {
    await wal.close();
    file.close();
  }
});

test('a failed sync is the answer of every commit it covered, and the next sync opens the log again', async () => {
  const file = walFile('failing.sqlite');
  const missing = new WalSync(join(dir, 'no-such.sqlite'));
  await assert.rejects(Promise.all([missing.sync(), missing.sync()]), { code: 'ENOENT' });
  await missing.close();
  const wal = new WalSync(file.path);
  try {
    await wal.sync();
    await wal.sync();
  } finally {
    await wal.close();
    file.close();
  }
});
