/**
 * Presence over Socket.IO: `presence:open`/`presence:close` and `workspace:subscribe`.
 * Each handler validates its payload with zod, checks read access fresh, joins or leaves a
 * room, updates the tracker and broadcasts what changed. Errors become an ack, never a crash.
 */
import type { Server, Socket } from 'socket.io';
import type { z } from 'zod';
import type {
  Ack,
  AckResult,
  ClientToServerEvents,
  InterServerEvents,
  RealtimeErrorCode,
  ServerToClientEvents,
  SocketData,
} from '../../shared/realtime/events';
import { documentRefSchema, workspaceRefSchema } from '../../shared/realtime/schemas';
import type { Logger } from '../logger';
import type { Storage } from '../storage/types';
import { resolveSessionUser } from '../auth/sessions';
import { checkDocumentRead, checkWorkspaceRead } from './access';
import type { PresenceChange, PresenceTracker } from './presenceTracker';
import { documentRoom, workspaceRoom } from './rooms';

/** Our typed server. */
export type RealtimeServer = Server<
  ClientToServerEvents,
  ServerToClientEvents,
  InterServerEvents,
  SocketData
>;
/** Our typed server-side socket. */
export type RealtimeSocket = Socket<
  ClientToServerEvents,
  ServerToClientEvents,
  InterServerEvents,
  SocketData
>;

/** How many documents one socket may hold open: bounds the memory one client can pin. */
export const MAX_OPEN_DOCUMENTS_PER_SOCKET = 64;

const failure = (code: RealtimeErrorCode, message: string): AckResult => ({
  ok: false,
  error: { code, message },
});

const MESSAGES: Record<RealtimeErrorCode, string> = {
  validation_failed: 'The request is malformed.',
  unauthenticated: 'Your session has ended; sign in again.',
  forbidden: 'You are not allowed to do that.',
  not_found: 'Not found.',
  rate_limited: 'Too many open documents on this connection.',
  internal_error: 'Something went wrong on the server.',
};

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
  storage: Storage;
  tracker: PresenceTracker;
  logger: Logger;
}): void {
  const { io, socket, storage, tracker, logger } = input;
  const { user } = socket.data;

  /**
   * Requests that grant access re-check the session first, so signing out, a revoked
   * session or a deactivated account takes effect on an open socket at its next request.
   * The fresh account also refreshes the name shown in presence lists.
   */
  const isSessionAlive = async (): Promise<boolean> => {
    const current = await resolveSessionUser({
      storage,
      cookieHeader: socket.handshake.headers.cookie,
    });
    if (!current || current.id !== user.id) return false;
    user.name = current.name;
    user.isAdmin = current.role === 'admin';
    return true;
  };

  /** Validates, runs, and always answers exactly once (when the client asked for an answer). */
  const handle = <S extends z.ZodType>(
    event: keyof ClientToServerEvents,
    schema: S,
    run: (payload: z.infer<S>) => Promise<AckResult>,
    options: { isGranting: boolean },
  ) => {
    socket.on(event, (payload: unknown, ack: unknown) => {
      const reply: Ack = typeof ack === 'function' ? (ack as Ack) : () => {};
      const parsed = schema.safeParse(payload);
      if (!parsed.success) {
        reply(failure('validation_failed', MESSAGES.validation_failed));
        return;
      }
      const guarded = async (): Promise<AckResult> => {
        if (options.isGranting && !(await isSessionAlive())) {
          setImmediate(() => socket.disconnect(true));
          return failure('unauthenticated', MESSAGES.unauthenticated);
        }
        return run(parsed.data);
      };
      guarded()
        .then(reply)
        .catch((error: unknown) => {
          logger.error({ err: error, event, userId: user.id }, 'realtime handler failed');
          reply(failure('internal_error', MESSAGES.internal_error));
        });
    });
  };

  handle(
    'presence:open',
    documentRefSchema,
    async ({ documentId }) => {
      if (tracker.countForSocket({ socketId: socket.id }) >= MAX_OPEN_DOCUMENTS_PER_SOCKET) {
        return failure('rate_limited', MESSAGES.rate_limited);
      }
      const access = await checkDocumentRead({ storage, user, documentId });
      if (!access.isAllowed) return failure(access.code, MESSAGES[access.code]);
      // The socket may have gone while storage answered: joining now would leak an entry.
      if (socket.disconnected) return { ok: true };
      await socket.join(documentRoom(documentId));
      const { workspaceId } = access.value;
      if (tracker.open({ socketId: socket.id, workspaceId, documentId, user })) {
        broadcastPresence({ io, tracker, change: { workspaceId, documentId } });
      } else {
        // Nothing changed for others; the opener still wants the current list.
        socket.emit('presence:update', {
          workspaceId,
          documentId,
          users: tracker.usersOf({ documentId }),
        });
      }
      return { ok: true };
    },
    { isGranting: true },
  );

  handle(
    'presence:close',
    documentRefSchema,
    async ({ documentId }) => {
      await socket.leave(documentRoom(documentId));
      const change = tracker.close({ socketId: socket.id, documentId });
      if (change) broadcastPresence({ io, tracker, change });
      return { ok: true };
    },
    { isGranting: false },
  );

  handle(
    'workspace:subscribe',
    workspaceRefSchema,
    async ({ workspaceId }) => {
      const access = await checkWorkspaceRead({ storage, user, workspaceId });
      if (!access.isAllowed) return failure(access.code, MESSAGES[access.code]);
      if (socket.disconnected) return { ok: true };
      await socket.join(workspaceRoom(workspaceId));
      socket.emit('presence:snapshot', {
        workspaceId,
        documents: tracker.snapshotOf({ workspaceId }),
      });
      return { ok: true };
    },
    { isGranting: true },
  );

  handle(
    'workspace:unsubscribe',
    workspaceRefSchema,
    async ({ workspaceId }) => {
      await socket.leave(workspaceRoom(workspaceId));
      return { ok: true };
    },
    { isGranting: false },
  );

  socket.on('disconnect', () => {
    for (const change of tracker.removeSocket({ socketId: socket.id })) {
      broadcastPresence({ io, tracker, change });
    }
  });
}
