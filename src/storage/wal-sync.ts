/**
 * The fsync of a SQLite file's write-ahead log, off the event loop (issue 18).
 *
 * better-sqlite3 is synchronous: with `synchronous = FULL` every COMMIT syncs the WAL while the
 * event loop waits for the disk. The group commit instead commits its batch at NORMAL (the WAL
 * frames reach the OS, not yet the disk) and answers its saves only after `sync()` has synced
 * the WAL on libuv's thread pool. A commit is durable once its WAL frames are on the disk — that
 * is all FULL adds in WAL mode — so an acknowledged save still survives a power loss, while the
 * event loop serves other requests during the sync.
 *
 * Syncs are shared: commits that finish while a sync is in flight wait for the next one, which
 * starts when it ends and covers them all (at most one sync running, at most one waiting).
 * A sync covers only the commits that ended before it started; that is why a caller asks after
 * its COMMIT and never joins a sync already running.
 */
import { open, type FileHandle } from 'node:fs/promises';

interface Waiter {
  resolve(): void;
  reject(error: unknown): void;
}

export class WalSync {
  private handle: FileHandle | null = null;
  /** The sync in flight (its waiters' answers included), if any. */
  private running: Promise<void> | null = null;
  private waiting: Waiter[] = [];

  /** `databasePath`: the SQLite file; its log is `${databasePath}-wal` (WAL mode). */
  constructor(private readonly databasePath: string) {}

  /** Resolves once everything committed before this call is on the disk. */
  sync(): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.waiting.push({ resolve, reject });
      this.startNext();
    });
  }

  /** Closes the log's file handle, after the syncs asked for so far (the database is closed first). */
  async close(): Promise<void> {
    while (this.running) await this.running;
    await this.handle?.close();
    this.handle = null;
  }

  private startNext(): void {
    if (this.running || this.waiting.length === 0) return;
    const covered = this.waiting;
    this.waiting = [];
    this.running = this.datasync().then(
      () => covered.forEach((waiter) => waiter.resolve()),
      (error: unknown) => covered.forEach((waiter) => waiter.reject(error)),
    ).finally(() => {
      this.running = null;
      this.startNext();
    });
  }

  /**
   * fdatasync of the log. The handle is opened once, after the first commit made the file, and
   * kept: SQLite deletes or replaces the log only when the last connection to the file closes,
   * and this process holds one for as long as it syncs. (The log is never locked — SQLite's WAL
   * locks are on the `-shm` file — so a handle of our own cannot drop a lock SQLite holds.)
   * Syncs never overlap, so the handle is opened once.
   */
  protected async datasync(): Promise<void> {
    this.handle ??= await open(`${this.databasePath}-wal`, 'r+');
    try {
      await this.handle.datasync();
    } catch (error) {
      const handle = this.handle;
      this.handle = null; // opened again by the next sync
      await handle.close().catch(() => {});
      throw error;
    }
  }
}
