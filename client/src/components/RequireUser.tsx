/**
 * Guards signed-in pages: sends visitors to /setup while the database is empty, to /login
 * when nobody is signed in, and shows a retry screen when the server cannot be reached.
 */
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useSession } from '../session/SessionContext';
import { PendingPage } from './PendingPage';

/** Renders `children` only for a signed-in user. */
export function RequireUser({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (session.status !== 'ready') return <PendingPage state={session} skeletonLines={4} />;
  if (session.needsSetup) return <Navigate to="/setup" replace />;
  if (!session.user) {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/login?next=${next}`} replace />;
  }
  return <>{children}</>;
}
