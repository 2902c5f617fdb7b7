/** Every failure as `{"error": {"code", "message", "issues"?}}` (docs/api.md), the message in the request's language. */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { format, render, type Lang } from '../core/locale/messages.ts';
import { formatPath } from '../core/model/path.ts';
import { ApiError, type ErrorStatus } from './api-error.ts';
import type { AppEnv } from './app-env.ts';
import { isDatabaseUnavailable } from './database-unavailable.ts';
import { requestLang } from './request-lang.ts';

/** Seconds a client is asked to wait before trying again while the database is away. */
const RETRY_AFTER_SECONDS = 5;

/** Errors hono raises itself (malformed JSON, a body too large, a missing content type). */
const HTTP_CODES: Partial<Record<number, string>> = { 400: 'VALIDATION', 413: 'FILE_TOO_LARGE', 415: 'UNSUPPORTED_MEDIA_TYPE' };

/** The request's log (with its id), or the console before the log middleware ran. */
const logOf = (c: Context<AppEnv>) => c.get('log') ?? { error: (...args: unknown[]) => console.error(...args) };

export function errorResponse(error: unknown, c: Context<AppEnv>, maxUploadMb: number): Response {
  const lang = requestLang(c);
  let apiError: ApiError;
  if (error instanceof ApiError) apiError = error;
  else if (error instanceof HTTPException && HTTP_CODES[error.status]) {
    apiError = new ApiError(error.status as ErrorStatus, HTTP_CODES[error.status]!, {
      params: { maxMb: maxUploadMb },
      ...(error.status === 400 ? { issues: [{ path: '(root)', message: error.message }] } : {}),
    });
  } else if (isDatabaseUnavailable(error)) {
    // Expected while the database restarts: one line (no stack, no query), and the client may retry.
    logOf(c).error(`database unavailable: ${(error as Error).message || (error as { code?: string }).code}`);
    apiError = new ApiError(503, 'DATABASE_UNAVAILABLE', { headers: { 'Retry-After': String(RETRY_AFTER_SECONDS) } });
  } else {
    logOf(c).error({ err: error }, 'unexpected error');
    apiError = new ApiError(500, 'INTERNAL');
  }
  for (const [name, value] of Object.entries(apiError.options.headers ?? {})) c.header(name, value);
  return c.json(errorBody(apiError, lang), apiError.status as ContentfulStatusCode);
}

/** The answer's body, `{error: {code, message, issues?}, …extra}`, in the language asked for. */
export function errorBody(apiError: ApiError, lang: Lang) {
  const { params = {}, issues, extra = {} } = apiError.options;
  return {
    error: {
      code: apiError.code,
      message: format(`api.${apiError.code}`, params, lang),
      ...(issues ? { issues: issues.map((i) => ({ path: i.path, message: typeof i.message === 'string' ? i.message : render(i.message, lang) })) } : {}),
    },
    ...extra,
  };
}

/** The zod validation of a request: 400 with the path of each wrong field (`evaluation.indicators[3].weight`). */
export function validationHook(result: { success: boolean; error?: { issues: Array<{ path: PropertyKey[]; message: string }> } }): void {
  if (result.success) return;
  throw new ApiError(400, 'VALIDATION', {
    issues: (result.error?.issues ?? []).map((issue) => ({ path: formatPath(issue.path) || '(root)', message: issue.message })),
  });
}
