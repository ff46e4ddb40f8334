/** Data hooks of the dashboard: the caller's workspaces, recent and shared documents. */
import { api } from '../api/client';
import { queryKeys } from '../query/queryKeys';
import { useApiQuery } from '../query/useApiQuery';

/** The caller's workspaces. */
export function useWorkspaces() {
  return useApiQuery({ queryKey: queryKeys.workspaces(), load: () => api.workspaces.list() });
}

/** Up to `limit` documents shared with the caller directly, newest change first. */
export function useSharedWithMe(limit: number) {
  return useApiQuery({
    queryKey: queryKeys.sharedWithMe(limit),
    load: () => api.documents.sharedWithMe(limit),
  });
}

/** Up to `limit` recently changed documents. */
export function useRecentDocuments(limit: number) {
  return useApiQuery({
    queryKey: queryKeys.recentDocumentsUpTo(limit),
    load: () => api.documents.recent(limit),
  });
}
