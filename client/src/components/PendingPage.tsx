/**
 * The whole-page placeholder while a page's own data (or the session) is loading, or after
 * it failed: the same skeleton and retry screen on every page instead of one copy each.
 */
import { ErrorScreen } from './ErrorScreen';
import { Skeleton } from './Feedback';
import { Layout } from './Layout';

/** What `PendingPage` needs of a loaded resource or of the session. */
export interface PendingState {
  status: 'loading' | 'error' | 'ready';
  error: unknown;
  reload: () => void;
}

/**
 * A skeleton while `state` loads and a retry screen when it failed; pages render it for any
 * status but 'ready', which also narrows their own state for the code after it.
 */
export function PendingPage({
  state,
  skeletonLines,
  isWide,
}: {
  state: PendingState;
  skeletonLines?: number;
  isWide?: boolean;
}) {
  return (
    <Layout isWide={isWide}>
      {state.status === 'error' ? (
        <ErrorScreen error={state.error} onRetry={state.reload} />
      ) : (
        <Skeleton lines={skeletonLines} />
      )}
    </Layout>
  );
}
