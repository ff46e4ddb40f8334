/**
 * Presence over several processes. Every process keeps a replica of the whole deployment's
 * presence in an ordinary `PresenceTracker` (synchronous, as the handlers expect), fed by its
 * own sockets and by the other processes' changes published on one Redis channel. The process
 * whose socket changed broadcasts the new list (the Socket.IO Redis adapter delivers it to
 * sockets on every process); the others only update their replica.
 *
 * Joining: a starting process (and every process after a Redis outage) publishes `hello`;
 * every process answers with its own sockets' entries. Leaving: each process publishes
 * `alive` every `HEARTBEAT_MS`; the entries of a process not heard from for `DEAD_AFTER_MS`
 * (killed, or cut off) are dropped and the changed lists broadcast (`onRemoteLoss`).
 */
import { z } from 'zod';
import type { PresenceUser } from '../../shared/realtime/events';
import type { Logger } from '../logger';
import {
  createPresenceTracker,
  type PresenceChange,
  type PresenceTracker,
} from '../realtime/presenceTracker';
import type { RedisLink } from './redis';

/** The shared tracker, and how to stop it. */
export interface SharedPresence {
  tracker: PresenceTracker;
  /** Called with the lists that changed because another process went away. */
  onRemoteLoss(listener: (changes: PresenceChange[]) => void): void;
  dispose(): void;
}

const CHANNEL = 'clip:presence';
const HEARTBEAT_MS = 2_000;
const DEAD_AFTER_MS = 6_000;

const entrySchema = z.object({
  socketId: z.string(),
  workspaceId: z.string(),
  documentId: z.string(),
  user: z.object({ id: z.string(), name: z.string() }),
});
type Entry = z.infer<typeof entrySchema>;

const messageSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('open'), from: z.string(), entry: entrySchema }),
  z.object({
    op: z.literal('close'),
    from: z.string(),
    socketId: z.string(),
    documentId: z.string(),
  }),
  z.object({ op: z.literal('remove'), from: z.string(), socketId: z.string() }),
  z.object({ op: z.literal('hello'), from: z.string() }),
  z.object({ op: z.literal('state'), from: z.string(), entries: z.array(entrySchema) }),
  z.object({ op: z.literal('alive'), from: z.string() }),
]);
type Message = z.infer<typeof messageSchema>;
/** A message before it is tagged with the sending process. */
type Outgoing = Message extends infer M ? (M extends Message ? Omit<M, 'from'> : never) : never;

/** Builds the replica on `link` and announces this process. */
export function createSharedPresence(input: { link: RedisLink; logger: Logger }): SharedPresence {
  const { link, logger } = input;
  const { processId } = link;
  const replica = createPresenceTracker();
  /** This process's own entries: socket id → document id → entry (answers `hello`). */
  const own = new Map<string, Map<string, Entry>>();
  /** Other processes: id → their sockets and when we last heard from them. */
  const others = new Map<string, { sockets: Set<string>; lastSeenAt: number }>();
  const lossListeners: Array<(changes: PresenceChange[]) => void> = [];

  const publish = (message: Outgoing): void => {
    link.pub
      .publish(CHANNEL, JSON.stringify({ ...message, from: processId }))
      .catch(() => undefined); // Redis away: the hello after it returns resends everything.
  };

  const memberOf = (id: string): { sockets: Set<string>; lastSeenAt: number } => {
    let member = others.get(id);
    if (!member) {
      member = { sockets: new Set(), lastSeenAt: Date.now() };
      others.set(id, member);
    }
    member.lastSeenAt = Date.now();
    return member;
  };

  const applyRemote = (message: Message): void => {
    const member = memberOf(message.from);
    switch (message.op) {
      case 'open':
      case 'state':
        for (const entry of message.op === 'open' ? [message.entry] : message.entries) {
          member.sockets.add(entry.socketId);
          replica.open(entry);
        }
        return;
      case 'close':
        replica.close(message);
        return;
      case 'remove':
        member.sockets.delete(message.socketId);
        replica.removeSocket(message);
        return;
      case 'hello':
        publish({ op: 'state', entries: [...own.values()].flatMap((docs) => [...docs.values()]) });
        return;
      case 'alive':
        return;
    }
  };

  const forget = (id: string): PresenceChange[] => {
    const member = others.get(id);
    others.delete(id);
    return [...(member?.sockets ?? [])].flatMap((socketId) => replica.removeSocket({ socketId }));
  };

  const onMessage = (channel: string, raw: string): void => {
    if (channel !== CHANNEL) return;
    try {
      const message = messageSchema.parse(JSON.parse(raw));
      if (message.from !== processId) applyRemote(message);
    } catch (error) {
      logger.warn({ err: error }, 'dropping a bad presence message');
    }
  };
  link.sub.on('message', onMessage);
  link.sub
    .subscribe(CHANNEL)
    .then(() => publish({ op: 'hello' }))
    .catch((error: unknown) => logger.warn({ err: error }, 'presence channel unavailable'));

  const heartbeat = setInterval(() => {
    publish({ op: 'alive' });
    const now = Date.now();
    for (const [id, member] of others) {
      if (now - member.lastSeenAt < DEAD_AFTER_MS) continue;
      logger.info({ processId: id }, 'process went silent: dropping its presence');
      const changes = forget(id);
      if (changes.length > 0) for (const listener of lossListeners) listener(changes);
    }
  }, HEARTBEAT_MS);
  heartbeat.unref();

  // Whatever happened while Redis was away, start over from everyone's current entries.
  const stopResync = link.onReconnect(() => {
    for (const id of [...others.keys()]) forget(id);
    publish({ op: 'hello' });
  });

  const tracker: PresenceTracker = {
    ...replica,
    open(entry) {
      const changed = replica.open(entry);
      const docs = own.get(entry.socketId) ?? new Map<string, Entry>();
      own.set(entry.socketId, docs);
      const user: PresenceUser = { id: entry.user.id, name: entry.user.name };
      const stored = { ...entry, user };
      docs.set(entry.documentId, stored);
      publish({ op: 'open', entry: stored });
      return changed;
    },
    close(input) {
      own.get(input.socketId)?.delete(input.documentId);
      publish({ op: 'close', ...input });
      return replica.close(input);
    },
    removeSocket(input) {
      own.delete(input.socketId);
      publish({ op: 'remove', ...input });
      return replica.removeSocket(input);
    },
  };

  return {
    tracker,
    onRemoteLoss: (listener) => lossListeners.push(listener),
    dispose() {
      clearInterval(heartbeat);
      stopResync();
      link.sub.off('message', onMessage);
    },
  };
}
