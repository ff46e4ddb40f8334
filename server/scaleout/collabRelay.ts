/**
 * The Redis relay of live documents between server processes, as a collab hook (`CollabHook`).
 * Every process holding a document subscribes to its channel. What happens:
 * - a change from a local peer or this server (`peer`/`server` origin) is published, merged per
 *   event-loop turn; it is stored by this process only (the persistence hook);
 * - a relayed change is applied with the `relay` origin: broadcast to local peers, never stored
 *   again (the persistence hook skips `relay`) and never published again (below), so it
 *   cannot echo; each message names its sending process, which drops its own;
 * - awareness changes of local clients are published the same way and applied remotely with
 *   a relay origin (the local awareness relay fans them out to peers);
 * - when a process opens a document, and after a Redis outage, it publishes its state vector
 *   (`sync-request`); every other holder answers with what it lacks and its own state vector
 *   (`sync-reply`), and the requester publishes back what the answerer lacks. So processes
 *   converge however many messages Redis dropped. See docs/SCALING.md.
 */
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { CollabHook } from '../collab/hooks';
import type { LiveDoc } from '../collab/liveDoc';
import type { Logger } from '../logger';
import { decodeRelayMessage, encodeRelayMessage, type RelayMessage } from './relayMessages';
import type { RedisLink } from './redis';

/** The relay hook, plus what the composition root needs to stop it. */
export interface CollabRelay extends CollabHook {
  /** Stops listening (the Redis link itself is closed by its owner). */
  dispose(): void;
}

/** Awareness origin of states received from another process (not published again). */
const RELAYED_AWARENESS = Symbol('relayed-awareness');
/** Redis channel of one document's relay. */
const channelOf = (documentId: string): string => `clip:collab:${documentId}`;
const CHANNEL_PREFIX = 'clip:collab:';
/** Publishing failures (Redis down) are logged at most this often. */
const FAILURE_LOG_INTERVAL_MS = 10_000;

interface HeldDoc {
  doc: LiveDoc;
  pendingUpdates: Uint8Array[];
  pendingAwareness: Set<number>;
  isFlushScheduled: boolean;
  stopAwareness: () => void;
}

