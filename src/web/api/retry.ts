/**
 * Answers that say "later, not never": 429 and 503 with Retry-After (the import queue full, the
 * public list busy, the database restarting). The call is made again after the wait the server
 * named, a bounded number of times; any other failure is the caller's at once.
 */
import { ApiError } from './client.ts';

/** Seconds to wait before asking again, or null when the answer is not "later". */
export function retryAfterOf(error: unknown): number | null {
  return error instanceof ApiError && (error.status === 429 || error.status === 503) && error.retryAfter !== null ? error.retryAfter : null;
}

export interface RetryOptions {
  /** Calls in all, the first included. */
  attempts: number;
  /** Told before each wait: how long, and the attempt that follows it (from 2). */
  onWait?: (seconds: number, attempt: number) => void;
  /** The wait itself (tests pass a fake clock). */
  sleep?: (ms: number) => Promise<void>;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function whenFree<T>(call: () => Promise<T>, { attempts, onWait, sleep = realSleep }: RetryOptions): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      const seconds = retryAfterOf(error);
      if (seconds === null || attempt >= attempts) throw error;
      onWait?.(seconds, attempt + 1);
      await sleep(seconds * 1000);
    }
  }
}
