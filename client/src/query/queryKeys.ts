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
  /** The workspace's trash: under the document lists, so trashing a document refreshes it. */
  workspaceTrash: (workspaceId: string) =>
    ['workspaces', workspaceId, 'documents', 'trash'] as const,
  members: (workspaceId: string) => ['workspaces', workspaceId, 'members'] as const,
  /** Prefix of the recent-documents lists (any limit). */
  recentDocuments: () => ['documents', 'recent'] as const,
  recentDocumentsUpTo: (limit: number) => ['documents', 'recent', limit] as const,
  /** The documents shared with the caller (dashboard). */
  sharedWithMe: (limit: number) => ['documents', 'shared', limit] as const,
  document: (documentId: string) => ['documents', 'one', documentId] as const,
  /** Who may use a document and how (the share dialog, owners). */
  documentAccess: (documentId: string) => ['documents', 'one', documentId, 'access'] as const,
  /** A workspace's pending invitations (owners). */
  workspaceInvitations: (workspaceId: string) =>
    ['workspaces', workspaceId, 'invitations'] as const,
  versions: (documentId: string) => ['documents', 'one', documentId, 'versions'] as const,
  /** The file the document was imported from, if it was kept. */
  originalFile: (documentId: string) => ['documents', 'one', documentId, 'original'] as const,
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
  /** Prefix of every document's review-session list. */
  reviewSessionLists: () => ['documents', 'reviewSessions'] as const,
  /** The review sessions of one document (kept current by `review:state`). */
  reviewSessions: (documentId: string) => ['documents', 'reviewSessions', documentId] as const,
  /** The caller's scheduled and live sessions (dashboard). */
  upcomingSessions: () => ['reviewSessions', 'upcoming'] as const,
  /** A document's review requests and status history. */
  reviewRequests: (documentId: string) => ['documents', 'reviewRequests', documentId] as const,
  /** Who may be asked to review the document (members and direct shares). */
  reviewCandidates: (documentId: string) => ['documents', 'reviewCandidates', documentId] as const,
  statusHistory: (documentId: string) => ['documents', 'statusHistory', documentId] as const,
  /** "Awaiting my review" (dashboard). */
  awaitingReview: () => ['reviewRequests', 'awaiting'] as const,
  organizations: () => ['organizations'] as const,
  settings: () => ['admin', 'settings'] as const,
  invitations: () => ['admin', 'invitations'] as const,
  invitationPreview: (token: string) => ['invitations', token] as const,
};
