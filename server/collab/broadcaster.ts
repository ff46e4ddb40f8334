/**
 * Fan-out of one live document to its peers. Document updates applied during one event-loop
 * turn are merged into a single update and sent once per peer at the end of the turn
 * (`setImmediate`): under load that turns k small frames per client into one, which is what
 * dominates the server's CPU with hundreds of clients (the `writev` per frame). With light
 * load a turn holds one update and nothing is delayed. Each message is encoded once and the
 * same buffer goes to every peer.
 */
import * as Y from 'yjs';
import { encodeSyncUpdate } from './protocol';

/** What the broadcaster needs from a connection. */
export interface BroadcastPeer {
  send(message: Uint8Array): void;
}

/** Per-document fan-out with per-turn batching of document updates. */
export interface Broadcaster<Peer extends BroadcastPeer> {
  /** Queues a document update for every peer except `origin` (the peer it came from). */
  queueUpdate(update: Uint8Array, origin: Peer | undefined): void;
  /** Sends `message` now, after any queued updates so peers see changes in order. */
  sendNow(message: Uint8Array, except: Peer | undefined): void;
  /** Sends queued updates now. */
  flush(): void;
}

/** Merging is cheap for a handful of updates; past this, send what we have. */
const MAX_QUEUED_UPDATES = 64;

export function createBroadcaster<Peer extends BroadcastPeer>(
  peers: ReadonlySet<Peer>,
): Broadcaster<Peer> {
  let queued: Uint8Array[] = [];
  /** The single origin of every queued update, or `null` when they came from several. */
  let queuedOrigin: Peer | undefined | null = undefined;
  let isScheduled = false;

  const sendToAll = (message: Uint8Array, except: Peer | undefined | null): void => {
    for (const peer of peers) if (peer !== except) peer.send(message);
  };

  const flush = (): void => {
    if (queued.length === 0) return;
    const updates = queued;
    const origin = queuedOrigin;
    queued = [];
    queuedOrigin = undefined;
    if (updates.length === 1) {
      sendToAll(encodeSyncUpdate(updates[0]!), origin);
      return;
    }
    let merged: Uint8Array | null = null;
    try {
      merged = Y.mergeUpdates(updates);
    } catch {
      // Runs outside any request: never let it throw. Send them one by one instead.
    }
    if (merged) {
      sendToAll(encodeSyncUpdate(merged), origin);
      return;
    }
    for (const update of updates) sendToAll(encodeSyncUpdate(update), origin);
  };

  return {
    queueUpdate(update, origin) {
      queuedOrigin = queued.length === 0 || queuedOrigin === origin ? origin : null;
      queued.push(update);
      if (queued.length >= MAX_QUEUED_UPDATES) {
        flush();
        return;
      }
      if (isScheduled) return;
      isScheduled = true;
      setImmediate(() => {
        isScheduled = false;
        flush();
      });
    },
    sendNow(message, except) {
      flush();
      sendToAll(message, except);
    },
    flush,
  };
}
