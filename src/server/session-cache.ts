/**
 * Sessions this process has read, kept for at most SESSION_CACHE_MS: every request checks its
 * session, and on a save that read was a query (a round trip on PostgreSQL) of its own.
 *
 * Within the process nothing is stale: whatever ends or changes a session or its user (logout, a
 * password changed or reset, a user disabled or changed, a unit renamed or moved) forgets it here
 * once its transaction has committed, and a read that was under way while something was forgotten
 * is not kept (the generation). Another process behind the balancer sees such a change within
 * SESSION_CACHE_MS (README, docs/api.md), as it would a change made by `jixiao users` on the command
 * line.
 */
import type { StoredSession } from '../storage/repositories/session-repository.ts';

/** How long a session read is answered from memory. */
export const SESSION_CACHE_MS = 1000;
/** Sessions kept at most; beyond, the oldest read goes first. */
const MAX_SESSIONS = 10_000;

interface Entry {
  session: StoredSession;
  /** When it was read, by the monotonic clock (bounds the staleness whatever the app's clock does). */
  readAt: number;
  /** When it was read, by the app's clock (a test's clock moved on ends it, as the idle timeout would). */
  clockAt: number;
}

export class SessionCache {
  private readonly entries = new Map<string, Entry>();
  private generation = 0;

  /** The session read less than SESSION_CACHE_MS ago (by both clocks), if any. */
  get(id: string, clockNow: number): StoredSession | undefined {
    const entry = this.entries.get(id);
    if (!entry) return undefined;
    if (performance.now() - entry.readAt < SESSION_CACHE_MS && Math.abs(clockNow - entry.clockAt) < SESSION_CACHE_MS) return entry.session;
    this.entries.delete(id);
    return undefined;
  }

  /** Taken before a read: `keep` stores the read only if nothing was forgotten meanwhile. */
  mark(): number {
    return this.generation;
  }

  keep(id: string, session: StoredSession, mark: number, clockNow: number): void {
    if (mark !== this.generation) return;
    if (this.entries.size >= MAX_SESSIONS) this.entries.delete(this.entries.keys().next().value!);
    this.entries.delete(id); // re-inserted last: the map's order is the order of reading
    this.entries.set(id, { session, readAt: performance.now(), clockAt: clockNow });
  }

  /** One session (logout, a session replaced at login). */
  forget(id: string): void {
    this.generation++;
    this.entries.delete(id);
  }

  /** Every session of the user (password, role, unit, disabled, name). */
  forgetUser(userId: string): void {
    this.generation++;
    for (const [id, entry] of this.entries) if (entry.session.user.id === userId) this.entries.delete(id);
  }

  /** Every session (a unit renamed or moved: the sessions carry their user's unit). */
  forgetAll(): void {
    this.generation++;
    this.entries.clear();
  }
}

/** The process's cache: every app of the process (and every database) shares it; session ids are random hashes. */
export const sessionCache = new SessionCache();
