/**
 * Where the login page sends the user once logged in: back to the address they were on when the
 * session ended (`/login?next=/evaluations/7`, set by RequireLogin), if it is a path of this
 * application — same origin, relative, not the login page itself. Anything else (`//evil.example`,
 * `https://…`, `/\evil`, `javascript:…`, control characters) goes to the list.
 *
 * The address belongs to the user who was signed out there (logged out, or their session ended):
 * `rememberSignedOut` notes who, and `nextFor` sends only that user back to it — someone else
 * logging in next on the same tab starts at their own home, not on the previous user's form.
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

/** Who was signed out in this tab (sessionStorage: the tab's, like the address it came back to). */
const OWNER_KEY = 'jixiao.nextOwner';

/** Storage as the browser gives it; tests pass a Map-like stand-in. */
export interface OwnerStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

function tabStore(): OwnerStore | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    return null; // storage refused (private mode): nobody is remembered, so nobody is sent back
  }
}

/** The session of `username` ended in this tab: the address it was on is theirs. */
export function rememberSignedOut(username: string, store: OwnerStore | null = tabStore()): void {
  try {
    store?.setItem(OWNER_KEY, username);
  } catch {
    // a full or refused storage: nothing remembered
  }
}

/**
 * Where `username`, just logged in, goes: back to `next` when it was theirs (or nobody was signed
 * out here: a link opened before logging in), else their home. Pure: the login page asks at each
 * render; the note is dropped once a user is in (`forgetSignedOut`, from RequireLogin).
 */
export function nextFor(next: string | null | undefined, username: string, store: OwnerStore | null = tabStore()): string {
  let owner: string | null = null;
  try {
    owner = store?.getItem(OWNER_KEY) ?? null;
  } catch {
    owner = null;
  }
  if (owner !== null && owner !== username) return DEFAULT_LANDING;
  return safeNext(next);
}

/** A user is in: whoever was signed out before is no longer a reason to ignore an address. */
export function forgetSignedOut(store: OwnerStore | null = tabStore()): void {
  try {
    store?.removeItem(OWNER_KEY);
  } catch {
    // nothing to forget
  }
}
