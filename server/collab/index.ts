/**
 * The collaboration endpoint `/collab/<documentId>`: Yjs over the y-websocket protocol, so
 * the stock `WebsocketProvider` works unmodified. Concerns are an ordered list of hooks
 * (`hooks.ts`; built-in: access, derived data, persistence in `defaultHooks.ts`). A connection
 * runs: `authenticate` hooks (before the upgrade completes) → connection caps (core) → load
 * the live document (`docRegistry`, then `load` hooks) → attach the connection
 * (`connection.ts`: size cap, rate limit, validated decode, permission, apply); every applied
 * change is broadcast (core) and runs the `change` hooks with its origin. The periodic access
 * re-check runs beside it. A refused upgrade is completed and then closed with its close
 * code, because browsers cannot read the HTTP status of a failed upgrade. See docs/COLLAB.md.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type * as Y from 'yjs';
import { CLOSE_CODES } from '../../shared/closeCodes';
import type { Config } from '../env';
import type { Logger } from '../logger';
import type { Storage } from '../storage/types';
import type { AccessScope } from '../events/accessScope';
import { startAccessWatcher, type AccessWatcher } from './accessWatcher';
import type { ConnectionGrant } from './authenticate';
import { attachConnection, type CollabConnection } from './connection';
import { defaultCollabHooks } from './defaultHooks';
import { createDocRegistry, type DocRegistry } from './docRegistry';
import { AWARENESS_SWEEP_MS, sweepOutdatedAwareness } from './awarenessSweep';
import { createDerivedWrites } from './derivedWrites';
import { createGroupCommit } from './groupCommit';
import { createHookRunner, type CollabHook, type ServerChangeOrigin } from './hooks';
import { RELAY_ORIGIN, SERVER_ORIGIN } from './changeOrigins';
import type { LiveDoc } from './liveDoc';
import { resolveCollabOptions, type CollabOptions } from './options';
import {
  createMemoryConnectionCounter,
  type ConnectionCounter,
} from '../scaleout/connectionCounter';
import { encodeIntegratedState } from './protocol';

export type { CollabOptions } from './options';
export type { ChangeOrigin, CollabHook, ServerChangeOrigin } from './hooks';

/** How a server-side change is applied (`CollabServer.change`, `CollabServer.applyUpdate`). */
export interface ServerChangeOptions {
  /**
   * `server` (default): this process's own change: broadcast, stored, derived data refreshed.
   * `relay`: a change another process already stored (scale-out): broadcast only.
   */
  origin?: ServerChangeOrigin;
}

/** Standard close code for a server-side failure (storage down while loading, …). */
const INTERNAL_ERROR = 1011;
/** Bytes tolerated above `maxMessageBytes` so we can answer 4413 instead of ws's own 1009. */
const PAYLOAD_SLACK_BYTES = 64 * 1024;

export interface CollabServer {
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void;
  /** Closes every connection to a document (deleted, access revoked) with `code`. */
  disconnectDocument(input: { documentId: string; code: number; reason: string }): void;
  /**
   * Changes a document through its live copy, loading it when nobody has it open (it unloads
   * again after `unloadGraceMs`): `apply` runs on the Y.Doc in one transaction; connected
   * clients receive the change at once, it is persisted like a peer's edit and derived data
   * refreshes (unless `origin` is `relay`). Resolves once applied (durable within
   * `flushDelayMs`, like any edit); rejects if the document cannot be loaded or `apply` throws.
   */
  change(
    documentId: string,
    apply: (ydoc: Y.Doc) => void,
    options?: ServerChangeOptions,
  ): Promise<void>;
  /** As `change`, for a change that is already an encoded Yjs update (a version restore). */
  applyUpdate(input: {
    documentId: string;
    update: Uint8Array;
    origin?: ServerChangeOrigin;
  }): Promise<void>;
  /** The document's current full state, including edits not yet flushed to storage. */
  encodeState(input: { documentId: string }): Promise<Uint8Array>;
  /** The size cap of one document in bytes (`maxDocBytes`): server-side changes check it too. */
  readonly maxDocBytes: number;
  /** Counts for health checks, logs and the benchmark. */
  stats(): { documents: number; connections: number };
  /** The live documents (tests and the benchmark inspect it). */
  readonly registry: DocRegistry;
  /** Re-checks access of the open connections in `scope` (default all) now, not at the next tick. */
  recheckAccess(scope?: AccessScope): Promise<void>;
  /** Stops accepting, closes every connection with 1001, flushes and compacts every document. */
  close(): Promise<void>;
}

