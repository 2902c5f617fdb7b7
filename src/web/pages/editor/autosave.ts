/**
 * The editor's autosave, without React: what the user typed is sent (debounced) with the version it
 * is based on; a failure that may pass (the network, a busy or restarting server: 5xx, 408, 429) is
 * tried again with a growing wait (at least the server's Retry-After), for as long as it takes;
 * offline, it waits for the network to come back. What the user typed is never dropped or replaced
 * here: only the user's choice after a conflict (take theirs) replaces it.
 *
 * States, as the editor shows them (`save.*` in the locale files):
 *
 *   saved ──edit──▶ dirty ──(pause)──▶ saving ──ok──▶ saved
 *                                        │
 *                 ┌──────────────────────┼──────────────────────┬───────────────────┐
 *          5xx/408/429/network       409 VERSION_CONFLICT   anything else (400, 403…)
 *                 ▼                      ▼                      ▼
 *      retrying (offline when the     conflict: kept until    error: shown; the next
 *      browser is) ──wait──▶ sent      keep mine / take        edit or a flush tries
 *      again, same state until ok      theirs                  again
 *
 * Edits made meanwhile go with the next attempt; while retrying they do not hurry it (the wait is
 * the server's), but the network coming back (`online`) or a flush sends at once.
 */
import type { Evaluation } from '../../../core/model/evaluation.ts';
import { ApiError } from '../../api/errors.ts';
import { retryAfterOf } from '../../api/retry.ts';

export type SaveState = 'saved' | 'dirty' | 'saving' | 'retrying' | 'offline' | 'error' | 'conflict';

export interface Conflict<D = Evaluation> {
  version: number;
  evaluation: D;
}

export interface AutosaveStatus<D = Evaluation> {
  state: SaveState;
  /** The last failure (retrying, offline, error); null once saved. */
  error: ApiError | null;
  conflict: Conflict<D> | null;
  /** Failures in a row. */
  failures: number;
  /** When the next attempt goes (ms since the epoch), while retrying or offline. */
  retryAt: number | null;
}

export interface Timers {
  set: (run: () => void, ms: number) => unknown;
  clear: (handle: unknown) => void;
  now: () => number;
}

export interface AutosaveOptions<D> {
  /** The PUT: the document and the version it is based on; resolves with the new version, rejects with an ApiError (or a network error). */
  put: (document: D, version: number) => Promise<{ version: number }>;
  /** The document and version as loaded. */
  document: D;
  version: number;
  /**
   * Opened in conflict: `document` is what the user typed (kept in the tab while a session ended)
   * on a version the server has since moved on from, and this the server's form (its version the
   * one `version` names). The user chooses as after a 409: keep mine, take theirs.
   */
  conflict?: Conflict<D>;
  onStatus: (status: AutosaveStatus<D>) => void;
  /** The pause after the last keystroke before a save (ms). */
  delayMs?: number;
  /** The first wait after a failure (ms); it doubles with each failure in a row, up to `maxRetryMs`. */
  firstRetryMs?: number;
  maxRetryMs?: number;
  /** Whether the browser believes it is online (navigator.onLine). */
  online?: () => boolean;
  timers?: Timers;
}

const realTimers: Timers = { set: (run, ms) => setTimeout(run, ms), clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>), now: () => Date.now() };

/** A failure that may pass by itself: the network, a busy, restarting or failing server. */
export function isTransient(error: ApiError): boolean {
  return error.status === 0 || error.status === 408 || error.status === 429 || error.status >= 500;
}

/** The wait before the next attempt after `failures` failures in a row: doubling from `first`, at most `max`, never less than the server's Retry-After. */
export function retryDelay(failures: number, retryAfterSeconds: number | null, first: number, max: number): number {
  const backoff = Math.min(max, first * 2 ** Math.max(0, failures - 1));
  return Math.max(backoff, (retryAfterSeconds ?? 0) * 1000);
}

const asApiError = (e: unknown): ApiError => (e instanceof ApiError ? e : new ApiError(0, 'NETWORK', e instanceof Error ? e.message : String(e), null, null));

export class Autosave<D = Evaluation> {
  private latest: D;
  private version: number;
  /** `latest` is not yet on the server. */
  private dirty = false;
  private inflight: Promise<void> | null = null;
  private debounce: unknown = null;
  private retry: unknown = null;
  private stopped = false;
  private status: AutosaveStatus<D> = { state: 'saved', error: null, conflict: null, failures: 0, retryAt: null };
  private readonly timers: Timers;

  constructor(private readonly options: AutosaveOptions<D>) {
    this.latest = options.document;
    this.version = options.version;
    this.timers = options.timers ?? realTimers;
    if (options.conflict) {
      this.dirty = true;
      this.status = { ...this.status, state: 'conflict', conflict: options.conflict };
    }
  }

  get current(): AutosaveStatus<D> {
    return this.status;
  }
  /** The version the next save is based on. */
  get baseVersion(): number {
    return this.version;
  }
  /** The document as the user has it (what the next save sends). */
  get document(): D {
    return this.latest;
  }
  /** Something typed is not on the server yet (or is on its way). */
  get pending(): boolean {
    return this.dirty || this.inflight !== null;
  }

