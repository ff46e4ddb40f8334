/**
 * Scale-out (`REDIS_URL`): what a server process adds to share its work with the others.
 * Built once by the composition root when Redis is configured; without it every piece has an
 * in-process stand-in and nothing here runs. See docs/SCALING.md.
 */
import { createAdapter } from '@socket.io/redis-streams-adapter';
import type { AccessScope } from '../events/accessScope';
import type { Logger } from '../logger';
import { openAccessChannel, type AccessChannel } from './accessChannel';
import { createCollabRelay, type CollabRelay } from './collabRelay';
import { createRedisConnectionCounter } from './connectionCounter';
import type { ConnectionCounter } from './connectionCounter';
import { createRedisRateLimitStores, type RateLimitStoreFactory } from './rateLimitStore';
import { connectRedis, type RedisLink } from './redis';
import { createSharedPresence, type SharedPresence } from './sharedPresence';

export type { ConnectionCounter } from './connectionCounter';
export { createMemoryConnectionCounter } from './connectionCounter';

/** The scale-out pieces of one process. */
export interface ScaleOut {
  readonly link: RedisLink;
  /** The collab hook relaying live documents between processes. */
  readonly collabRelay: CollabRelay;
  /** Connections per account, counted over every process. */
  readonly connections: ConnectionCounter;
  /** Presence of every process, replicated in each. */
  readonly presence: SharedPresence;
  /** Stores of the HTTP rate limits, counted over every process. */
  readonly rateLimitStore: RateLimitStoreFactory;
  /** Socket.IO's adapter factory (Redis streams): rooms and emits span every process. */
  socketAdapter(): ReturnType<typeof createAdapter>;
  /** Starts carrying access re-checks between processes; `recheck` runs for the others' scopes. */
  openAccessChannel(recheck: (scope: AccessScope) => Promise<void>): Promise<AccessChannel>;
  close(): Promise<void>;
}

/** Connects to Redis (throws when it cannot at startup) and builds the pieces. */
export async function startScaleOut(input: { url: string; logger: Logger }): Promise<ScaleOut> {
  const logger = input.logger.child({ module: 'scaleout' });
  const link = await connectRedis({ url: input.url, logger });
  const collabRelay = createCollabRelay({ link, logger });
  const connections = createRedisConnectionCounter({ link, logger });
  const presence = createSharedPresence({ link, logger });
  const channels: AccessChannel[] = [];
  return {
    link,
    collabRelay,
    connections,
    presence,
    rateLimitStore: createRedisRateLimitStores(link),
    socketAdapter: () => createAdapter(link.duplicate()),
    async openAccessChannel(recheck) {
      const channel = await openAccessChannel({ link, logger, recheck });
      channels.push(channel);
      return channel;
    },
    async close() {
      collabRelay.dispose();
      presence.dispose();
      for (const channel of channels) channel.dispose();
      await connections.close();
      await link.close();
    },
  };
}
