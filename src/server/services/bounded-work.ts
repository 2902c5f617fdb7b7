/**
 * Work that anyone may ask for, kept cheap: at most `concurrency` computations at once, at most
 * `queue` waiting, and beyond that 503 BUSY with Retry-After (never a growing backlog that starves
 * the requests of the people at work); equal requests share one computation, and a result is kept
 * for `ttlMs` (at most `entries` of them, the oldest dropped first).
 */
import { ApiError } from '../api-error.ts';

export interface BoundedWorkOptions {
  concurrency: number;
  queue: number;
  ttlMs: number;
  entries: number;
  now?: () => number;
}

export class BoundedWork<T> {
  private running = 0;
  private readonly waiting: Array<() => void> = [];
  private readonly inFlight = new Map<string, Promise<T>>();
  private readonly kept = new Map<string, { value: T; until: number }>();

  constructor(private readonly options: BoundedWorkOptions) {}

  async get(key: string, compute: () => Promise<T>): Promise<T> {
    const now = (this.options.now ?? Date.now)();
    const cached = this.kept.get(key);
    if (cached && cached.until > now) return cached.value;
    const shared = this.inFlight.get(key);
    if (shared) return shared;
    const work = this.run(compute).then((value) => {
      this.keep(key, value, (this.options.now ?? Date.now)() + this.options.ttlMs);
      return value;
    });
    this.inFlight.set(key, work);
    try {
      return await work;
    } finally {
      this.inFlight.delete(key);
    }
  }

  /** Forgets every kept result (what they were computed from changed). */
  clear(): void {
    this.kept.clear();
  }

  private keep(key: string, value: T, until: number): void {
    this.kept.delete(key);
    this.kept.set(key, { value, until });
    if (this.kept.size > this.options.entries) this.kept.delete(this.kept.keys().next().value!);
  }

  private async run(compute: () => Promise<T>): Promise<T> {
    if (this.running >= this.options.concurrency) {
      if (this.waiting.length >= this.options.queue) throw new ApiError(503, 'BUSY', { headers: { 'Retry-After': '1' } });
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
    this.running += 1;
    try {
      return await compute();
    } finally {
      this.running -= 1;
      this.waiting.shift()?.();
    }
  }
}
