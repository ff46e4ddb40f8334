/**
 * The one Redis link of a server process (scale-out, `REDIS_URL`): a publishing client, a
 * subscribing client (a subscribed Redis connection can do nothing else) and this process's
 * id, which tags every message it publishes so it can drop its own. Connections are
 * re-established by ioredis on their own; `onReconnect` tells the features that must
 * resynchronise what they missed while Redis was away. See docs/SCALING.md.
 */
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import type { Logger } from '../logger';

/** What the scale-out features share: two connections and who we are. */
export interface RedisLink {
  /** Random per process start: a restarted process is a new member. */
  readonly processId: string;
  /** Commands and PUBLISH. Fails fast while Redis is down (no offline queue). */
  readonly pub: Redis;
  /** SUBSCRIBE only; resubscribes by itself after a reconnect. */
  readonly sub: Redis;
  /** A fresh connection for a library that needs its own (the Socket.IO adapter). */
  duplicate(): Redis;
  /** Runs `listener` after Redis came back (both connections ready again); returns an unsubscribe. */
  onReconnect(listener: () => void): () => void;
  close(): Promise<void>;
}

/** After both connections are ready again, give resubscription this long to reach Redis. */
const RESYNC_DELAY_MS = 200;
/** Reconnect backoff: quick at first, never slower than this. */
const MAX_RETRY_DELAY_MS = 1_000;

/** Connects to `url` and waits until both connections are ready (a startup failure throws). */
export async function connectRedis(input: { url: string; logger: Logger }): Promise<RedisLink> {
  const { url, logger } = input;
  const processId = randomBytes(6).toString('hex');
  const options = {
    retryStrategy: (attempt: number) => Math.min(50 * attempt, MAX_RETRY_DELAY_MS),
    // Live messages are worthless late, and the resync after a reconnect covers what was lost.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    lazyConnect: true,
  };
  const pub = new Redis(url, { ...options, connectionName: `clip-pub-${processId}` });
  const sub = new Redis(url, { ...options, connectionName: `clip-sub-${processId}` });
  const extra: Redis[] = [];
  const listeners = new Set<() => void>();
  let isDown = false;
  let resyncTimer: NodeJS.Timeout | null = null;

  for (const client of [pub, sub]) {
    // ioredis logs an unhandled 'error' to stderr itself; report it once per outage instead.
    client.on('error', (error: Error) => {
      if (!isDown) logger.warn({ err: error, processId }, 'redis connection lost; retrying');
      isDown = true;
    });
    client.on('ready', () => {
      if (!isDown || pub.status !== 'ready' || sub.status !== 'ready') return;
      isDown = false;
      logger.info({ processId }, 'redis connection back; resynchronising');
      if (resyncTimer) clearTimeout(resyncTimer);
      resyncTimer = setTimeout(() => {
        resyncTimer = null;
        for (const listener of listeners) listener();
      }, RESYNC_DELAY_MS);
    });
    client.on('close', () => {
      isDown = true;
    });
  }
  try {
    await Promise.all([pub.connect(), sub.connect()]);
  } catch (error) {
    pub.disconnect();
    sub.disconnect();
    const reason = error instanceof Error ? error.message : String(error);
    // The host only: a URL may carry a password.
    throw new Error(`cannot reach Redis at ${new URL(url).host} (REDIS_URL): ${reason}`);
  }
  isDown = false;
  logger.info({ processId }, 'redis connected: sharing live state with other processes');

  return {
    processId,
    pub,
    sub,
    duplicate() {
      const client = new Redis(url, { retryStrategy: options.retryStrategy });
      client.on('error', () => undefined);
      extra.push(client);
      return client;
    },
    onReconnect(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      if (resyncTimer) clearTimeout(resyncTimer);
      listeners.clear();
      for (const client of [pub, sub, ...extra]) client.disconnect();
    },
  };
}
