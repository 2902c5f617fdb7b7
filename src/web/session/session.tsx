/**
 * Who is logged in, from GET /api/me at start and POST /api/login; the CSRF token goes to the
 * client. A password change begins a new session (a new cookie and token), which `changePassword`
 * takes over, so the user stays logged in. What was read for one user is dropped when another
 * logs in and at logout, and the address they were on is theirs alone (next-path.ts). A session that ends under the user (a 401: idle, 12 hours, the password
 * changed elsewhere) is `expired` until the next login, for the login page to say so.
 */
import { useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { ApiError, client, setCsrfToken, setPasswordChangeHandler, setUnauthenticatedHandler, unwrap } from '../api/client.ts';
import { retryPolicy } from '../api/middleware.ts';
import { NO_RETRY } from '../api/retry.ts';
import { rememberSignedOut } from './next-path.ts';
import type { SessionAnswer, User } from '../api/types.ts';
import { leaveGuards } from '../pages/editor/use-leave-guard.ts';
import { adoptTemplates } from '../form/templates.ts';

/**
 * issue 15: the templates the server added as data, before the signed-in pages show a form. A failure
 * leaves the built-in ones (their forms still show); the pages say a template is unknown as before.
 */
async function loadAddedTemplates(): Promise<void> {
  try {
    adoptTemplates((await unwrap(client.GET('/api/templates'))).items);
  } catch (error) {
    console.warn(error);
  }
}

interface Session {
  user: User | null;
  /** False until /api/me has answered, so pages do not flash the login form. */
  ready: boolean;
  /** The session ended under the user (a 401), not by logging out: until the next login. */
  expired: boolean;
  login: (username: string, password: string) => Promise<User>;
  /** Saves what an open editor has pending first (use-leave-guard.ts); false when the save failed and the user chose to stay. */
  logout: () => Promise<boolean>;
  /** POST /api/me/password; the new session's user and token replace the old ones. */
  changePassword: (currentPassword: string, newPassword: string) => Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null>(null);
  const [ready, setReady] = useState(false);
  const [expired, setExpired] = useState(false);
  // Whether someone is logged in now (a 401 after logging out, from a save sent as the editor closed, ends nothing).
  const loggedIn = useRef(false);
  const queries = useQueryClient();
  const adopt = useCallback((answer: SessionAnswer) => {
    setCsrfToken(answer.csrfToken);
    loggedIn.current = true;
    setExpired(false);
    setUser(answer.user);
  }, []);
  // Who is logged in, for the handlers below: the address a session ends on is theirs (next-path.ts).
  const current = useRef<User | null>(null);
  current.current = user;
  useEffect(() => {
    setUnauthenticatedHandler(() => {
      if (loggedIn.current && current.current) rememberSignedOut(current.current.username);
      if (loggedIn.current) setExpired(true);
      loggedIn.current = false;
      setUser(null);
    });
    setPasswordChangeHandler(() => setUser((u) => (u && !u.mustChangePassword ? { ...u, mustChangePassword: true } : u)));
    unwrap(client.GET('/api/me'))
      .then(async (answer) => {
        await loadAddedTemplates();
        adopt(answer);
      })
      .catch((e: unknown) => {
        if (!(e instanceof ApiError)) console.warn(e);
      })
      .finally(() => setReady(true));
  }, [adopt]);
  const login = useCallback(
    async (username: string, password: string) => {
      // A refused login (429 TOO_MANY_ATTEMPTS) is shown with its wait, never sent again by itself.
      const answer = await unwrap(client.POST('/api/login', { body: { username, password }, middleware: [retryPolicy(NO_RETRY)] }));
      queries.clear();
      await loadAddedTemplates();
      adopt(answer);
      return answer.user;
    },
    [adopt, queries],
  );
  const logout = useCallback(async () => {
    if (!(await leaveGuards.mayLeave())) return false;
    if (current.current) rememberSignedOut(current.current.username);
    await unwrap(client.POST('/api/logout')).catch(() => undefined);
    setCsrfToken(null);
    loggedIn.current = false;
    setExpired(false);
    setUser(null);
    queries.clear();
    return true;
  }, [queries]);
  const changePassword = useCallback(
    async (currentPassword: string, newPassword: string) =>
      adopt(await unwrap(client.POST('/api/me/password', { body: { currentPassword, newPassword }, middleware: [retryPolicy(NO_RETRY)] }))),
    [adopt],
  );
  const value = useMemo(() => ({ user, ready, expired, login, logout, changePassword }), [user, ready, expired, login, logout, changePassword]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}
