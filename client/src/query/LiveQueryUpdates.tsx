/**
 * Keeps the cache in step with other people's changes: a `document:updated` from Socket.IO
 * (sent to the rooms this page joined: `doc:<id>` on the editor, `workspace:<id>` on the
 * workspace page and dashboard) puts the new title and status on every open page at once and
 * refreshes the lists that show the document. Presence stays in realtime/usePresence.
 * When the signed-in person changes, the cache is emptied: one person's answers are never
 * shown to the next. Comment-thread events refresh that document's thread list, and
 * `version:created` its history; `review:state` updates the document's review sessions.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { DocumentDto } from '../../../shared/api/entities';
import type { ReviewSessionDto } from '../../../shared/api/reviewSessions';
import { useRealtimeSocket } from '../realtime/RealtimeContext';
import { useSession } from '../session/SessionContext';
import { storeDocument } from './documentCache';
import { queryKeys } from './queryKeys';

/** `sessions` with `incoming` in place of its older copy (or added); abilities kept. */
export function mergeSession(
  sessions: readonly ReviewSessionDto[],
  incoming: ReviewSessionDto,
): ReviewSessionDto[] {
  const index = sessions.findIndex((session) => session.id === incoming.id);
  if (index < 0) return [...sessions, incoming];
  const cached = sessions[index];
  if (!cached || cached.version > incoming.version) return [...sessions];
  const merged = cached.abilities ? { ...incoming, abilities: cached.abilities } : incoming;
  return sessions.map((session, at) => (at === index ? merged : session));
}

/** Mounted once inside the query and realtime providers; renders nothing. */
export function LiveQueryUpdates(): null {
  const socket = useRealtimeSocket();
  const queryClient = useQueryClient();
  const userId = useSession().user?.id ?? null;
  useEffect(() => () => queryClient.removeQueries(), [userId, queryClient]);
  useEffect(() => {
    if (!socket) return;
    const onDocumentUpdated = ({ document }: { document: DocumentDto }) => {
      storeDocument(queryClient, document, 'broadcast');
      // A status change adds to the history and may close or open a review.
      void queryClient.invalidateQueries({ queryKey: queryKeys.statusHistory(document.id) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.reviewRequests(document.id) });
    };
    // The session at once from the broadcast (newest version wins, the caller's abilities
    // kept), then a refetch for abilities that the new state changes.
    const onReviewState = ({ session }: { session: ReviewSessionDto }) => {
      queryClient.setQueryData<{ sessions: ReviewSessionDto[] }>(
        queryKeys.reviewSessions(session.documentId),
        (cached) => (cached ? { sessions: mergeSession(cached.sessions, session) } : cached),
      );
      void queryClient.invalidateQueries({
        queryKey: queryKeys.reviewSessions(session.documentId),
      });
      void queryClient.invalidateQueries({ queryKey: queryKeys.upcomingSessions() });
    };
    // Threads arrive without the caller's abilities: refetch the document's list.
    const onThreadChange = ({ thread }: { thread: { documentId: string } }) =>
      void queryClient.invalidateQueries({ queryKey: queryKeys.threads(thread.documentId) });
    const onVersionCreated = ({ documentId }: { documentId: string }) =>
      void queryClient.invalidateQueries({ queryKey: queryKeys.versions(documentId) });
    const onSuggestionChange = () =>
      void queryClient.invalidateQueries({ queryKey: queryKeys.suggestionLists() });
    const onReply = () => void queryClient.invalidateQueries({ queryKey: queryKeys.threadLists() });
    const onNotification = () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.notifications() });
      // Asked to review, or invited to a session: the dashboard's lists change.
      void queryClient.invalidateQueries({ queryKey: queryKeys.awaitingReview() });
      void queryClient.invalidateQueries({ queryKey: queryKeys.upcomingSessions() });
    };
    socket.on('document:updated', onDocumentUpdated);
    socket.on('notification:created', onNotification);
    socket.on('thread:created', onThreadChange);
    socket.on('thread:updated', onThreadChange);
    socket.on('comment:created', onReply);
    socket.on('version:created', onVersionCreated);
    socket.on('review:state', onReviewState);
    socket.on('suggestion:created', onSuggestionChange);
    socket.on('suggestion:updated', onSuggestionChange);
    return () => {
      socket.off('review:state', onReviewState);
      socket.off('document:updated', onDocumentUpdated);
      socket.off('notification:created', onNotification);
      socket.off('thread:created', onThreadChange);
      socket.off('thread:updated', onThreadChange);
      socket.off('comment:created', onReply);
      socket.off('version:created', onVersionCreated);
      socket.off('suggestion:created', onSuggestionChange);
      socket.off('suggestion:updated', onSuggestionChange);
    };
  }, [socket, queryClient]);
  return null;
}
