/**
 * Access revocations reach connections on every process. Domain events are in-process: the
 * process that stored a revocation re-checks its own open connections (the access
 * invalidation subscriber) and publishes the scope here; every other process re-checks its
 * connections in that scope when the message arrives. The periodic re-checks (2 s) remain the
 * net for a message lost while Redis was down.
 */
import { z } from 'zod';
import type { AccessScope } from '../events/accessScope';
import type { Logger } from '../logger';
import type { RedisLink } from './redis';

/** Publishes and receives access re-check scopes between processes. */
export interface AccessChannel {
  /** Tells the other processes to re-check their connections in `scope`. Never throws. */
  publish(scope: AccessScope): void;
  /** Stops listening. */
  dispose(): void;
}

const CHANNEL = 'clip:access';
const messageSchema = z.object({
  from: z.string(),
  scope: z.object({
    userId: z.string().optional(),
    workspaceId: z.string().optional(),
    documentId: z.string().optional(),
  }),
});

/** Subscribes to the access channel; `recheck` runs for scopes other processes publish. */
export async function openAccessChannel(input: {
  link: RedisLink;
  logger: Logger;
  recheck: (scope: AccessScope) => Promise<void>;
}): Promise<AccessChannel> {
  const { link, logger } = input;
  const onMessage = (channel: string, raw: string): void => {
    if (channel !== CHANNEL) return;
    let parsed: z.infer<typeof messageSchema>;
    try {
      parsed = messageSchema.parse(JSON.parse(raw));
    } catch (error) {
      logger.warn({ err: error }, 'dropping a bad access message');
      return;
    }
    if (parsed.from === link.processId) return;
    input.recheck(parsed.scope).catch((error: unknown) => {
      logger.warn(
        { err: error, scope: parsed.scope },
        'access re-check from another process failed',
      );
    });
  };
  link.sub.on('message', onMessage);
  await link.sub.subscribe(CHANNEL);
  return {
    publish(scope) {
      const message = JSON.stringify({ from: link.processId, scope });
      link.pub.publish(CHANNEL, message).catch((error: unknown) => {
        logger.warn(
          { err: error, scope },
          'could not publish an access re-check; the periodic re-check will catch it',
        );
      });
    },
    dispose() {
      link.sub.off('message', onMessage);
    },
  };
}
