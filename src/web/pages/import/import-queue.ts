/**
 * The files chosen on the import page, read by the server in turn: at most `concurrency` are sent
 * at once (the server reads one file of a user at a time and refuses a ninth waiting one), the rest
 * wait here. A busy answer (429 TOO_MANY_IMPORTS, 503 BUSY) is not a failure: the file waits the
 * Retry-After the server named and is sent again (the client's middleware does, by the retry
 * policy the queue gives each read: many attempts, minutes of waiting), and says so.
 */
import type { RetryPolicy } from '../../api/retry.ts';

export type ImportState<P> =
  | { state: 'waiting' }
  | { state: 'reading' }
  | { state: 'queued'; until: number; attempt: number }
  | { state: 'read'; preview: P }
  | { state: 'failed'; message: string };

export interface QueuedFile<P> {
  key: number;
  name: string;
  status: ImportState<P>;
}

/** What a read is given: its retry policy (told of each wait and each new attempt), and a signal that aborts when the page is left. */
export interface ReadOptions {
  retry: Partial<RetryPolicy>;
  signal: AbortSignal;
}

export interface ImportQueueOptions<F, P> {
  read: (file: F, options: ReadOptions) => Promise<P>;
  onChange: (files: QueuedFile<P>[]) => void;
  /** The failure in words. */
  failure: (error: unknown) => string;
  /** Files sent at once. */
  concurrency?: number;
  /** Calls of one file in all, busy answers included. */
  attempts?: number;
  /** The waits of one file together, at most (seconds). */
  maxWaitSeconds?: number;
  now?: () => number;
}

interface Entry<F, P> extends QueuedFile<P> {
  file: F;
}

export class ImportQueue<F extends { name: string }, P> {
  private readonly entries: Entry<F, P>[] = [];
  private running = 0;
  private stopped = false;
  private lastKey = 0;
  private readonly leaving = new AbortController();

  constructor(private readonly options: ImportQueueOptions<F, P>) {}

  add(file: F): void {
    if (this.stopped) return;
    this.entries.push({ key: ++this.lastKey, name: file.name, file, status: { state: 'waiting' } });
    this.emit();
    this.pump();
  }

  /** The page is left: nothing more is sent, and nothing more is told. */
  stop(): void {
    this.stopped = true;
    this.leaving.abort();
  }

  private pump(): void {
    const concurrency = this.options.concurrency ?? 2;
    while (!this.stopped && this.running < concurrency) {
      const next = this.entries.find((e) => e.status.state === 'waiting');
      if (!next) return;
      this.running += 1;
      // A file that waits out a busy server keeps its place: the server is not asked more often.
      void this.run(next).finally(() => {
        this.running -= 1;
        this.pump();
      });
    }
  }

  private async run(entry: Entry<F, P>): Promise<void> {
    const { read, failure, attempts = 30, maxWaitSeconds = 600, now = Date.now } = this.options;
    const retry: Partial<RetryPolicy> = {
      attempts,
      maxTotalSeconds: maxWaitSeconds,
      onWait: (seconds, attempt) => this.set(entry, { state: 'queued', until: now() + seconds * 1000, attempt }),
      onResend: () => this.set(entry, { state: 'reading' }),
    };
    try {
      this.set(entry, { state: 'reading' });
      const preview = await read(entry.file, { retry, signal: this.leaving.signal });
      this.set(entry, { state: 'read', preview });
    } catch (error) {
      this.set(entry, { state: 'failed', message: failure(error) });
    }
  }

  private set(entry: Entry<F, P>, status: ImportState<P>): void {
    entry.status = status;
    this.emit();
  }

  private emit(): void {
    if (!this.stopped) this.options.onChange(this.entries.map(({ key, name, status }) => ({ key, name, status })));
  }
}
