/**
 * The one place that talks HTTP: `client`, an openapi-fetch client typed by schema.ts (generated
 * from the server's own OpenAPI document: `npm run generate:api`), so that a path, its parameters,
 * its body and its answer are checked against what the server declares. Same origin (the dev
 * server proxies /api), the session is the HttpOnly cookie; the middleware (middleware.ts) add the
 * language and the CSRF token, end the session in the UI on a 401, and wait out a busy server.
 *
 *   const detail = await unwrap(client.GET('/api/evaluations/{id}', { params: { path: { id } } }));
 *
 * `unwrap` gives the answer's data, or throws an `ApiError` with the server's code and message.
 */
import createClient from 'openapi-fetch';
import { ApiError, isErrorBody } from './errors.ts';
import { acceptLanguage, busyRetry, csrfHeader, sessionEnd, type BusyRetryOptions } from './middleware.ts';
import { retryAfterSeconds } from './retry.ts';
import type { paths } from './schema.ts';

export { ApiError, type ApiErrorBody } from './errors.ts';

let csrfToken: string | null = null;
let language = 'zh';
let onUnauthenticated: () => void = () => {};
let onPasswordChangeRequired: () => void = () => {};

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}
export function setApiLanguage(lang: string): void {
  language = lang;
}
/** Called on a 401 outside the login call: the session ended, show the login page. */
export function setUnauthenticatedHandler(handler: () => void): void {
  onUnauthenticated = handler;
}

/**
 * Called on a 403 PASSWORD_CHANGE_REQUIRED: the user holds a one-time password (given while this
 * page was open, or the page missed it), so the app takes them to the password page.
 */
export function setPasswordChangeHandler(handler: () => void): void {
  onPasswordChangeRequired = handler;
}

/** `?year=2021&unit=3` without the blank ones (nothing: ''). */
export function query(params: Readonly<Record<string, unknown>>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

export interface ApiClientOptions {
  /** '' in the browser (same origin); a test names its server. */
  baseUrl?: string;
  fetch?: (request: Request) => Promise<Response>;
  language: () => string;
  csrfToken: () => string | null;
  unauthenticated: () => void;
  passwordChangeRequired: () => void;
  /** The wait of a busy answer (tests pass a fake clock). */
  sleep?: BusyRetryOptions['sleep'];
}

/** The typed client with its middleware, in their order (the app's `client`; tests make their own). */
export function createApiClient(options: ApiClientOptions) {
  const api = createClient<paths>({
    baseUrl: options.baseUrl ?? '',
    ...(options.fetch ? { fetch: options.fetch } : {}),
    credentials: 'same-origin',
    headers: { Accept: 'application/json' },
    // A blank filter is no filter: left out, as `query` does.
    querySerializer: (params) => query(params as Record<string, unknown>),
  });
  api.use(
    acceptLanguage(options.language),
    csrfHeader(options.csrfToken),
    sessionEnd({ unauthenticated: options.unauthenticated, passwordChangeRequired: options.passwordChangeRequired }),
    // Last: it sees the answer first and keeps the request as sent.
    busyRetry(options.sleep ? { sleep: options.sleep } : {}),
  );
  return api;
}

export const client = createApiClient({
  language: () => language,
  csrfToken: () => csrfToken,
  unauthenticated: () => onUnauthenticated(),
  passwordChangeRequired: () => onPasswordChangeRequired(),
});

/** The error of a refused answer: the server's code and message, Retry-After in seconds. */
export function toApiError(response: Response, body: unknown): ApiError {
  const error = isErrorBody(body) ? body : null;
  const retry = retryAfterSeconds(response.headers.get('Retry-After'));
  return new ApiError(response.status, error?.error.code ?? `HTTP_${response.status}`, error?.error.message ?? response.statusText, error, retry !== null && retry > 0 ? retry : null);
}

/** The data of a 2xx answer (undefined for 204); any other answer throws its ApiError. */
export async function unwrap<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (response.ok) return data as T;
  throw toApiError(response, error);
}

/** A number from the address (`?year=2021`); blank: none. */
export function optionalNumber(text: string | null | undefined): number | undefined {
  return text ? Number(text) : undefined;
}

/**
 * A multipart body (a file upload) where the schema describes the form's fields: the browser sends
 * the FormData as it is (openapi-fetch passes FormData through, and the browser sets the boundary).
 */
export function formBody<T>(form: FormData): NonNullable<T> {
  return form as unknown as NonNullable<T>;
}
