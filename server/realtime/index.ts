/**
 * Socket.IO on `/socket.io` (presence now; comment threads, review sessions and
 * notifications reuse the same rooms later). Attached to the one shared HTTP server with
 * `destroyUpgrade: false`, because that server also routes `/collab/*` upgrades to the
 * collaboration endpoint. One process uses the in-memory adapter; with `REDIS_URL` the Redis
 * streams adapter (`scaleOut.socketAdapter`) makes rooms and emits span every process, with no
 * change to the handlers (docs/SCALING.md).
 */
import type http from 'node:http';
import { Server, type ServerOptions } from 'socket.io';
import type { Config } from '../env';
import { isAllowedOrigin } from '../http/originCheck';
import type { Logger } from '../logger';
import type { AccessScope } from '../events/accessScope';
import type { Storage } from '../storage/types';
import {
  createMemoryConnectionCounter,
  type ConnectionCounter,
} from '../scaleout/connectionCounter';
import type { SharedPresence } from '../scaleout/sharedPresence';
import { ACCESS_SWEEP_MS, startAccessSweep } from './accessSweep';
import { createBroadcaster, type Broadcaster } from './broadcaster';
import { createConnectionCapMiddleware } from './connectionCap';
import { createHandshakeMiddleware } from './handshake';
import { resolveRealtimeOptions } from './options';
import { broadcastPresence, registerPresenceHandlers } from './presenceHandlers';
import { observePresence } from './observedPresence';
import {
  createPresenceTracker,
  type PresenceChange,
  type PresenceTracker,
} from './presenceTracker';
import { createSocketRequests } from './requests';
import { userRoom } from './rooms';
import type { RealtimeServer, RealtimeSocket } from './types';

export type { RealtimeServer } from './types';
export type { Broadcaster } from './broadcaster';
export { documentRoom, userRoom, workspaceRoom } from './rooms';

/** What the composition root and other modules (comments, reviews) get. */
export interface Realtime {
  io: RealtimeServer;
  presence: PresenceTracker;
  /** Runs the access sweep now over `scope` (after a revocation) instead of at its next round. */
  recheckAccess(scope?: AccessScope): Promise<void>;
  /** Typed emits to the rooms of `./rooms`, for routes, commands and subscribers. */
  broadcaster: Broadcaster;
  /** Disconnects every socket and stops Socket.IO; the HTTP server itself is left to its owner. */
  close(): Promise<void>;
}

/** Largest accepted Socket.IO message: presence payloads are tiny. */
const MAX_MESSAGE_BYTES = 64 * 1024;

/** Attaches Socket.IO to `httpServer`. One instance per server (no module-level state). */
export function attachRealtime(input: {
  httpServer: http.Server;
  config: Config;
  storage: Storage;
  logger: Logger;
  /** How often open sockets are re-checked (default `ACCESS_SWEEP_MS`; tests slow it down). */
  accessSweepMs?: number;
  /** Socket.IO adapter factory shared by several processes (Redis); default in-memory. */
  adapter?: ServerOptions['adapter'];
  /** Counts each account's sockets for its cap (default: this process only). */
  connections?: ConnectionCounter;
  /** Presence of every process (Redis); default: this process's sockets only. */
  sharedPresence?: Pick<SharedPresence, 'tracker' | 'onRemoteLoss'>;
  /** Called after a socket's `presence:open` joined `doc:<id>` (the `doc:stored` answer). */
  onDocumentOpened?: (socket: RealtimeSocket, documentId: string) => Promise<void>;
  /**
   * Called after the people with a document open changed (here, or on a process that went
   * away): the review session's participant list follows it.
   */
  onPresenceChange?: (change: PresenceChange) => void;
}): Realtime {
  const { httpServer, config, storage, logger } = input;
  const options = resolveRealtimeOptions(config.realtimeLimits);
  const hasCrossOrigins = config.publicUrl !== null || config.allowedOrigins.length > 0;
  const io: RealtimeServer = new Server(httpServer, {
    path: '/socket.io',
    destroyUpgrade: false,
    serveClient: false,
    maxHttpBufferSize: MAX_MESSAGE_BYTES,
    ...(input.adapter ? { adapter: input.adapter } : {}),
    // Only needed for a client served from another origin (e.g. the Vite dev server).
    // CORS answers with the same rule the handshake and HTTP apply (`isAllowedOrigin`).
    ...(hasCrossOrigins
      ? {
          cors: {
            credentials: true,
            origin: (origin: string | undefined, answer: (e: Error | null, ok?: boolean) => void) =>
              answer(
                null,
                origin === undefined || isAllowedOrigin({ origin, host: undefined, config }),
              ),
          },
        }
      : {}),
  });
  const onPresenceChange = input.onPresenceChange ?? (() => {});
  const presence = observePresence(
    input.sharedPresence?.tracker ?? createPresenceTracker(),
    onPresenceChange,
  );
  // Another process went away: the lists that held its sockets change for everyone.
  input.sharedPresence?.onRemoteLoss((changes) => {
    for (const change of changes) {
      broadcastPresence({ io, tracker: presence, change });
      onPresenceChange(change);
    }
  });

  io.use(createHandshakeMiddleware({ config, storage, logger }));
  io.use(
    createConnectionCapMiddleware({
      maxPerUser: options.maxConnectionsPerUser,
      connections: input.connections ?? createMemoryConnectionCounter(),
      logger,
    }),
  );
  io.on('connection', (socket) => {
    void socket.join(userRoom(socket.data.user.id));
    // One request handling per socket: every feature's events share its rate limit.
    const requests = createSocketRequests({ socket, storage, logger, options });
    registerPresenceHandlers({
      io,
      socket,
      requests,
      storage,
      tracker: presence,
      options,
      ...(input.onDocumentOpened ? { onDocumentOpened: input.onDocumentOpened } : {}),
    });
  });

  // Sign-out, deactivation and removal reach sockets that never send another request.
  const sweep = startAccessSweep({
    io,
    storage,
    tracker: presence,
    logger,
    intervalMs: input.accessSweepMs ?? ACCESS_SWEEP_MS,
  });

  let closing: Promise<void> | null = null;
  const close = (): Promise<void> => {
    closing ??= (async () => {
      sweep.stop();
      io.disconnectSockets(true);
      io.engine.close();
    })();
    return closing;
  };
  return {
    io,
    presence,
    recheckAccess: (scope) => sweep.checkNow(scope),
    broadcaster: createBroadcaster(io),
    close,
  };
}
