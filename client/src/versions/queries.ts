/**
 * Data hooks of a document's named versions: the list, one version's text, a comparison, and
 * the writes (save, restore) that make the list stale.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api } from '../api/client';
import { queryKeys } from '../query/queryKeys';
import { useApiQuery } from '../query/useApiQuery';

/** The document's versions, newest first. */
export function useVersions(documentId: string) {
  return useApiQuery({
    queryKey: queryKeys.versions(documentId),
    load: () => api.versions.list(documentId),
  });
}

/** One version's plain text (the read-only view). */
export function useVersionText(versionId: string) {
  return useApiQuery({
    queryKey: queryKeys.versionText(versionId),
    load: () => api.versions.get(versionId),
  });
}

/**
 * What changed from `versionId` to `compareWith` (another version's id, or `current`). The
 * comparison with the current text is refetched whenever the view opens again.
 */
export function useVersionCompare(versionId: string, compareWith: string) {
  return useApiQuery({
    queryKey: queryKeys.versionCompare(versionId, compareWith),
    load: () => api.versions.compare({ versionId, compareWith }),
  });
}

/** Marks the version list stale (after a save, a restore, or a status change). */
export function useRefreshVersions(documentId: string): () => void {
  const queryClient = useQueryClient();
  return useCallback(() => {
    void queryClient.invalidateQueries({ queryKey: queryKeys.versions(documentId) });
    void queryClient.invalidateQueries({ queryKey: ['versions'] });
  }, [queryClient, documentId]);
}
