/** Data hooks of the workspace page: the workspace, its filtered document list, its members. */
import { api, type DocumentFilters } from '../api/client';
import { queryKeys } from '../query/queryKeys';
import { useApiQuery } from '../query/useApiQuery';

/** One workspace with the caller's role (shared with the editor page through the cache). */
export function useWorkspace(workspaceId: string, options: { enabled?: boolean } = {}) {
  return useApiQuery({
    queryKey: queryKeys.workspace(workspaceId),
    load: () => api.workspaces.get(workspaceId),
    enabled: options.enabled,
  });
}

/** The documents matching `filters`; the previous list stays on screen while new filters load. */
export function useWorkspaceDocuments(workspaceId: string, filters: DocumentFilters) {
  return useApiQuery({
    queryKey: queryKeys.workspaceDocuments(workspaceId, filters),
    load: () => api.workspaces.documents({ workspaceId, filters }),
    keepPrevious: true,
  });
}

/** The pending invitations of a workspace (owners' panel). */
export function useWorkspaceInvitations(workspaceId: string) {
  return useApiQuery({
    queryKey: queryKeys.workspaceInvitations(workspaceId),
    load: () => api.workspaces.invitations(workspaceId),
  });
}

/** The members of a workspace (owners' panel). */
export function useMembers(workspaceId: string) {
  return useApiQuery({
    queryKey: queryKeys.members(workspaceId),
    load: () => api.workspaces.members(workspaceId),
  });
}

/** The workspace's trash (owners), refreshed when a document is trashed or restored. */
export function useWorkspaceTrash(workspaceId: string, options: { enabled?: boolean } = {}) {
  return useApiQuery({
    queryKey: queryKeys.workspaceTrash(workspaceId),
    load: () => api.workspaces.trash(workspaceId),
    enabled: options.enabled,
  });
}
