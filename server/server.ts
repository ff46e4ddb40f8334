/**
 * Composition root: one HTTP server carrying the Express API (and built client),
 * the Yjs collaboration endpoint (`/collab/<documentId>`) and Socket.IO (`/socket.io`).
 * Everything is built from its dependencies here; there is no module-level state, so
 * tests run several servers in one process.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from './app';
import { startTrashPurge, type TrashPurgeTimer } from './commands/trashPurgeTimer';
import { createCollabServer, type CollabOptions } from './collab';
import type { Config } from './env';
import { createEventBus, type EventBus } from './events';
import { subscribeDomainEvents } from './events/subscribers';
import { createSuggestionRecorder } from './suggestions/recorder';
import { createLogger, type Logger } from './logger';
import { startDigestTimer, type DigestTimer } from './mail/digestTimer';
import { createMailSender, type MailSender } from './mail/mailSender';
import { attachRealtime, type Realtime } from './realtime';
import { createStoredNotices } from './realtime/storedNotices';
import { openStorage } from './storage';
import type { Storage } from './storage/types';

export interface RunningServer {
  /** e.g. `http://127.0.0.1:41234` */
  url: string;
  port: number;
  httpServer: http.Server;
  storage: Storage;
  config: Config;
  logger: Logger;
  collab: ReturnType<typeof createCollabServer>;
  /** The domain event bus every command emits on (tests subscribe to observe). */
  events: EventBus;
  /** Socket.IO, created before the app so routes and commands reach it. */
  realtime: Realtime;
  /** E-mail: digests and invitations (tests read what was sent with `onSent`). */
  mailer: MailSender;
  /** The notification digest's timer (tests may run a round now). */
  digests: DigestTimer;
  /** The trash retention timer (tests purge now instead of waiting). */
  trashPurge: TrashPurgeTimer;
  /** Stops accepting, flushes every open document, closes connections and storage. */
  close(): Promise<void>;
}

/** Internal knobs of the collab server and Socket.IO, for tests and the benchmark. */
export interface ServerTuning {
  /** Over `config.collabLimits`. */
  collab?: Partial<CollabOptions>;
  /** Period of the Socket.IO access sweep. */
  accessSweepMs?: number;
}

export async function startServer(options: {
  config: Config;
  storage?: Storage;
  logger?: Logger;
  /** Serve the client from here instead of `dist/client` (browser tests use a private build). */
  clientDir?: string;
  /** Knobs that are not env settings (tests slow the periodic access re-checks down). */
  tuning?: ServerTuning;
}): Promise<RunningServer> {
  const { config } = options;
  const logger = options.logger ?? createLogger(config);
  const storage = options.storage ?? (await openStorage({ config, logger }));

  // Several processes (REDIS_URL): live documents, Socket.IO, caps and revocations go through Redis.
  // Loaded only then: a single process never holds ioredis or the Socket.IO Redis adapter.
  const scaleOut = config.redisUrl
    ? await (await import('./scaleout')).startScaleOut({ url: config.redisUrl, logger })
    : null;
  // The HTTP server first, the app built last (its routes get Socket.IO and the event bus).
  // The request listener exists before Socket.IO attaches: Socket.IO wraps the listeners it
  // finds so its long-polling requests never reach the app; one added later would see them.
  let app: ((req: http.IncomingMessage, res: http.ServerResponse) => void) | null = null;
  const httpServer = http.createServer((req, res) => app?.(req, res));
  const realtime = attachRealtime({
    httpServer,
    config,
    storage,
    logger: logger.child({ module: 'realtime' }),
    ...(options.tuning?.accessSweepMs ? { accessSweepMs: options.tuning.accessSweepMs } : {}),
    ...(scaleOut
      ? {
          adapter: scaleOut.socketAdapter(),
          connections: scaleOut.connections,
          sharedPresence: scaleOut.presence,
        }
      : {}),
    onDocumentOpened: (socket, documentId) => storedNotices.sendTo(socket, documentId),
    // The bus exists by the time anyone opens a document (it is built below, before listening).
    onPresenceChange: (change) => void events.emit('document.presenceChanged', change),
  });
  // Socket.IO before collab: the collab server's `store` hook emits `doc:stored` through it.
  const storedNotices = createStoredNotices({
    broadcaster: realtime.broadcaster,
    storage,
    liveDoc: (documentId) => collab.registry.get(documentId),
    isAlone: scaleOut === null,
  });
  // Before collab: the suggestion recorder (a collab hook) emits domain events.
  const events = createEventBus({ logger: logger.child({ module: 'events' }) });
  const suggestionRecorder = createSuggestionRecorder({
    storage,
    events,
    logger: logger.child({ module: 'suggestions' }),
  });
  const collab = createCollabServer({
    config,
    storage,
    logger: logger.child({ module: 'collab' }),
    options: {
      ...config.collabLimits,
      isLogShared: scaleOut !== null,
      ...options.tuning?.collab,
    },
    hooks: scaleOut
      ? [scaleOut.collabRelay, storedNotices.hook, suggestionRecorder.hook]
      : [storedNotices.hook, suggestionRecorder.hook],
    ...(scaleOut ? { connections: scaleOut.connections } : {}),
  });
  const otherProcesses = scaleOut
    ? await scaleOut.openAccessChannel(async (scope) => {
        await Promise.all([collab.recheckAccess(scope), realtime.recheckAccess(scope)]);
      })
    : null;
  const mailer = createMailSender({
    config: config.mail,
    logger: logger.child({ module: 'mail' }),
  });
  // Links in e-mail: PUBLIC_URL, else (development, tests) the address this server listens on.
  let listeningUrl = '';
  const publicUrl = (): string => config.publicUrl ?? listeningUrl;
  subscribeDomainEvents({
    events,
    storage,
    collab,
    realtime,
    otherProcesses,
    broadcaster: realtime.broadcaster,
    presence: realtime.presence,
  });
  const trashPurge = startTrashPurge({ storage, events, logger });
  const digests = startDigestTimer({
    storage,
    mailer,
    logger: logger.child({ module: 'mail' }),
    delayMs: config.mail.digestDelayMs,
    publicUrl,
  });
  app = createApp({
    config,
    storage,
    logger,
    mailer,
    collab,
    events,
    realtime: realtime.broadcaster,
    presence: realtime.presence,
    ...(options.clientDir ? { clientDir: options.clientDir } : {}),
    ...(scaleOut ? { rateLimitStore: scaleOut.rateLimitStore } : {}),
  });

  httpServer.on('upgrade', (request, socket, head) => {
    const pathname = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (pathname.startsWith('/collab/')) {
      collab.handleUpgrade(request, socket, head);
      return;
    }
    // /socket.io upgrades are handled by Socket.IO's own listener; anything else is refused.
    if (!pathname.startsWith('/socket.io')) socket.destroy();
  });

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.port, config.host, () => {
      httpServer.off('error', reject);
      resolve();
    });
  });
  const { port } = httpServer.address() as AddressInfo;
  const displayHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  const url = `http://${displayHost}:${port}`;
  listeningUrl = url;

  let closing: Promise<void> | null = null;
  const close = (): Promise<void> => {
    closing ??= (async () => {
      httpServer.close();
      trashPurge.stop();
      await digests.stop();
      await collab.close();
      await realtime.close();
      httpServer.closeAllConnections();
      await mailer.close();
      await scaleOut?.close();
      await storage.close();
    })();
    return closing;
  };

  return {
    url,
    port,
    httpServer,
    storage,
    config,
    logger,
    collab,
    events,
    realtime,
    mailer,
    digests,
    trashPurge,
    close,
  };
}
