/**
 * Presence over Socket.IO: `presence:open`/`presence:close` and `workspace:subscribe`.
 * Each handler is registered through the socket's shared request handling (`./requests`:
 * rate limit, validation, session re-check, one acknowledgement), checks read access fresh,
 * joins or leaves a room, updates the tracker and broadcasts what changed.
 */
import type { AckResult } from '../../shared/realtime/events';
import { documentRefSchema, workspaceRefSchema } from '../../shared/realtime/schemas';
import type { Storage } from '../storage/types';
import { checkDocumentRead, checkWorkspaceRead } from './access';
import type { RealtimeOptions } from './options';
import type { PresenceChange, PresenceTracker } from './presenceTracker';
import { refusal, type SocketRequests } from './requests';
import { documentRoom, workspaceRoom } from './rooms';
import type { RealtimeServer, RealtimeSocket } from './types';

export type { RealtimeServer, RealtimeSocket } from './types';

const OK: AckResult = { ok: true };

/** Sends the document's current list to everyone watching it or its workspace. */
export function broadcastPresence(input: {
  io: RealtimeServer;
  tracker: PresenceTracker;
  change: PresenceChange;
}): void {
  const { io, tracker, change } = input;
  io.to([workspaceRoom(change.workspaceId), documentRoom(change.documentId)]).emit(
    'presence:update',
    {
      workspaceId: change.workspaceId,
      documentId: change.documentId,
      users: tracker.usersOf({ documentId: change.documentId }),
    },
  );
}

/** Wires the presence events of one freshly authenticated socket. */
export function registerPresenceHandlers(input: {
  io: RealtimeServer;
  socket: RealtimeSocket;
  requests: SocketRequests;
  storage: Storage;
  tracker: PresenceTracker;
  options: Pick<RealtimeOptions, 'maxOpenDocumentsPerSocket'>;
  /** Called once the socket joined `doc:<id>` (sends it the current `doc:stored`). */
  onDocumentOpened?: (socket: RealtimeSocket, documentId: string) => Promise<void>;
}): void {
  const { io, socket, requests, storage, tracker, options } = input;
  const { user } = socket.data;

  /** The opener wants the current list even when nothing changed for others. */
  const sendListTo = (workspaceId: string, documentId: string): void => {
    socket.emit('presence:update', {
      workspaceId,
      documentId,
      users: tracker.usersOf({ documentId }),
    });
  };

  requests.on('presence:open', {
    schema: documentRefSchema,
    isGranting: true,
    // Already open on this socket (the access sweep removes it when access ends): nothing to do.
    answerFromMemory: ({ documentId }) => {
      const workspaceId = tracker.workspaceOf({ socketId: socket.id, documentId });
      if (workspaceId === null) return null;
      sendListTo(workspaceId, documentId);
      return OK;
    },
    run: async ({ documentId }) => {
      if (tracker.countForSocket({ socketId: socket.id }) >= options.maxOpenDocumentsPerSocket) {
        return refusal('rate_limited', 'Too many open documents on this connection.');
      }
      const access = await checkDocumentRead({ storage, user, documentId });
      if (!access.isAllowed) return refusal(access.code);
      // The socket may have gone while storage answered: joining now would leak an entry.
      if (socket.disconnected) return OK;
      await socket.join(documentRoom(documentId));
      const { workspaceId } = access.value;
      if (tracker.open({ socketId: socket.id, workspaceId, documentId, user })) {
        broadcastPresence({ io, tracker, change: { workspaceId, documentId } });
      } else {
        sendListTo(workspaceId, documentId);
      }
      await input.onDocumentOpened?.(socket, documentId);
      return OK;
    },
  });

  requests.on('presence:close', {
    schema: documentRefSchema,
    isGranting: false,
    run: async ({ documentId }) => {
      await socket.leave(documentRoom(documentId));
      const change = tracker.close({ socketId: socket.id, documentId });
      if (change) broadcastPresence({ io, tracker, change });
      return OK;
    },
  });

  const sendSnapshot = (workspaceId: string): void => {
    socket.emit('presence:snapshot', {
      workspaceId,
      documents: tracker.snapshotOf({ workspaceId }),
    });
  };

  requests.on('workspace:subscribe', {
    schema: workspaceRefSchema,
    isGranting: true,
    // Already subscribed (the access sweep unsubscribes when access ends): just the snapshot.
    answerFromMemory: ({ workspaceId }) => {
      if (!socket.rooms.has(workspaceRoom(workspaceId))) return null;
      sendSnapshot(workspaceId);
      return OK;
    },
    run: async ({ workspaceId }) => {
      const access = await checkWorkspaceRead({ storage, user, workspaceId });
      if (!access.isAllowed) return refusal(access.code);
      if (socket.disconnected) return OK;
      await socket.join(workspaceRoom(workspaceId));
      sendSnapshot(workspaceId);
      return OK;
    },
  });

  requests.on('workspace:unsubscribe', {
    schema: workspaceRefSchema,
    isGranting: false,
    run: async ({ workspaceId }) => {
      await socket.leave(workspaceRoom(workspaceId));
      return OK;
    },
  });

  socket.on('disconnect', () => {
    for (const change of tracker.removeSocket({ socketId: socket.id })) {
      broadcastPresence({ io, tracker, change });
    }
  });
}
