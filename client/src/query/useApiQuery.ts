/**
 * The shape pages render from: a TanStack query seen as loading / error / ready, with
 * `reload` for "Try again" buttons and `setData` to put a write's answer into the shared cache.
 * Feature folders build their data hooks on it (`workspace/queries.ts`, …).
 */
import { keepPreviousData, useQuery, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useCallback } from 'react';
import { writeQueryData } from './writeQueryData';

/** One loaded resource, as pages and `PendingPage` read it. */
export type Loaded<T> = (
  | { status: 'loading'; data: undefined; error: undefined }
  | { status: 'error'; data: undefined; error: unknown }
  | { status: 'ready'; data: T; error: undefined }
) & {
  reload: () => void;
  setData: (update: (previous: T) => T) => void;
};

/**
 * Reads `queryKey` with `load`; `keepPrevious` keeps the last answer on screen while new inputs
 * load. Once something was shown, a failed background refresh keeps it (no error screen).
 */
export function useApiQuery<T>(options: {
  queryKey: QueryKey;
  load: () => Promise<T>;
  enabled?: boolean;
  keepPrevious?: boolean;
}): Loaded<T> {
  const { queryKey, load, enabled = true, keepPrevious = false } = options;
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey,
    queryFn: load,
    enabled,
    placeholderData: keepPrevious ? keepPreviousData : undefined,
  });
  const { refetch } = query;
  const keyText = JSON.stringify(queryKey);
  const reload = useCallback(() => void refetch(), [refetch]);
  const setData = useCallback(
    (update: (previous: T) => T) =>
      writeQueryData(queryClient, JSON.parse(keyText) as QueryKey, update),
    [queryClient, keyText],
  );
  if (query.status === 'error' && query.data === undefined) {
    return { status: 'error', data: undefined, error: query.error, reload, setData };
  }
  if (query.data === undefined) {
    return { status: 'loading', data: undefined, error: undefined, reload, setData };
  }
  return { status: 'ready', data: query.data, error: undefined, reload, setData };
}
