/**
 * Every TanStack Query key of the client, in one place, so a Socket.IO event or a write can
 * name exactly what it makes stale. Keys are arrays that nest: invalidating
 * `workspace(id)` also refreshes that workspace's document lists and members.
 */
import type { DocumentFilters, SearchFilters } from '../api/client';

/** Filters as they go into a key: empty values dropped, so `{}` and `{kind: ''}` share a cache entry. */
function compactFilters(filters: DocumentFilters): Record<string, string> {
  const compact: Record<string, string> = {};
  for (const [name, value] of Object.entries(filters)) {
    if (typeof value === 'string' && value !== '') compact[name] = value;
  }
  return compact;
}

/** The query keys, grouped by resource. */
export const queryKeys = {
  workspaces: () => ['workspaces'] as const,
  workspace: (workspaceId: string) => ['workspaces', workspaceId] as const,
  /** Prefix of every document list of one workspace (any filters). */
  workspaceDocumentLists: (workspaceId: string) =>
    ['workspaces', workspaceId, 'documents'] as const,
  workspaceDocuments: (workspaceId: string, filters: DocumentFilters) =>
    ['workspaces', workspaceId, 'documents', compactFilters(filters)] as const,
  members: (workspaceId: string) => ['workspaces', workspaceId, 'members'] as const,
  /** Prefix of the recent-documents lists (any limit). */
  recentDocuments: () => ['documents', 'recent'] as const,
  recentDocumentsUpTo: (limit: number) => ['documents', 'recent', limit] as const,
  document: (documentId: string) => ['documents', 'one', documentId] as const,
  versions: (documentId: string) => ['documents', 'one', documentId, 'versions'] as const,
  versionText: (versionId: string) => ['versions', versionId] as const,
  versionCompare: (versionId: string, compareWith: string) =>
    ['versions', versionId, 'compare', compareWith] as const,
  search: (query: string, filters: SearchFilters = {}) =>
    ['search', query, compactFilters(filters)] as const,
  /** Prefix of every document's suggestion list (`suggestion:*` events carry no document id). */
  suggestionLists: () => ['documents', 'suggestions'] as const,
  /** The pending suggestions of one document. */
  suggestions: (documentId: string) => ['documents', 'suggestions', documentId] as const,
  /** Prefix of every document's thread list. */
  threadLists: () => ['documents', 'threads'] as const,
  /** The comment threads of one document (refreshed by `thread:*` and `comment:created`). */
  threads: (documentId: string) => ['documents', 'threads', documentId] as const,
  /** The people a comment on the document may @-mention. */
  mentionable: (documentId: string) => ['documents', 'mentionable', documentId] as const,
  /** The signed-in person's notifications and unread count. */
  notifications: () => ['notifications'] as const,
  organizations: () => ['organizations'] as const,
  settings: () => ['admin', 'settings'] as const,
  invitations: () => ['admin', 'invitations'] as const,
  invitationPreview: (token: string) => ['invitations', token] as const,
};
