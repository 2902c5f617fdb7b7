/** Who is logged in, from GET /api/me at start and POST /api/login; the CSRF token goes to the client. */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, ApiError, setCsrfToken, setUnauthenticatedHandler } from '../api/client.ts';
import type { User } from '../api/types.ts';

interface Session {
  user: User | null;
  /** False until /api/me has answered, so pages do not flash the login form. */
  ready: boolean;
  login: (username: string, password: string) => Promise<void>;
  logout: () => Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null>(null);
  const [ready, setReady] = useState(false);
  useEffect(() => {
    setUnauthenticatedHandler(() => setUser(null));
    api
      .get<{ user: User; csrfToken: string }>('/api/me')
      .then((me) => {
        setCsrfToken(me.csrfToken);
        setUser(me.user);
      })
      .catch((e: unknown) => {
        if (!(e instanceof ApiError)) console.warn(e);
      })
      .finally(() => setReady(true));
  }, []);
  const login = useCallback(async (username: string, password: string) => {
    const res = await api.post<{ csrfToken: string; user: User }>('/api/login', { username, password });
    setCsrfToken(res.csrfToken);
    setUser(res.user);
  }, []);
  const logout = useCallback(async () => {
    await api.post('/api/logout').catch(() => undefined);
    setCsrfToken(null);
    setUser(null);
  }, []);
  const value = useMemo(() => ({ user, ready, login, logout }), [user, ready, login, logout]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}
