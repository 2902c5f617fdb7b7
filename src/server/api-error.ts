/**
 * An answer other than success, as docs/api.md shapes it:
 * `{"error": {"code", "message", "issues"?}, …extra}`. The message is rendered from the locale
 * (`api.CODE`) in the request's language when the answer is written.
 */
import type { Explanation, MessageParams } from '../core/explanation.ts';

export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 500 | 503;

export interface Issue {
  path: string;
  /** A sentence of the core is said in the request's language. */
  message: string | Explanation;
}

export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly status: ErrorStatus,
    readonly code: string,
    readonly options: {
      params?: MessageParams;
      issues?: Issue[];
      /** Fields beside `error` (the current version on a conflict, the findings on CHECK_ERRORS). */
      extra?: Record<string, unknown>;
      headers?: Record<string, string>;
    } = {},
  ) {
    super(code);
  }
}

export const unauthenticated = () => new ApiError(401, 'UNAUTHENTICATED');
export const forbidden = () => new ApiError(403, 'FORBIDDEN');
/** Also for what exists but the user may not see: its existence does not leak. */
export const notFound = () => new ApiError(404, 'NOT_FOUND');
