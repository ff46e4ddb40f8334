/** Putting a write's answer (or an optimistic guess) into the shared cache. */
import type { QueryClient, QueryKey } from '@tanstack/react-query';

/**
 * Applies `update` to the cached answer of `queryKey`, if there is one. A refresh still in
 * flight would land after this write and put the old answer back (a checkbox clicked while
 * the page refreshed its settings sprang back), so it is cancelled first: cancelling reverts
 * the query synchronously to its state before that refresh, and the update applies on top.
 */
export function writeQueryData<T>(
  queryClient: QueryClient,
  queryKey: QueryKey,
  update: (previous: T) => T,
): void {
  void queryClient.cancelQueries({ queryKey, exact: true });
  queryClient.setQueryData<T>(queryKey, (previous) =>
    previous === undefined ? previous : update(previous),
  );
}
