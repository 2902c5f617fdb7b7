/** A refused or failed call of the API: the status, the server's code and message, its whole body. */
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
    /** Seconds, from Retry-After on 429 and 503. */
    readonly retryAfter: number | null,
  ) {
    super(message);
  }
}

export function isErrorBody(data: unknown): data is ApiErrorBody {
  return typeof data === 'object' && data !== null && typeof (data as ApiErrorBody).error?.code === 'string';
}
