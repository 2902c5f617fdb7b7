import { Spin } from 'antd';
import { useEffect, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import type { Role } from '../api/types.ts';
import { forgetSignedOut } from './next-path.ts';
import { useSession } from './session.tsx';

/** The page where a user with a one-time password must choose their own; nothing else opens until then. */
export const PASSWORD_PAGE = '/password';

/**
 * Pages behind the login: without a session, go to /login and come back after; with a one-time
 * password, to the password page (the server refuses everything else anyway). `roles` keeps a
 * page to the roles it is for: the others are sent to the list, as the menu never offers it to them.
 */
export function RequireLogin({ children, roles }: { children: ReactNode; roles?: readonly Role[] }) {
  const { user, ready } = useSession();
  const location = useLocation();
  // Landed: the note of who was signed out before (next-path.ts) has done its work.
  useEffect(() => {
    if (user) forgetSignedOut();
  }, [user]);
  if (!ready) return <Spin style={{ margin: 64 }} />;
  if (!user) return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  if (user.mustChangePassword && location.pathname !== PASSWORD_PAGE) return <Navigate to={PASSWORD_PAGE} replace />;
  if (roles && !roles.includes(user.role)) return <Navigate to="/evaluations" replace />;
  return children;
}