/** Builds the relay hook on `link` (add it to `createCollabServer({ hooks })`). */
export function createCollabRelay(input: { link: RedisLink; logger: Logger }): CollabRelay {
  const { link, logger } = input;
  const { processId } = link;
  const held = new Map<string, HeldDoc>();
  let lastFailureLogAt = -Infinity;

  const publish = (documentId: string, message: RelayMessage): void => {
    const bytes = Buffer.from(encodeRelayMessage(message));
    link.pub.publish(channelOf(documentId), bytes).catch((error: unknown) => {
      // Redis is away: the resync after it comes back sends whatever this message carried.
      const now = Date.now();
      if (now - lastFailureLogAt < FAILURE_LOG_INTERVAL_MS) return;
      lastFailureLogAt = now;
      logger.warn({ err: error, documentId }, 'collab relay could not publish');
    });
  };

  const flush = (entry: HeldDoc): void => {
    entry.isFlushScheduled = false;
    const { documentId } = entry.doc;
    if (held.get(documentId) !== entry) return;
    if (entry.pendingUpdates.length > 0) {
      const updates = entry.pendingUpdates;
      entry.pendingUpdates = [];
      const update = updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates);
      publish(documentId, { kind: 'update', from: processId, update });
    }
    if (entry.pendingAwareness.size > 0) {
      const { awareness } = entry.doc;
      const clientIds = [...entry.pendingAwareness].filter((id) => awareness.meta.has(id));
      entry.pendingAwareness.clear();
      if (clientIds.length === 0) return;
      const update = awarenessProtocol.encodeAwarenessUpdate(awareness, clientIds);
      publish(documentId, { kind: 'awareness', from: processId, update });
    }
  };

  const scheduleFlush = (entry: HeldDoc): void => {
    if (entry.isFlushScheduled) return;
    entry.isFlushScheduled = true;
    setImmediate(() => flush(entry));
  };

  const requestSync = (doc: LiveDoc): void => {
    publish(doc.documentId, {
      kind: 'sync-request',
      from: processId,
      stateVector: Y.encodeStateVector(doc.ydoc),
    });
  };

  /** Applies a change another process made (broadcast locally; not stored, not republished). */
  const applyRelayed = (doc: LiveDoc, update: Uint8Array): void => {
    doc.change((ydoc) => Y.applyUpdate(ydoc, update), 'relay');
  };

  const receive = (doc: LiveDoc, message: RelayMessage): void => {
    switch (message.kind) {
      case 'update':
        applyRelayed(doc, message.update);
        return;
      case 'awareness':
        awarenessProtocol.applyAwarenessUpdate(doc.awareness, message.update, RELAYED_AWARENESS);
        return;
      case 'sync-request':
        publish(doc.documentId, {
          kind: 'sync-reply',
          from: processId,
          to: message.from,
          update: Y.encodeStateAsUpdate(doc.ydoc, message.stateVector),
          stateVector: Y.encodeStateVector(doc.ydoc),
        });
        return;
      case 'sync-reply': {
        if (message.to !== processId) return;
        applyRelayed(doc, message.update);
        const missing = Y.encodeStateAsUpdate(doc.ydoc, message.stateVector);
        // An update with no structs and no deletions is 2 bytes: nothing to send.
        if (missing.byteLength > 2)
          publish(doc.documentId, { kind: 'update', from: processId, update: missing });
        return;
      }
    }
  };

  const onMessage = (channel: Buffer, bytes: Buffer): void => {
    const name = channel.toString();
    if (!name.startsWith(CHANNEL_PREFIX)) return;
    const entry = held.get(name.slice(CHANNEL_PREFIX.length));
    if (!entry) return;
    try {
      const message = decodeRelayMessage(
        new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength),
      );
      if (message.from === processId) return;
      receive(entry.doc, message);
    } catch (error) {
      logger.warn({ err: error, documentId: entry.doc.documentId }, 'dropping a bad relay message');
    }
  };
  link.sub.on('messageBuffer', onMessage);

  // After an outage every held document asks the others for what it missed (and answers).
  // Subscribing again covers documents opened while Redis was down (their subscribe failed).
  const stopResync = link.onReconnect(() => {
    const channels = [...held.keys()].map(channelOf);
    if (channels.length === 0) return;
    link.sub
      .subscribe(...channels)
      .then(() => {
        for (const entry of held.values()) requestSync(entry.doc);
      })
      .catch((error: unknown) => logger.warn({ err: error }, 'collab relay could not resubscribe'));
  });

  return {
    name: 'redis-relay',
    async onLoad({ doc }) {
      const entry: HeldDoc = {
        doc,
        pendingUpdates: [],
        pendingAwareness: new Set(),
        isFlushScheduled: false,
        stopAwareness: () => undefined,
      };
      const onAwareness = (
        changes: { added: number[]; updated: number[]; removed: number[] },
        origin: unknown,
      ): void => {
        // Relayed states are the other process's to publish; timeouts happen on every process.
        if (origin === RELAYED_AWARENESS || origin === 'timeout') return;
        for (const id of changes.added.concat(changes.updated, changes.removed)) {
          entry.pendingAwareness.add(id);
        }
        scheduleFlush(entry);
      };
      doc.awareness.on('update', onAwareness);
      entry.stopAwareness = () => doc.awareness.off('update', onAwareness);
      held.set(doc.documentId, entry);
      await link.sub.subscribe(channelOf(doc.documentId));
      // Subscribed first, then asked: an answer cannot arrive before we listen.
      requestSync(doc);
    },
    onChange({ doc, origin, update }) {
      if (origin !== 'peer' && origin !== 'server') return;
      const entry = held.get(doc.documentId);
      if (!entry) return;
      entry.pendingUpdates.push(update);
      scheduleFlush(entry);
    },
    async onUnload({ doc }) {
      const entry = held.get(doc.documentId);
      if (!entry) return;
      flush(entry);
      entry.stopAwareness();
      held.delete(doc.documentId);
      await link.sub.unsubscribe(channelOf(doc.documentId));
    },
    dispose() {
      stopResync();
      link.sub.off('messageBuffer', onMessage);
      for (const entry of held.values()) entry.stopAwareness();
      held.clear();
    },
  };
}
