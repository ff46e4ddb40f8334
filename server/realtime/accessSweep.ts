/**
 * Makes sign-out, deactivation, password changes (which end other sessions) and removal from
 * a workspace take effect on open Socket.IO connections without waiting for the client's
 * next request: presence is pushed into rooms, so a socket that never asks again would
 * otherwise keep hearing who opens which document. Every `intervalMs` each connected socket's
 * session is resolved again (one lookup per distinct cookie); a socket whose session is gone
 * is disconnected, and one that may no longer read a room it joined leaves it (and its
 * presence there is withdrawn). Same idea as the collab endpoint's access watcher.
 */
import { resolveSessionUser } from '../auth/sessions';
import type { AccessScope } from '../events/accessScope';
import type { Logger } from '../logger';
import type { Storage } from '../storage/types';
import { checkDocumentRead, checkWorkspaceRead } from './access';
import { broadcastPresence } from './presenceHandlers';
import { documentRoom, parseGuardedRoom } from './rooms';
import type { RealtimeServer, RealtimeSocket } from './types';
import type { PresenceTracker } from './presenceTracker';

/** How often open sockets are re-checked; the collab endpoint re-checks as often. */
export const ACCESS_SWEEP_MS = 2_000;

/** A running sweep. */
export interface AccessSweep {
  /**
   * Runs one round now (after any round under way, which may have read stale rows), over the
   * sockets `scope` can concern: a user's own sockets, a document room's; all otherwise.
   */
  checkNow(scope?: AccessScope): Promise<void>;
  stop(): void;
}

/** Starts the periodic re-check of every socket connected to this process. */
export function startAccessSweep(input: {
  io: RealtimeServer;
  storage: Storage;
  tracker: PresenceTracker;
  logger: Logger;
  intervalMs: number;
}): AccessSweep {
  const { io, storage, tracker, logger } = input;
  let running: Promise<void> | null = null;

  /** Leaves the rooms the socket's user may no longer read; `allowed` caches per user and room. */
  const pruneRooms = async (
    socket: RealtimeSocket,
    allowed: Map<string, Promise<boolean>>,
  ): Promise<void> => {
    const { user } = socket.data;
    for (const room of [...socket.rooms]) {
      const guarded = parseGuardedRoom(room);
      if (!guarded) continue;
      const key = `${user.id} ${room}`;
      let verdict = allowed.get(key);
      if (!verdict) {
        verdict = (
          guarded.kind === 'workspace'
            ? checkWorkspaceRead({ storage, user, workspaceId: guarded.workspaceId })
            : checkDocumentRead({ storage, user, documentId: guarded.documentId })
        ).then((result) => result.isAllowed);
        allowed.set(key, verdict);
      }
      if (await verdict) continue;
      await socket.leave(room);
      if (guarded.kind === 'document') {
        const change = tracker.close({ socketId: socket.id, documentId: guarded.documentId });
        if (change) broadcastPresence({ io, tracker, change });
      }
    }
  };

  /** The sockets an access change in `scope` can concern (rooms do not name workspaces). */
  const socketsIn = (scope: AccessScope): RealtimeSocket[] => {
    const all = [...io.of('/').sockets.values()];
    const { userId, documentId } = scope;
    if (userId !== undefined) return all.filter((socket) => socket.data.user.id === userId);
    if (documentId !== undefined)
      return all.filter((socket) => socket.rooms.has(documentRoom(documentId)));
    return all;
  };

  const round = async (scope: AccessScope = {}): Promise<void> => {
    const sockets = socketsIn(scope);
    if (sockets.length === 0) return;
    // Tabs of one browser share a cookie: one session lookup serves them all.
    const sessions = new Map<string, ReturnType<typeof resolveSessionUser>>();
    const allowed = new Map<string, Promise<boolean>>();
    await Promise.all(
      sockets.map(async (socket) => {
        const cookie = socket.handshake.headers.cookie ?? '';
        let session = sessions.get(cookie);
        if (!session) {
          session = resolveSessionUser({ storage, cookieHeader: cookie });
          sessions.set(cookie, session);
        }
        const current = await session;
        const { user } = socket.data;
        if (!current || current.id !== user.id) {
          socket.disconnect(true);
          return;
        }
        // A network admin demoted to member loses the workspaces they only reached as admin.
        user.name = current.name;
        user.isAdmin = current.role === 'admin';
        await pruneRooms(socket, allowed);
      }),
    );
  };

  const run = (): Promise<void> => {
    running ??= round()
      .catch((error: unknown) => {
        logger.warn({ err: error }, 'realtime access sweep failed');
      })
      .finally(() => {
        running = null;
      });
    return running;
  };

  const timer = setInterval(() => void run(), input.intervalMs);
  timer.unref();
  return {
    checkNow: async (scope) => {
      if (running) await running;
      if (!scope) {
        await run();
        return;
      }
      await round(scope).catch((error: unknown) => {
        logger.warn({ err: error }, 'realtime access sweep failed');
      });
    },
    stop: () => clearInterval(timer),
  };
}
