/**
 * Data hooks of comment threads: the document's threads (refreshed live by `thread:*` and
 * `comment:created`, see query/LiveQueryUpdates) and the writes, each refreshing the list.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { api } from '../api/client';
import { queryKeys } from '../query/queryKeys';
import { useApiQuery } from '../query/useApiQuery';

/** The threads of one document, in document order. */
export function useThreads(documentId: string) {
  return useApiQuery({
    queryKey: queryKeys.threads(documentId),
    load: () => api.threads.list(documentId),
  });
}

/** The people a comment may @-mention; not asked for by those who cannot comment (403). */
export function useMentionable(documentId: string, enabled: boolean) {
  return useApiQuery({
    queryKey: queryKeys.mentionable(documentId),
    load: () => api.threads.mentionable(documentId),
    enabled,
  });
}

/** The thread writes; each refreshes the document's thread list when it succeeds. */
export function useThreadActions(documentId: string) {
  const queryClient = useQueryClient();
  const refresh = useCallback(
    () => queryClient.invalidateQueries({ queryKey: queryKeys.threads(documentId) }),
    [queryClient, documentId],
  );
  return useMemo(() => {
    const thenRefresh =
      <A extends unknown[], R>(call: (...args: A) => Promise<R>) =>
      async (...args: A): Promise<R> => {
        const result = await call(...args);
        await refresh();
        return result;
      };
    return {
      create: thenRefresh(api.threads.create),
      reply: thenRefresh(api.threads.reply),
      update: thenRefresh(api.threads.update),
      editComment: thenRefresh(api.threads.editComment),
      deleteComment: thenRefresh(api.threads.deleteComment),
    };
  }, [refresh]);
}
