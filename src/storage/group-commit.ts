/**
 * Group commit: units of work submitted while a commit is being prepared or is in flight are
 * written together in one transaction — one COMMIT, one fsync — and each caller is answered only
 * after that commit. Work is gathered for the rest of the current turn of the event loop (the
 * requests whose bodies arrived together), then while the batches before are committing.
 *
 * Each unit keeps its own outcome: one that throws (a stale version, a refused change) takes
 * nothing of its own into the commit and costs the others nothing.
 * - SQLite (`savepoint` per unit, cheap: no round trip, no fsync): a unit that throws is rolled
 *   back to its savepoint, the others go on.
 * - PostgreSQL (a savepoint would cost two round trips a unit): a unit that throws ends the batch,
 *   which is rolled back whole, and every unit of it runs again alone in its own transaction, where
 *   it gets its own answer. A unit may therefore run twice: once in the rolled-back batch, once alone.
 * A failure of the transaction itself (BEGIN, COMMIT, the connection) is every unit's answer.
 *
 * On a SQLite file the batch commits without syncing (`synchronous = normal` for its transaction
 * alone, on its connection) and its units are answered after the log's fsync, which runs off the
 * event loop (WalSync). Every other transaction keeps `synchronous = full`.
 */
import { sql } from 'kysely';
import { isPostgres } from './dialect.ts';
import { walSyncOf, type Db } from './open-database.ts';
import { inTransaction, repositories, type Repositories } from './repositories.ts';
import type { WalSync } from './wal-sync.ts';

type Work<T> = (repos: Repositories) => Promise<T>;

interface Pending {
  work: Work<unknown>;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/** A unit failed inside a PostgreSQL batch: the batch is rolled back and its units run alone. */
class UnitFailed extends Error {}

export interface GroupCommitOptions {
  /** Units in one transaction at most (the rest wait for the next). */
  maxBatch?: number;
  /**
   * Transactions in flight at once. SQLite: 1 (one connection; better-sqlite3 is synchronous).
   * PostgreSQL (default 4): the units of a batch run one after another on its connection, so a
   * single batch would make the saves' round trips a queue; a few batches side by side keep some of
   * the pool's parallelism, and PostgreSQL flushes the WAL of commits that meet once.
   */
  inFlight?: number;
  /** The log's fsync (SQLite file); default: the one `openDatabase` made for `db`. */
  walSync?: WalSync | null;
}

export class GroupCommit {
  private queue: Pending[] = [];
  private committing = 0;
  private scheduled = false;
  private readonly maxBatch: number;
  private readonly inFlight: number;
  private readonly savepoints: boolean;
  private readonly walSync: WalSync | null;

  constructor(private readonly db: Db, options: GroupCommitOptions = {}) {
    this.maxBatch = options.maxBatch ?? 64;
    this.savepoints = !isPostgres(db);
    this.walSync = options.walSync !== undefined ? options.walSync : walSyncOf(db);
    this.inFlight = this.savepoints ? 1 : options.inFlight ?? 4;
  }

  /** Runs `work` in a transaction shared with the work submitted around it; settles after the commit. */
  run<T>(work: Work<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.committing >= this.inFlight || this.scheduled || this.queue.length === 0) return;
    this.scheduled = true;
    // After the I/O of this turn: the saves whose requests arrived together join one batch.
    setImmediate(() => {
      this.scheduled = false;
      void this.commitNext();
    });
  }

  private async commitNext(): Promise<void> {
    const batch = this.queue.splice(0, this.maxBatch);
    if (batch.length === 0) return;
    this.committing++;
    this.schedule(); // more than a batch waiting, and room for another transaction
    let outcomes: Outcome[];
    try {
      outcomes = await this.commit(batch);
    } catch (error) {
      outcomes = batch.map(() => ({ ok: false, error }));
    } finally {
      this.committing--;
      this.schedule(); // the next batch commits while this one's log is synced
    }
    outcomes = await this.synced(outcomes);
    batch.forEach((pending, i) => {
      const outcome = outcomes[i]!;
      if (outcome.ok) pending.resolve(outcome.value);
      else pending.reject(outcome.error);
    });
  }

  private commit(batch: Pending[]): Promise<Outcome[]> {
    if (this.walSync === null) return this.transact(this.db, batch);
    return this.db.connection().execute((connection) => withoutSync(connection, () => this.transact(connection, batch)));
  }

  /** The outcomes once the log holding their commit is on the disk (SQLite file; at once otherwise). */
  private async synced(outcomes: Outcome[]): Promise<Outcome[]> {
    if (this.walSync === null || !outcomes.some((outcome) => outcome.ok)) return outcomes; // nothing of theirs was committed
    try {
      await this.walSync.sync();
      return outcomes;
    } catch (error) {
      return outcomes.map(() => ({ ok: false, error })); // committed, but not known to be on the disk
    }
  }

  /** The batch in one transaction on `db` (a connection of its own when the commit is synced after). */
  private async transact(db: Db, batch: Pending[]): Promise<Outcome[]> {
    if (batch.length === 1) return [await settle(() => inTransaction(db, batch[0]!.work))];
    try {
      return await db.transaction().execute(async (trx) => {
        const repos = repositories(trx);
        const outcomes: Outcome[] = [];
        for (const [i, pending] of batch.entries()) {
          if (!this.savepoints) {
            try {
              outcomes.push({ ok: true, value: await pending.work(repos) });
            } catch {
              throw new UnitFailed();
            }
            continue;
          }
          const name = sql.raw(`unit_${i}`);
          await sql`savepoint ${name}`.execute(trx);
          try {
            outcomes.push({ ok: true, value: await pending.work(repos) });
            await sql`release savepoint ${name}`.execute(trx);
          } catch (error) {
            await sql`rollback to savepoint ${name}`.execute(trx);
            await sql`release savepoint ${name}`.execute(trx);
            outcomes.push({ ok: false, error });
          }
        }
        return outcomes;
      });
    } catch (error) {
      if (!(error instanceof UnitFailed)) return batch.map(() => ({ ok: false, error }));
      // Each alone, one after the other (as they were ordered in the batch).
      const outcomes: Outcome[] = [];
      for (const pending of batch) outcomes.push(await settle(() => inTransaction(db, pending.work)));
      return outcomes;
    }
  }
}

/**
 * Runs `commit` on `connection` with `synchronous = normal`, and puts `full` back before the
 * connection serves anything else: the caller syncs the log itself before it answers.
 */
async function withoutSync<T>(connection: Db, commit: () => Promise<T>): Promise<T> {
  await sql`pragma synchronous = normal`.execute(connection);
  try {
    return await commit();
  } finally {
    await sql`pragma synchronous = full`.execute(connection);
  }
}

async function settle(run: () => Promise<unknown>): Promise<Outcome> {
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    return { ok: false, error };
  }
}
