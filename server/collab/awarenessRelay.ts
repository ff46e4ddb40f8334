/**
 * Coalesced fan-out of a document's awareness. Relaying every awareness frame to every peer
 * costs N² frames when N people type at once (each editor re-announces its caret on every
 * remote change; issue 9). Instead, the ids changed during a window of `windowMs` are collected
 * and each peer gets one frame per window holding the newest state of each of them. The first
 * change after a quiet window goes out at once (end of the event-loop turn), so a lone caret
 * move is not delayed; further changes wait for the window to end.
 */
import * as awarenessProtocol from 'y-protocols/awareness';
import { encodeAwarenessMessage } from './protocol';

/** What the relay needs from a connection. */
export interface RelayPeer {
  send(message: Uint8Array): void;
}

/** Per-document awareness relay. */
export interface AwarenessRelay {
  /** Sends what is pending now (before an unload, or in tests). */
  flush(): void;
  /** Stops listening and drops what is pending. */
  dispose(): void;
}

/**
 * Listens to `awareness` updates. `origin` of an update is the peer it came from (or anything
 * else for the server's own removals); a peer is not sent back the entries it changed itself.
 * `beforeSend` runs before each flush so queued document updates reach peers first (a caret
 * refers to text that must already be there).
 */
export function createAwarenessRelay<Peer extends RelayPeer>(input: {
  awareness: awarenessProtocol.Awareness;
  peers: ReadonlySet<Peer>;
  windowMs: number;
  beforeSend: () => void;
}): AwarenessRelay {
  const { awareness, peers } = input;
  /** Changed client id → the peer that made its latest change (undefined: the server). */
  const pending = new Map<number, Peer | undefined>();
  let timer: ReturnType<typeof setTimeout> | null = null;
  let lastFlushAt = -Infinity;

  const encode = (clientIds: number[]): Uint8Array =>
    encodeAwarenessMessage(awarenessProtocol.encodeAwarenessUpdate(awareness, clientIds));

  const flush = (): void => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (pending.size === 0) return;
    lastFlushAt = performance.now();
    // Ids never seen have no clock to send (cannot happen for an update event; be safe).
    const changed = [...pending].filter(([clientId]) => awareness.meta.has(clientId));
    pending.clear();
    if (changed.length === 0) return;
    input.beforeSend();
    let shared: Uint8Array | null = null;
    for (const peer of peers) {
      const others = changed.filter(([, origin]) => origin !== peer);
      if (others.length === 0) continue;
      if (others.length === changed.length) {
        shared ??= encode(changed.map(([clientId]) => clientId));
        peer.send(shared);
      } else {
        peer.send(encode(others.map(([clientId]) => clientId)));
      }
    }
  };

  const onUpdate = (
    changes: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const peer = peers.has(origin as Peer) ? (origin as Peer) : undefined;
    for (const clientId of changes.added.concat(changes.updated, changes.removed)) {
      pending.set(clientId, peer);
    }
    if (timer || pending.size === 0) return;
    const wait = Math.max(0, lastFlushAt + input.windowMs - performance.now());
    timer = setTimeout(flush, wait);
  };
  awareness.on('update', onUpdate);

  return {
    flush,
    dispose() {
      awareness.off('update', onUpdate);
      if (timer) clearTimeout(timer);
      timer = null;
      pending.clear();
    },
  };
}