export function createCollabServer(input: {
  config: Config;
  storage: Storage;
  logger: Logger;
  options?: Partial<CollabOptions>;
  /** Extra hooks, run after the built-in ones (access, derived data, persistence) in this order. */
  hooks?: readonly CollabHook[];
  /** Counts each account's connections for its cap (default: this process only). */
  connections?: ConnectionCounter;
}): CollabServer {
  const { config, storage, logger } = input;
  const options = resolveCollabOptions(input.options);
  const hooks = createHookRunner({
    hooks: [
      ...defaultCollabHooks({ secret: config.sessionSecret, storage }),
      ...(input.hooks ?? []),
    ],
    logger,
  });
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: options.maxMessageBytes + PAYLOAD_SLACK_BYTES,
    perMessageDeflate: false,
  });
  const registry = createDocRegistry({
    storage,
    logger,
    options,
    hooks,
    groupCommit: createGroupCommit({ storage }),
    derivedWrites: createDerivedWrites({
      storage,
      logger,
      // Due times are honoured to within a quarter of the debounce (500 ms by default).
      tickMs: Math.max(10, Math.min(500, options.derivedDebounceMs / 4)),
    }),
  });
  const connectionsByDoc = new Map<string, Set<CollabConnection>>();
  /** Connections per document on this process, counted from admission (before the load) on. */
  const docCounts = new Map<string, number>();
  /** Connections per account, on every process when they share Redis. */
  const userConnections = input.connections ?? createMemoryConnectionCounter();
  let isClosing = false;

  const adjust = (counts: Map<string, number>, key: string, delta: number): void => {
    const next = (counts.get(key) ?? 0) + delta;
    if (next <= 0) counts.delete(key);
    else counts.set(key, next);
  };

  const allConnections = (): CollabConnection[] =>
    [...connectionsByDoc.values()].flatMap((set) => [...set]);

  const watcher: AccessWatcher = startAccessWatcher({
    storage,
    logger,
    intervalMs: options.accessRecheckMs,
    liveDocs: () => registry.list(),
    connectionsOf: (doc) => [...(connectionsByDoc.get(doc.documentId) ?? [])],
  });

  const pingTimer = setInterval(() => {
    for (const connection of allConnections()) {
      if (!connection.isAlive) {
        connection.ws.terminate();
        continue;
      }
      connection.isAlive = false;
      connection.ws.ping();
    }
  }, options.pingIntervalMs);
  pingTimer.unref();

  const awarenessSweepTimer = setInterval(() => {
    const now = Date.now();
    for (const doc of registry.list()) sweepOutdatedAwareness(doc.awareness, now);
  }, AWARENESS_SWEEP_MS);
  awarenessSweepTimer.unref();

  /** Completes the upgrade only to tell the client why it is refused (browsers see close codes, not statuses). */
  const refuse = (
    request: IncomingMessage,
    socket: Duplex,
    head: Buffer,
    code: number,
    reason: string,
  ): void => {
    if (socket.destroyed) return;
    logger.info({ code, reason, url: redactToken(request.url) }, 'collab connection refused');
    wss.handleUpgrade(request, socket, head, (ws) => ws.close(code, reason));
  };

  const admit = async (request: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> => {
    const auth = await hooks.authenticate(request);
    if (!auth.isAllowed) return refuse(request, socket, head, auth.code, auth.reason);
    const { grant } = auth;
    if (isClosing)
      return refuse(request, socket, head, CLOSE_CODES.goingAway, 'server shutting down');
    if ((docCounts.get(grant.documentId) ?? 0) >= options.maxConnectionsPerDocument) {
      return refuse(
        request,
        socket,
        head,
        CLOSE_CODES.rateLimited,
        'too many connections to this document',
      );
    }
    adjust(docCounts, grant.documentId, 1);
    const userSlot = { kind: 'collab', userId: grant.userId } as const;
    const hasUserSlot = await userConnections.tryAcquire({
      ...userSlot,
      max: options.maxConnectionsPerUser,
    });
    if (!hasUserSlot) {
      adjust(docCounts, grant.documentId, -1);
      return refuse(
        request,
        socket,
        head,
        CLOSE_CODES.rateLimited,
        'too many connections for this user',
      );
    }
    let isReleased = false;
    const releaseSlot = (hasDoc: boolean): void => {
      if (isReleased) return;
      isReleased = true;
      adjust(docCounts, grant.documentId, -1);
      userConnections.release(userSlot);
      if (hasDoc) registry.release(grant.documentId);
    };
    try {
      await registry.acquire(grant.documentId);
    } catch (error) {
      logger.error({ err: error, documentId: grant.documentId }, 'loading a document failed');
      releaseSlot(false);
      return refuse(request, socket, head, INTERNAL_ERROR, 'document could not be loaded');
    }
    const doc = registry.get(grant.documentId);
    if (socket.destroyed || isClosing || !doc) {
      releaseSlot(true);
      return refuse(request, socket, head, CLOSE_CODES.goingAway, 'server shutting down');
    }
    let isAttached = false;
    // ws destroys the socket without calling back when the handshake itself is invalid.
    socket.once('close', () => {
      if (!isAttached) releaseSlot(true);
    });
    wss.handleUpgrade(request, socket, head, (ws: WebSocket) => {
      isAttached = true;
      join({ ws, grant, releaseSlot });
    });
  };

  const join = (input: {
    ws: WebSocket;
    grant: ConnectionGrant;
    releaseSlot: (hasDoc: boolean) => void;
  }): void => {
    const { grant } = input;
    const doc = registry.get(grant.documentId);
    if (!doc || isClosing) {
      input.ws.close(CLOSE_CODES.goingAway, 'server shutting down');
      input.releaseSlot(true);
      return;
    }
    const set = connectionsByDoc.get(grant.documentId) ?? new Set<CollabConnection>();
    connectionsByDoc.set(grant.documentId, set);
    const connection = attachConnection({
      ws: input.ws,
      grant,
      doc,
      options,
      logger,
      onClosed: (closed) => {
        set.delete(closed);
        if (set.size === 0 && connectionsByDoc.get(grant.documentId) === set) {
          connectionsByDoc.delete(grant.documentId);
        }
        input.releaseSlot(true);
      },
    });
    set.add(connection);
  };

  const withDoc = async <T>(documentId: string, use: (doc: LiveDoc) => T): Promise<T> => {
    const doc = await registry.acquire(documentId);
    try {
      return use(doc);
    } finally {
      registry.release(documentId);
    }
  };

  return {
    registry,
    maxDocBytes: options.maxDocBytes,
    handleUpgrade(request, socket, head) {
      socket.on('error', (error) => logger.debug({ err: error }, 'collab upgrade socket error'));
      admit(request, socket, head).catch((error: unknown) => {
        logger.error({ err: error }, 'collab upgrade failed');
        refuse(request, socket, head, INTERNAL_ERROR, 'internal error');
      });
    },
    disconnectDocument({ documentId, code, reason }) {
      for (const connection of connectionsByDoc.get(documentId) ?? [])
        connection.close(code, reason);
    },
    change: (documentId, apply, changeOptions) =>
      withDoc(documentId, (doc) => doc.change(apply, changeOptions?.origin ?? 'server')),
    applyUpdate: ({ documentId, update, origin }) =>
      withDoc(documentId, (doc) =>
        doc.applyUpdate(update, origin === 'relay' ? RELAY_ORIGIN : SERVER_ORIGIN),
      ),
    encodeState: ({ documentId }) => withDoc(documentId, (doc) => encodeIntegratedState(doc.ydoc)),
    stats: () => ({ documents: registry.list().length, connections: allConnections().length }),
    recheckAccess: (scope) => watcher.checkNow(scope),
    async close() {
      if (isClosing) return;
      isClosing = true;
      watcher.stop();
      clearInterval(pingTimer);
      clearInterval(awarenessSweepTimer);
      const open = allConnections();
      const closed = Promise.all(
        open.map((connection) => waitForClose(connection.ws, options.closeTimeoutMs)),
      );
      for (const connection of open)
        connection.close(CLOSE_CODES.goingAway, 'server shutting down');
      await registry.unloadAll();
      await closed;
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}

/** Resolves when the peer acknowledged the close, or terminates the socket after `timeoutMs`. */
function waitForClose(ws: WebSocket, timeoutMs: number): Promise<void> {
  if (ws.readyState === ws.CLOSED) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      ws.terminate();
      resolve();
    }, timeoutMs);
    ws.once('close', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** Tokens must never reach the logs. */
function redactToken(url: string | undefined): string {
  return (url ?? '').replace(/([?&]token=)[^&]*/, '$1[redacted]');
}
