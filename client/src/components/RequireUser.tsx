/**
 * Guards signed-in pages: sends visitors to /setup while the database is empty, to /login
 * when nobody is signed in, and shows a retry screen when the server cannot be reached.
 */
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useSession } from '../session/SessionContext';
import { ErrorScreen } from './ErrorScreen';
import { Skeleton } from './Feedback';
import { Layout } from './Layout';

/** Renders `children` only for a signed-in user. */
export function RequireUser({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (session.status === 'loading') {
    return (
      <Layout>
        <Skeleton lines={4} />
      </Layout>
    );
  }
  if (session.status === 'error') {
    return (
      <Layout>
        <ErrorScreen error={session.error} onRetry={session.reload} />
      </Layout>
    );
  }
  if (session.needsSetup) return <Navigate to="/setup" replace />;
  if (!session.user) {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/login?next=${next}`} replace />;
  }
  return <>{children}</>;
}