  /** The user changed the document. */
  edit(document: D): void {
    this.latest = document;
    this.dirty = true;
    const { state } = this.status;
    if (state === 'conflict') return;
    // A retry is already planned: it sends this too (the wait is the server's, or the network's).
    if (state === 'retrying' || state === 'offline') return;
    if (state !== 'saving') this.set({ state: 'dirty', error: null });
    this.schedule();
  }

  /** Saves now (before a transition, or when asked); resolves once the server has what was typed, rejects with the failure otherwise (the retries go on). */
  async flush(): Promise<void> {
    this.clear('debounce');
    this.clear('retry');
    for (;;) {
      await this.save();
      if (!this.dirty) return;
      const { state, error } = this.status;
      if (state === 'conflict') throw new ApiError(409, 'VERSION_CONFLICT', 'version conflict', null, null);
      if (state === 'retrying' || state === 'offline' || state === 'error') throw error ?? new ApiError(0, 'NETWORK', 'not saved', null, null);
      // Typed while the save was under way: that goes too.
    }
  }

  /** The network came back: a planned retry goes now. */
  online(): void {
    if (this.status.state === 'offline' || this.status.state === 'retrying') {
      this.clear('retry');
      void this.save();
    }
  }

  /** The network went away: a planned retry says so. */
  offline(): void {
    if (this.status.state === 'retrying') this.set({ state: 'offline' });
  }

  /** After a conflict: mine is saved over theirs (on their version). */
  keepMine(): void {
    const { conflict } = this.status;
    if (!conflict) return;
    this.version = conflict.version;
    this.dirty = true;
    this.set({ state: 'dirty', conflict: null });
    void this.save();
  }

  /** After a conflict: theirs replaces mine (the user chose so); returns it to show. */
  takeTheirs(): D | null {
    const { conflict } = this.status;
    if (!conflict) return null;
    this.version = conflict.version;
    this.latest = conflict.evaluation;
    this.dirty = false;
    this.set({ state: 'saved', conflict: null, error: null, failures: 0, retryAt: null });
    return conflict.evaluation;
  }

  /**
   * The server's form, read again (after a transition): taken when nothing typed is pending;
   * refused (false) otherwise — what was typed stays, and its save decides (a conflict, if any).
   */
  reset(document: D, version: number): boolean {
    if (this.pending || this.status.state === 'conflict') return false;
    this.clear('debounce');
    this.clear('retry');
    this.latest = document;
    this.version = version;
    this.set({ state: 'saved', error: null, conflict: null, failures: 0, retryAt: null });
    return true;
  }

  /** The editor is left: nothing more is planned; what was typed and not saved is sent once more. */
  stop(): void {
    this.clear('debounce');
    this.clear('retry');
    if (this.dirty && this.status.state !== 'conflict' && !this.stopped) void this.save();
    this.stopped = true;
  }

  /** The editor is shown again (React's development mode mounts twice). */
  start(): void {
    this.stopped = false;
  }

  private schedule(): void {
    this.clear('debounce');
    this.debounce = this.timers.set(() => {
      this.debounce = null;
      void this.save();
    }, this.options.delayMs ?? 1200);
  }

  private async save(): Promise<void> {
    while (this.inflight) await this.inflight;
    if (!this.dirty || this.status.state === 'conflict') return;
    this.clear('debounce');
    this.clear('retry');
    const sent = this.latest;
    this.dirty = false;
    // A first attempt says 保存中; a retry keeps saying what went wrong until it succeeds.
    if (this.status.state !== 'retrying' && this.status.state !== 'offline') this.set({ state: 'saving' });
    const run = this.options.put(sent, this.version).then(
      (answer) => {
        this.version = answer.version;
        this.set({ state: this.dirty ? 'dirty' : 'saved', error: null, failures: 0, retryAt: null });
        if (this.dirty && !this.debounce && !this.stopped) this.schedule();
      },
      (e: unknown) => this.failed(asApiError(e)),
    );
    this.inflight = run.finally(() => {
      this.inflight = null;
    });
    await this.inflight;
  }

  private failed(error: ApiError): void {
    // What was sent is not saved: it (or what was typed since) is still to be sent.
    this.dirty = true;
    const body = error.body;
    if (error.status === 409 && body && typeof body['version'] === 'number' && body['evaluation'] !== undefined) {
      this.set({ state: 'conflict', conflict: { version: body['version'], evaluation: body['evaluation'] as D }, error: null, retryAt: null });
      return;
    }
    if (!isTransient(error)) {
      this.set({ state: 'error', error, retryAt: null });
      return;
    }
    const failures = this.status.failures + 1;
    const wait = retryDelay(failures, retryAfterOf(error), this.options.firstRetryMs ?? 1000, this.options.maxRetryMs ?? 30_000);
    const online = this.options.online?.() ?? true;
    this.set({ state: online ? 'retrying' : 'offline', error, failures, retryAt: this.timers.now() + wait });
    if (this.stopped) return;
    this.retry = this.timers.set(() => {
      this.retry = null;
      void this.save();
    }, wait);
  }

  private clear(which: 'debounce' | 'retry'): void {
    const handle = this[which];
    if (handle !== null) this.timers.clear(handle);
    this[which] = null;
  }

  private set(change: Partial<AutosaveStatus<D>>): void {
    this.status = { ...this.status, ...change };
    this.options.onStatus(this.status);
  }
}
