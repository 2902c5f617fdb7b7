/**
 * Where the login page sends the user once logged in: back to the address they were on when the
 * session ended (`/login?next=/evaluations/7`, set by RequireLogin), if it is a path of this
 * application — same origin, relative, not the login page itself. Anything else (`//evil.example`,
 * `https://…`, `/\evil`, `javascript:…`, control characters) goes to the list.
 */
export const DEFAULT_LANDING = '/evaluations';

/** The placeholder origin a relative path is resolved against: only its own paths come back. */
const HOME = 'http://jixiao.invalid';

export function safeNext(next: string | null | undefined): string {
  if (!next || next.length > 2048) return DEFAULT_LANDING;
  // A path of this site begins with one slash; `//host` and `/\host` are another site to a browser.
  if (!next.startsWith('/') || next.startsWith('//') || next.includes('\\')) return DEFAULT_LANDING;
  if (/[\u0000-\u001f\u007f]/u.test(next)) return DEFAULT_LANDING;
  let url: URL;
  try {
    url = new URL(next, HOME);
  } catch {
    return DEFAULT_LANDING;
  }
  if (url.origin !== HOME) return DEFAULT_LANDING;
  if (/^\/login\/?$/u.test(url.pathname)) return DEFAULT_LANDING;
  return `${url.pathname}${url.search}${url.hash}`;
}
