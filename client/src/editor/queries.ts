/**
 * Data hooks of a document: reading it (the editor page, and a title wherever a document is
 * named) and writing its details or status, with the answer put into the shared cache.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { DocumentDto } from '../../../shared/api/entities';
import { api } from '../api/client';
import { markDocumentListsStale, storeDocument } from '../query/documentCache';
import { queryKeys } from '../query/queryKeys';
import { useApiQuery } from '../query/useApiQuery';

/** One document; refreshed live by `document:updated` (see query/LiveQueryUpdates). */
export function useDocument(documentId: string) {
  return useApiQuery({
    queryKey: queryKeys.document(documentId),
    load: () => api.documents.get(documentId),
  });
}

/** The document's kept original file (an import's upload), or null when none was kept. */
export function useOriginalFile(documentId: string) {
  return useApiQuery({
    queryKey: queryKeys.originalFile(documentId),
    load: () => api.documents.originalInfo(documentId),
  });
}

/** Puts the answer of one of the caller's own writes into the cache. */
export function useStoreDocument(): (document: DocumentDto) => void {
  const queryClient = useQueryClient();
  return useCallback(
    (document: DocumentDto) => storeDocument(queryClient, document, 'answer'),
    [queryClient],
  );
}

/** Marks a document and its workspace stale (e.g. after the caller's access changed). */
export function useRefreshDocumentAccess(): (ids: {
  documentId: string;
  workspaceId: string;
}) => void {
  const queryClient = useQueryClient();
  return useCallback(
    ({ documentId, workspaceId }: { documentId: string; workspaceId: string }) => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.document(documentId) });
      if (workspaceId) {
        void queryClient.invalidateQueries({ queryKey: queryKeys.workspace(workspaceId) });
      }
    },
    [queryClient],
  );
}

/** Marks the lists showing a document stale after it was created or moved to the trash. */
export function useMarkDocumentListsStale(): (document: { workspaceId: string }) => void {
  const queryClient = useQueryClient();
  return useCallback(
    (document: { workspaceId: string }) => markDocumentListsStale(queryClient, document),
    [queryClient],
  );
}
