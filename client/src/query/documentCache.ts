/**
 * Putting a changed document into the shared cache, whether the change is the caller's own
 * write or another person's (a `document:updated` broadcast): the open page shows it at once,
 * and the lists that may show it are refreshed.
 */
import type { QueryClient } from '@tanstack/react-query';
import type { DocumentDto } from '../../../shared/api/entities';
import { queryKeys } from './queryKeys';

/**
 * Whether `candidate` is a later state of the document than `known`: by `version` when both
 * have one (a late broadcast must not undo a newer answer), else by `updatedAt`.
 */
export function isNewerDocument(candidate: DocumentDto, known: DocumentDto): boolean {
  if (typeof candidate.version === 'number' && typeof known.version === 'number') {
    return candidate.version > known.version;
  }
  return candidate.updatedAt > known.updatedAt;
}

/**
 * The facts a broadcast may change. Everything else of the cached copy stays, above all what
 * the caller may do, which a broadcast cannot know (it is read again instead).
 */
function broadcastFacts(document: DocumentDto): Partial<DocumentDto> {
  const { title, kind, status, cityId, policyAreas, stakeholders, updatedAt, deletedAt, version } =
    document;
  return { title, kind, status, cityId, policyAreas, stakeholders, updatedAt, deletedAt, version };
}

/**
 * Stores `document` as the cached copy (unless the cache already holds a later one) and marks
 * stale the lists that show it. `source: 'answer'` is the caller's own write (a complete
 * answer for the caller); `'broadcast'` is another person's change, of which only the facts
 * are taken before the document is read again.
 */
export function storeDocument(
  queryClient: QueryClient,
  document: DocumentDto,
  source: 'answer' | 'broadcast',
): void {
  const key = queryKeys.document(document.id);
  queryClient.setQueryData<{ document: DocumentDto }>(key, (cached) => {
    if (source === 'answer')
      return cached && isNewerDocument(cached.document, document) ? cached : { document };
    if (!cached || !isNewerDocument(document, cached.document)) return cached;
    return { document: { ...cached.document, ...broadcastFacts(document) } };
  });
  if (source === 'broadcast') void queryClient.invalidateQueries({ queryKey: key });
  markDocumentListsStale(queryClient, document);
}

/** Marks stale every list that may show `document` (after it was created, changed or trashed). */
export function markDocumentListsStale(
  queryClient: QueryClient,
  document: { workspaceId: string },
): void {
  void queryClient.invalidateQueries({
    queryKey: queryKeys.workspaceDocumentLists(document.workspaceId),
  });
  void queryClient.invalidateQueries({ queryKey: queryKeys.recentDocuments() });
}
