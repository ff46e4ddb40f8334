/**
 * What a page shows while the session is still loading or failed to load: the same skeleton
 * and retry screen on the route guard and on the sign-in, setup and register pages.
 */
import type { ReactNode } from 'react';
import type { Session } from '../session/SessionContext';
import { ErrorScreen } from './ErrorScreen';
import { Skeleton } from './Feedback';
import { Layout } from './Layout';

/** The placeholder for a session that is not ready yet, or null once it is. */
export function sessionPending(session: Session, skeletonLines?: number): ReactNode | null {
  if (session.status === 'loading') {
    return (
      <Layout>
        <Skeleton lines={skeletonLines} />
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
  return null;
}
