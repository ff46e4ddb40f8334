/**
 * Keeps the cache in step with other people's changes: a `document:updated` from Socket.IO
 * (sent to the rooms this page joined: `doc:<id>` on the editor, `workspace:<id>` on the
 * workspace page and dashboard) puts the new title and status on every open page at once and
 * refreshes the lists that show the document. Presence stays in realtime/usePresence.
 * When the signed-in person changes, the cache is emptied: one person's answers are never
 * shown to the next.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { DocumentDto } from '../../../shared/api/entities';
import { useRealtimeSocket } from '../realtime/RealtimeContext';
import { useSession } from '../session/SessionContext';
import { storeDocument } from './documentCache';

/** Mounted once inside the query and realtime providers; renders nothing. */
export function LiveQueryUpdates(): null {
  const socket = useRealtimeSocket();
  const queryClient = useQueryClient();
  const userId = useSession().user?.id ?? null;
  useEffect(() => () => queryClient.removeQueries(), [userId, queryClient]);
  useEffect(() => {
    if (!socket) return;
    const onDocumentUpdated = ({ document }: { document: DocumentDto }) =>
      storeDocument(queryClient, document, 'broadcast');
    socket.on('document:updated', onDocumentUpdated);
    return () => {
      socket.off('document:updated', onDocumentUpdated);
    };
  }, [socket, queryClient]);
  return null;
}
