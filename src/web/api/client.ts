/**
 * The one place that talks HTTP. Same origin (the dev server proxies /api), the session is the
 * HttpOnly cookie; the CSRF token from login or /api/me goes on every mutating request.
 */
export interface ApiErrorBody {
  error: { code: string; message: string; issues?: { path: string; message: string }[] };
  [key: string]: unknown;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly body: ApiErrorBody | null,
    /** Seconds, from Retry-After on 429. */
    readonly retryAfter: number | null,
  ) {
    super(message);
  }
}

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

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': language };
  if (MUTATING.has(method) && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let payload: BodyInit | undefined;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  const res = await fetch(path, { method, headers, body: payload ?? null, credentials: 'same-origin' });
  if (res.status === 204) return undefined as T;
  const data: unknown = await res.json().catch(() => null);
  if (res.ok) return data as T;
  throw toError(res, data, path);
}

function toError(res: Response, data: unknown, path: string): ApiError {
  const body = isErrorBody(data) ? data : null;
  if (res.status === 401 && path !== '/api/login' && path !== '/api/me') onUnauthenticated();
  if (res.status === 403 && body?.error.code === 'PASSWORD_CHANGE_REQUIRED') onPasswordChangeRequired();
  const retry = Number(res.headers.get('Retry-After'));
  return new ApiError(res.status, body?.error.code ?? `HTTP_${res.status}`, body?.error.message ?? res.statusText, body, Number.isFinite(retry) && retry > 0 ? retry : null);
}

function isErrorBody(data: unknown): data is ApiErrorBody {
  return typeof data === 'object' && data !== null && typeof (data as ApiErrorBody).error?.code === 'string';
}

export const api = {
  get: <T>(path: string) => request<T>('GET', path),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body ?? {}),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
};

/** `?year=2021&unit=3` without the blank ones. */
export function query(params: Record<string, string | number | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}
