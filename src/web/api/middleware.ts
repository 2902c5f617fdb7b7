/**
 * The middleware of the typed client (openapi-fetch): what every call does the same way, whatever
 * the page. Each is a factory with what it needs passed in, so that tests build a client of their own.
 *
 * - `acceptLanguage`: the UI's language, so that messages and findings come back in it.
 * - `csrfHeader`: `X-CSRF-Token` on every mutating request (docs/api.md, "Session").
 * - `sessionEnd`: a 401 outside the login itself ends the session in the UI (the login page shows);
 *   a 403 PASSWORD_CHANGE_REQUIRED takes the user to the password page.
 * - `busyRetry`: a 429 or 503 with Retry-After is asked again after the wait it names, within the
 *   request's `RetryPolicy` (retry.ts); a request chooses its own with `retryPolicy(...)`.
 */
import type { Middleware } from 'openapi-fetch';
import { isErrorBody } from './errors.ts';
import { DEFAULT_RETRY, isBusy, nextWait, retryAfterSeconds, sleep as realSleep, type RetryPolicy } from './retry.ts';

export const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function acceptLanguage(language: () => string): Middleware {
  return {
    onRequest({ request }) {
      request.headers.set('Accept-Language', language());
    },
  };
}

export function csrfHeader(token: () => string | null): Middleware {
  return {
    onRequest({ request }) {
      const value = token();
      if (MUTATING.has(request.method) && value) request.headers.set('X-CSRF-Token', value);
    },
  };
}

/** The calls whose 401 is an answer, not the end of a session: a wrong password, nobody logged in yet. */
const SESSION_PATHS = new Set(['/api/login', '/api/me']);

export function sessionEnd(handlers: { unauthenticated: () => void; passwordChangeRequired: () => void }): Middleware {
  return {
    async onResponse({ response, schemaPath }) {
      if (response.status === 401 && !SESSION_PATHS.has(schemaPath)) handlers.unauthenticated();
      else if (response.status === 403) {
        const body: unknown = await response.clone().json().catch(() => null);
        if (isErrorBody(body) && body.error.code === 'PASSWORD_CHANGE_REQUIRED') handlers.passwordChangeRequired();
      }
    },
  };
}

/** Policies of the requests in flight that chose their own (by the request's id). */
const policies = new Map<string, Partial<RetryPolicy>>();

/** This request's own retry policy (per-request middleware: `client.GET(path, { middleware: [retryPolicy(...)] })`). */
export function retryPolicy(policy: Partial<RetryPolicy>): Middleware {
  return {
    onRequest({ id }) {
      policies.set(id, policy);
    },
  };
}

export interface BusyRetryOptions {
  defaults?: RetryPolicy;
  /** The wait (tests pass a fake clock); rejects when the request's signal aborts. */
  sleep?: (ms: number, signal?: AbortSignal | null) => Promise<void>;
}

/**
 * Registered last of the client's middleware, so that it keeps a copy of the request as it is sent
 * (headers set), and sees the server's answer first: the other middleware see the answer that stands.
 */
export function busyRetry({ defaults = DEFAULT_RETRY, sleep = realSleep }: BusyRetryOptions = {}): Middleware {
  // What is sent again: the request rebuilt from its body read once into memory (a body can be read
  // once; `request.clone()` would turn the body into a stream, which the browser's tools no longer show).
  const copies = new Map<string, () => Request>();
  const forget = (id: string) => {
    copies.delete(id);
    policies.delete(id);
  };
  return {
    async onRequest({ request, id }) {
      if (request.body === null) {
        copies.set(id, () => new Request(request));
        return undefined;
      }
      const body = await request.arrayBuffer();
      const copy = () => new Request(request, { body });
      copies.set(id, copy);
      return copy();
    },
    async onResponse({ request, response, id, options }) {
      const copy = copies.get(id);
      const policy = { ...defaults, ...policies.get(id) };
      forget(id);
      if (!copy || !isBusy(response.status)) return undefined;
      // The client's fetch, called unbound (the browser's refuses another `this`).
      const send = options.fetch;
      let answer = response;
      let waited = 0;
      for (let attempt = 1; isBusy(answer.status); attempt++) {
        const seconds = nextWait(policy, attempt, waited, retryAfterSeconds(answer.headers.get('Retry-After')));
        if (seconds === null) break;
        policy.onWait?.(seconds, attempt + 1);
        await answer.body?.cancel().catch(() => undefined);
        await sleep(seconds * 1000, request.signal);
        waited += seconds;
        policy.onResend?.(attempt + 1);
        answer = await send(copy());
      }
      return answer === response ? undefined : answer;
    },
    onError({ id }) {
      forget(id);
    },
  };
}
