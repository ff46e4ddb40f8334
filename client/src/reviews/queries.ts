/**
 * Data hooks of the review features: a document's sessions, requests and status history, and
 * the dashboard's "Upcoming sessions" and "Awaiting my review". `review:state` and
 * notifications keep them current (`query/LiveQueryUpdates.tsx`).
 */
import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api } from '../api/client';
import { queryKeys } from '../query/queryKeys';
import { useApiQuery } from '../query/useApiQuery';

/** Every review session of the document, earliest first. */
export function useReviewSessions(documentId: string) {
  return useApiQuery({
    queryKey: queryKeys.reviewSessions(documentId),
    load: () => api.reviewSessions.ofDocument(documentId),
  });
}

/** The caller's scheduled and live sessions across workspaces. */
export function useUpcomingSessions() {
  return useApiQuery({
    queryKey: queryKeys.upcomingSessions(),
    load: () => api.reviewSessions.upcoming(),
  });
}

/** The document's review requests (who was asked, their answers). */
export function useReviewRequests(documentId: string) {
  return useApiQuery({
    queryKey: queryKeys.reviewRequests(documentId),
    load: () => api.reviewRequests.ofDocument(documentId),
  });
}

/** The document's status changes, newest first. */
export function useStatusHistory(documentId: string) {
  return useApiQuery({
    queryKey: queryKeys.statusHistory(documentId),
    load: () => api.reviewRequests.history(documentId),
  });
}

/** "Awaiting my review". */
export function useAwaitingReview() {
  return useApiQuery({
    queryKey: queryKeys.awaitingReview(),
    load: () => api.reviewRequests.awaiting(),
  });
}

/** Marks the document's review data stale after one of the caller's own writes. */
export function useRefreshReviews(documentId: string): () => void {
  const queryClient = useQueryClient();
  return useCallback(() => {
    for (const queryKey of [
      queryKeys.reviewSessions(documentId),
      queryKeys.reviewRequests(documentId),
      queryKeys.statusHistory(documentId),
      queryKeys.upcomingSessions(),
      queryKeys.awaitingReview(),
    ]) {
      void queryClient.invalidateQueries({ queryKey });
    }
  }, [queryClient, documentId]);
}
