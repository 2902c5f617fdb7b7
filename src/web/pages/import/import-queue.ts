/**
 * The files chosen on the import page, read by the server in turn: at most `concurrency` are sent
 * at once (the server reads one file of a user at a time and refuses a ninth waiting one), the rest
 * wait here. A busy answer (429 TOO_MANY_IMPORTS, 503 BUSY) is not a failure: the file waits the
 * Retry-After the server named and is sent again, and says so.
 */
import { whenFree } from '../../api/retry.ts';

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

export interface ImportQueueOptions<F, P> {
  read: (file: F) => Promise<P>;
  onChange: (files: QueuedFile<P>[]) => void;
  /** The failure in words. */
  failure: (error: unknown) => string;
  /** Files sent at once. */
  concurrency?: number;
  /** Calls of one file in all, busy answers included. */
  attempts?: number;
  sleep?: (ms: number) => Promise<void>;
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
    const { read, failure, attempts = 30, now = Date.now } = this.options;
    const sleep = this.options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
    try {
      const preview = await whenFree(
        () => {
          if (this.stopped) throw new Error('stopped');
          this.set(entry, { state: 'reading' });
          return read(entry.file);
        },
        { attempts, sleep, onWait: (seconds, attempt) => this.set(entry, { state: 'queued', until: now() + seconds * 1000, attempt }) },
      );
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
