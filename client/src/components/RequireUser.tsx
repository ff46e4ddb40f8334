/**
 * Guards signed-in pages: sends visitors to /setup while the database is empty, to /login
 * when nobody is signed in, and shows a retry screen when the server cannot be reached.
 */
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useSession } from '../session/SessionContext';
import { sessionPending } from './SessionPending';

/** Renders `children` only for a signed-in user. */
export function RequireUser({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  const pending = sessionPending(session, 4);
  if (pending) return pending;
  if (session.needsSetup) return <Navigate to="/setup" replace />;
  if (!session.user) {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/login?next=${next}`} replace />;
  }
  return <>{children}</>;
}
