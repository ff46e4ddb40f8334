/**
 * Presence hooks over the shared socket: which people have which documents open, per
 * workspace (dashboard, workspace page), and announcing "I have this document open" (editor).
 * Subscriptions are re-sent after every reconnect, because the server forgets them.
 */
import { useEffect, useState } from 'react';
import type { PresenceUser } from '../../../shared/realtime/events';
import { useRealtimeSocket } from './RealtimeContext';

/** workspaceId → documentId → people with it open. */
export type PresenceByWorkspace = Record<string, Record<string, PresenceUser[]>>;

/** Live presence of every document in the given workspaces. */
export function useWorkspacesPresence(workspaceIds: readonly string[]): PresenceByWorkspace {
  const socket = useRealtimeSocket();
  const [presence, setPresence] = useState<PresenceByWorkspace>({});
  const idsKey = [...workspaceIds].sort().join(',');

  useEffect(() => {
    if (!socket || !idsKey) return;
    const ids = idsKey.split(',');
    const wanted = new Set(ids);
    const subscribe = () => {
      for (const workspaceId of ids) socket.emit('workspace:subscribe', { workspaceId }, () => {});
    };
    const onSnapshot = (snapshot: {
      workspaceId: string;
      documents: Record<string, PresenceUser[]>;
    }) => {
      if (!wanted.has(snapshot.workspaceId)) return;
      setPresence((previous) => ({ ...previous, [snapshot.workspaceId]: snapshot.documents }));
    };
    const onUpdate = (update: {
      workspaceId: string;
      documentId: string;
      users: PresenceUser[];
    }) => {
      if (!wanted.has(update.workspaceId)) return;
      setPresence((previous) => ({
        ...previous,
        [update.workspaceId]: {
          ...previous[update.workspaceId],
          [update.documentId]: update.users,
        },
      }));
    };
    socket.on('presence:snapshot', onSnapshot);
    socket.on('presence:update', onUpdate);
    socket.on('connect', subscribe);
    if (socket.connected) subscribe();
    return () => {
      socket.off('presence:snapshot', onSnapshot);
      socket.off('presence:update', onUpdate);
      socket.off('connect', subscribe);
      if (socket.connected) {
        for (const workspaceId of ids)
          socket.emit('workspace:unsubscribe', { workspaceId }, () => {});
      }
    };
  }, [socket, idsKey]);

  return presence;
}

/** Tells the server this page has `documentId` open, for as long as it is mounted. */
export function useAnnounceDocument(documentId: string): void {
  const socket = useRealtimeSocket();
  useEffect(() => {
    if (!socket) return;
    const open = () => socket.emit('presence:open', { documentId }, () => {});
    socket.on('connect', open);
    if (socket.connected) open();
    return () => {
      socket.off('connect', open);
      if (socket.connected) socket.emit('presence:close', { documentId }, () => {});
    };
  }, [socket, documentId]);
}
