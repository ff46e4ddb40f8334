/**
 * Reads the open page's queries again once the service worker is in charge, so their answers
 * land in its API cache and this very page can be reloaded offline.
 */
import type { QueryClient, QueryKey } from '@tanstack/react-query';

/**
 * Refetches every active query through the worker. A query whose first read is still in
 * flight needs a second pass: that read left before the worker took the page, and
 * `refetchQueries` joins it instead of starting another (it only cancels reads of queries
 * that already have data), so without a second read its answer would never be cached.
 */
export async function readActiveQueriesAgain(queryClient: QueryClient): Promise<void> {
  const firstReadsInFlight: QueryKey[] = queryClient
    .getQueryCache()
    .findAll({ type: 'active', fetchStatus: 'fetching' })
    .filter((query) => query.state.data === undefined)
    .map((query) => query.queryKey);
  await queryClient.refetchQueries({ type: 'active' });
  await Promise.all(
    firstReadsInFlight.map((queryKey) =>
      queryClient.refetchQueries({ queryKey, exact: true, type: 'active' }),
    ),
  );
}
