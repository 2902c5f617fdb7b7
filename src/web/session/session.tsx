/**
 * Who is logged in, from GET /api/me at start and POST /api/login; the CSRF token goes to the
 * client. A password change begins a new session (a new cookie and token), which `changePassword`
 * takes over, so the user stays logged in.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, ApiError, setCsrfToken, setPasswordChangeHandler, setUnauthenticatedHandler } from '../api/client.ts';
import type { SessionAnswer, User } from '../api/types.ts';

interface Session {
  user: User | null;
  /** False until /api/me has answered, so pages do not flash the login form. */
  ready: boolean;
  login: (username: string, password: string) => Promise<User>;
  logout: () => Promise<void>;
  /** POST /api/me/password; the new session's user and token replace the old ones. */
  changePassword: (currentPassword: string, newPassword: string) => Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null>(null);
  const [ready, setReady] = useState(false);
  const adopt = useCallback((answer: SessionAnswer) => {
    setCsrfToken(answer.csrfToken);
    setUser(answer.user);
  }, []);
  useEffect(() => {
    setUnauthenticatedHandler(() => setUser(null));
    setPasswordChangeHandler(() => setUser((u) => (u && !u.mustChangePassword ? { ...u, mustChangePassword: true } : u)));
    api
      .get<SessionAnswer>('/api/me')
      .then(adopt)
      .catch((e: unknown) => {
        if (!(e instanceof ApiError)) console.warn(e);
      })
      .finally(() => setReady(true));
  }, [adopt]);
  const login = useCallback(
    async (username: string, password: string) => {
      const answer = await api.post<SessionAnswer>('/api/login', { username, password });
      adopt(answer);
      return answer.user;
    },
    [adopt],
  );
  const logout = useCallback(async () => {
    await api.post('/api/logout').catch(() => undefined);
    setCsrfToken(null);
    setUser(null);
  }, []);
  const changePassword = useCallback(
    async (currentPassword: string, newPassword: string) => adopt(await api.post<SessionAnswer>('/api/me/password', { currentPassword, newPassword })),
    [adopt],
  );
  const value = useMemo(() => ({ user, ready, login, logout, changePassword }), [user, ready, login, logout, changePassword]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}
