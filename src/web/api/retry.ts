/**
 * Answers that say "later, not never": 429 and 503 with Retry-After (the import queue full, the
 * public list busy, the database restarting). The client's one way of waiting them out is the
 * middleware `busyRetry` (middleware.ts), which follows a `RetryPolicy`: the call is made again
 * after the wait the server named, a bounded number of times and within a bounded total wait; any
 * other answer is the caller's at once. A call may choose its own policy (`retryPolicy`), or none
 * (`NO_RETRY`: the editor's autosave, which shows its failures and keeps trying by itself).
 */
import { ApiError } from './errors.ts';

export interface RetryPolicy {
  /** Calls in all, the first included (1: never asked again). */
  attempts: number;
  /** The waits together stay within this (seconds): a Retry-After that would pass it is the caller's. */
  maxTotalSeconds: number;
  /** Told before each wait: how long, and the attempt that follows it (from 2). */
  onWait?: (seconds: number, attempt: number) => void;
  /** Told when the call is sent again after a wait (the attempt, from 2). */
  onResend?: (attempt: number) => void;
}

/** Every call unless it says otherwise: three more tries, half a minute of waiting at most. */
export const DEFAULT_RETRY: RetryPolicy = { attempts: 4, maxTotalSeconds: 30 };
export const NO_RETRY: Partial<RetryPolicy> = { attempts: 1 };

export const isBusy = (status: number): boolean => status === 429 || status === 503;

/**
 * Seconds of a Retry-After header (whole seconds, or an HTTP date), or null when there is none or it
 * cannot be read. A date in the past is 0.
 */
export function retryAfterSeconds(value: string | null, now: number = Date.now()): number | null {
  if (value === null || value.trim() === '') return null;
  const text = value.trim();
  if (/^\d+$/u.test(text)) return Number(text);
  // An HTTP date names its day and month in words (`Wed, 21 Oct 2015 07:28:00 GMT`).
  const at = /[a-z]/iu.test(text) ? Date.parse(text) : Number.NaN;
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - now) / 1000));
}

/** Seconds to wait before asking again, or null when the error is not "later" (an ApiError of a busy answer with Retry-After). */
export function retryAfterOf(error: unknown): number | null {
  return error instanceof ApiError && isBusy(error.status) && error.retryAfter !== null ? error.retryAfter : null;
}

/**
 * The wait before attempt `attempt + 1` after a busy answer naming `seconds`, when `waited` seconds
 * were waited already; null when the policy says to stop (attempts used up, the total wait passed).
 */
export function nextWait(policy: RetryPolicy, attempt: number, waited: number, seconds: number | null): number | null {
  if (seconds === null || attempt >= policy.attempts) return null;
  return waited + seconds <= policy.maxTotalSeconds ? seconds : null;
}

/** Waits `ms`, or rejects with the signal's reason once it aborts. */
export function sleep(ms: number, signal?: AbortSignal | null): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', abort);
      resolve();
    }, ms);
    const abort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    signal?.addEventListener('abort', abort, { once: true });
  });
}
