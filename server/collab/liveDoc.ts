/**
 * One open document: its Y.Doc, its awareness, its connections, and the wiring that turns
 * every applied change into one queued broadcast (the core) and one synchronous `change` run
 * of the collab hooks (`hooks.ts`: persistence queues a log entry, derived data notes the
 * change), with the change's typed origin. Nothing here awaits storage.
 */
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { CLOSE_REASONS } from '../../shared/closeCodes';
import type { Logger } from '../logger';
import type { Storage } from '../storage/types';
import {
  createAwarenessGate,
  type AwarenessAdmission,
  type AwarenessSpeaker,
} from './awarenessGate';
import { createAwarenessRelay } from './awarenessRelay';
import { detachAwarenessTimer } from './awarenessSweep';
import { createDerivedSync, type DerivedSync } from './derivedSync';
import type { DerivedWrites } from './derivedWrites';
import { applyStoredInSlices, LONG_LOG_PARTS } from './sliceLoad';
import { applyStored, isSnapshotAnswer, partsOf, snapshotStateVector } from './storedState';
import {
  changeOriginOf,
  LOAD_ORIGIN,
  ORIGIN_SYMBOLS,
  REFUSED_ORIGIN,
  RELAY_ORIGIN,
  SERVER_ORIGIN,
} from './changeOrigins';
import { createBroadcaster } from './broadcaster';
import { bytesFreedBy, createDocSize } from './docSize';
import type { GroupCommit } from './groupCommit';
import type { HookRunner, ServerChangeOrigin } from './hooks';
import type { CollabOptions } from './options';
import { createDocPersistence, type DocPersistence } from './persistence';
import { assertDecodableUpdate, encodeIntegratedState, type AwarenessEntry } from './protocol';
import { applyAndRevert, judgeSuggestOnlyUpdate, type SuggestVerdict } from './suggestGuard';
import {
  assertAllowedRootTypes,
  isDeletionOnly,
  isFormattingOnly,
  staysInEditor,
  type DecodedUpdate,
} from './updateGuard';

/** What a live document needs from a connection (implemented in `connection.ts`). */
export interface DocPeer extends AwarenessSpeaker {
  send(message: Uint8Array): void;
}

/** Thrown when applying an update would take the document over `maxDocBytes` (→ 4413). */
export class DocTooLargeError extends Error {
  constructor() {
    super(CLOSE_REASONS.documentTooLarge);
  }
}

/**
 * After a refusal, the exact size is re-measured (by compacting, which encodes the whole
 * document) at most this often per document: encoding 10 MiB takes hundreds of ms, and a
 * refused writer can reconnect and try again at once.
 */
const REMEASURE_INTERVAL_MS = 10_000;

/** What `applyUpdate` accepts as origin: a connection, or the server's own origins. */
export type ApplyOrigin = DocPeer | (typeof ORIGIN_SYMBOLS)[ServerChangeOrigin];

export interface LiveDoc {
  readonly documentId: string;
  readonly workspaceId: string;
  readonly ydoc: Y.Doc;
  readonly awareness: awarenessProtocol.Awareness;
  readonly peers: Set<DocPeer>;
  readonly persistence: DocPersistence;
  readonly derived: DerivedSync;
  /**
   * The stored state as one update, while the Y.Doc is not built yet (the document was just
   * loaded and its stored state is a single entry, e.g. one compacted snapshot). Sent as is to
   * new clients, so they apply it while the server builds its own copy. Null afterwards.
   */
  coldState(): Uint8Array | null;
  /** Builds the Y.Doc from the stored state now (reading `ydoc` does it too). Idempotent. */
  hydrate(): void;
  isHydrated(): boolean;
  /**
   * State vector of the stored state (what a cold-state receiver has): while the Y.Doc is not
   * built, the one stored with the snapshot (or parsed from it), so sync step 1 to a cold-state
   * client does not build it.
   */
  storedStateVector(): Uint8Array | null;
  /**
   * Validates, checks and applies an update. Throws ProtocolError (undecodable, or a client
   * writing into a top-level type the editor does not use: `ForeignRootTypeError`) or
   * DocTooLargeError (it would grow the document over the cap; deletions always pass).
   */
  applyUpdate(update: Uint8Array, origin: ApplyOrigin): void;
  /**
   * `applyUpdate` for a suggest-only connection (`suggestGuard.ts`): applied when it only
   * changes the sender's own suggestions. Otherwise it is refused, and the sender's copy heals:
   * the update is applied and at once reverted by a server change (Yjs cannot take back what a
   * client already has, but it can undo it), so every copy ends with the text as it was.
   */
  applySuggestOnlyUpdate(update: Uint8Array, peer: DocPeer): SuggestVerdict;
  /**
   * Runs `apply` on the Y.Doc in one transaction with `origin` (a server change: trusted, not
   * checked against the size cap or the allowed root types). Connected peers receive it at
   * the end of this event-loop turn; hooks see it as one change.
   */
  change(apply: (ydoc: Y.Doc) => void, origin: ServerChangeOrigin): void;
  /** Sends `message` to every peer except `except`. */
  broadcast(message: Uint8Array, except?: DocPeer): void;
  addPeer(peer: DocPeer): void;
  removePeer(peer: DocPeer): void;
  /**
   * Applies the awareness entries `peer` sent, as far as `awarenessGate.ts` lets it speak for
   * them (its own client ids, identity from its account, size caps). A reconnecting browser
   * keeps its client id: the newest connection of that account speaking for it owns it, so
   * closing a stale connection never removes a live one's presence, and closing the live one
   * does. Returns what was dropped, for the connection's debug log.
   */
  applyAwareness(peer: DocPeer, entries: readonly AwarenessEntry[]): AwarenessAdmission['dropped'];
  /** Estimated encoded size (see `docSize.ts`), checked against the cap. */
  estimatedBytes(): number;
  /** Runs the `unload` hooks (derived fields written, log compacted), then frees the Y.Doc. */
  unload(): Promise<void>;
}

/** Loads a document from storage (snapshot + later updates) and wires it up. */
export async function loadLiveDoc(input: {
  documentId: string;
  storage: Storage;
  logger: Logger;
  options: CollabOptions;
  hooks: HookRunner;
  groupCommit: GroupCommit;
  derivedWrites: DerivedWrites;
}): Promise<LiveDoc> {
  const { documentId, storage, logger, options, hooks } = input;
  const [state, record] = await Promise.all([
    storage.loadDocState({ documentId }),
    storage.getDocument({ id: documentId }),
  ]);
  if (!record) throw new Error(`document ${documentId} does not exist`);
  const ydoc = new Y.Doc({ gc: true });
  const parts = partsOf(state);
  const size = createDocSize(parts.reduce((sum, part) => sum + part.byteLength, 0));
  const allowedRoots: ReadonlySet<string> = new Set(options.allowedRootTypes);
  // Building the Y.Doc of a large document takes a few hundred ms; it is deferred until needed
  // so the first clients can already be applying the stored state meanwhile (see coldState).
  let pendingParts: Uint8Array[] | null = parts;
  let storedStateVector: Uint8Array | null = null;
  const isSnapshotOnly = state.snapshot !== null && state.updates.length === 0;
  // Stored with the snapshot since migration 20; parsed from it for an older one.
  const snapshotVector = isSnapshotOnly ? state.snapshotVector : undefined;
  const snapshotDeletes = isSnapshotOnly ? state.snapshotDeletes : undefined;
  /**
   * Whether `update` is what a client holding exactly the stored snapshot answers to the
   * server's step 1 (its deletions, no structs: the encoding is canonical). It changes
   * nothing, so it is no reason to build the Y.Doc: a reader costs no stall and no memory.
   */
  const holdsNothingNew = (update: Uint8Array): boolean =>
    pendingParts !== null && isSnapshotAnswer(update, snapshotDeletes);
  // A long log is applied in slices before the document is served (`sliceLoad.ts`), so other
  // documents' traffic keeps moving; its stored vector is then the Y.Doc's, read right after.
  const isLongLog = parts.length >= LONG_LOG_PARTS;
  let loadedClocks: ReadonlyMap<number, number> = new Map();
  const hydrate = (): void => {
    if (!pendingParts) return;
    const stored = pendingParts;
    pendingParts = null;
    applyStored({ ydoc, parts: stored, logger, documentId, origin: LOAD_ORIGIN });
    storedStateVector = Y.encodeStateVector(ydoc);
  };

  const persistence = createDocPersistence({
    documentId,
    encodeSnapshot: () => {
      hydrate();
      const snapshot = encodeIntegratedState(ydoc);
      // Measured when encoded, not when written: changes applied during the write count on top.
      size.rebase(snapshot.byteLength);
      const vector = Y.encodeStateVector(ydoc);
      return { snapshot, vector, deletes: encodeIntegratedState(ydoc, vector) };
    },
    storage,
    groupCommit: input.groupCommit,
    logger,
    flushDelayMs: options.flushDelayMs,
    flushMaxBatch: options.flushMaxBatch,
    compactAfterUpdates: options.compactAfterUpdates,
    loadedLogCompactDelayMs: options.loadedLogCompactDelayMs,
    initialLogSize: state.updates.length,
    initialLastSeq: state.updates.reduce((max, u) => Math.max(max, u.seq), 0),
    ...(options.isLogShared
      ? {
          catchUpWithStorage: async () => {
            const stored = await storage.loadDocState({ documentId });
            hydrate();
            // Another process's entries: local peers may lack them; they are stored already.
            applyStored({ ydoc, parts: partsOf(stored), logger, documentId, origin: RELAY_ORIGIN });
            return stored.updates.reduce((max, u) => Math.max(max, u.seq), 0);
          },
        }
      : {}),
    ...(isLongLog
      ? { initialClocks: () => loadedClocks }
      : snapshotVector
        ? { initialClocks: () => Y.decodeStateVector(snapshotVector) }
        : { initialParts: parts }),
    onStored: (count) => hooks.store({ doc: live, count }),
  });
  const derived = createDerivedSync({
    documentId,
    ydoc,
    writes: input.derivedWrites,
    logger,
    debounceMs: options.derivedDebounceMs,
    initialLastEditorIds: record.lastEditorIds,
  });
  const awareness = new awarenessProtocol.Awareness(ydoc);
  awareness.setLocalState(null);
  detachAwarenessTimer(awareness); // one sweep for every document: `awarenessSweep.ts`
  const peers = new Set<DocPeer>();

  const broadcaster = createBroadcaster(peers);
  const broadcast = (message: Uint8Array, except?: DocPeer): void =>
    broadcaster.sendNow(message, except);

  /**
   * True while applying an update on top of pending (not yet integrable) structs or deletes:
   * the resulting change may then include pending parts from others, so even its sender
   * must receive it.
   */
  let isOverPending = false;

  ydoc.on('afterTransaction', (transaction: Y.Transaction) => {
    if (transaction.origin !== LOAD_ORIGIN) size.noteTransaction(transaction);
  });

  let lastRemeasureAt = -Infinity;
  /**
   * Refuses an update that would grow the document over the cap (see docs/COLLAB.md). Never
   * refused: pure deletions, and changes that free at least as many bytes as they bring.
   */
  const assertFitsSizeCap = (decoded: DecodedUpdate, updateBytes: number): void => {
    if (isDeletionOnly(decoded)) return;
    const grace = isFormattingOnly(decoded) ? options.formattingGraceBytes : 0;
    if (size.bytes() + updateBytes <= options.maxDocBytes + grace) return;
    const growth = updateBytes - bytesFreedBy(decoded.ds, ydoc);
    if (growth <= 0 || size.bytes() + growth <= options.maxDocBytes + grace) return;
    // The estimate errs high: have compaction measure exactly, so a later try may fit.
    const now = performance.now();
    if (now - lastRemeasureAt >= REMEASURE_INTERVAL_MS && persistence.logSize() > 0) {
      lastRemeasureAt = now;
      void persistence.compact();
    }
    throw new DocTooLargeError();
  };

  const awarenessGate = createAwarenessGate({ serverClientId: awareness.clientID });
  const awarenessRelay = createAwarenessRelay({
    awareness,
    peers,
    windowMs: options.awarenessWindowMs,
    beforeSend: () => broadcaster.flush(),
  });

  /** Decodes and checks an update (size cap; allowed root types for clients' updates). */
  const checkIncoming = (update: Uint8Array, origin: ApplyOrigin): DecodedUpdate => {
    const decoded = assertDecodableUpdate(update);
    hydrate();
    assertFitsSizeCap(decoded, update.byteLength);
    // The server's own and relayed changes are trusted (checked where they entered); clients' are checked.
    if (origin !== SERVER_ORIGIN && origin !== RELAY_ORIGIN) {
      assertAllowedRootTypes({ decoded, doc: ydoc, allowedRoots });
    }
    return decoded;
  };

  const integrate = (update: Uint8Array, origin: ApplyOrigin | typeof REFUSED_ORIGIN): void => {
    isOverPending = ydoc.store.pendingStructs !== null || ydoc.store.pendingDs !== null;
    try {
      Y.applyUpdate(ydoc, update, origin);
    } finally {
      isOverPending = false;
    }
  };

  const live: LiveDoc = {
    documentId,
    workspaceId: record.workspaceId,
    get ydoc() {
      hydrate();
      return ydoc;
    },
    coldState: () => (pendingParts && pendingParts.length === 1 ? pendingParts[0]! : null),
    hydrate,
    isHydrated: () => pendingParts === null,
    storedStateVector() {
      if (!storedStateVector && pendingParts && isSnapshotOnly) {
        storedStateVector = snapshotVector ?? snapshotStateVector(pendingParts[0]!);
      }
      return storedStateVector;
    },
    awareness,
    peers,
    persistence,
    derived,
    applyUpdate(update, origin) {
      if (holdsNothingNew(update)) return;
      checkIncoming(update, origin);
      integrate(update, origin);
    },
    applySuggestOnlyUpdate(update, peer) {
      if (holdsNothingNew(update)) return 'accept';
      const decoded = checkIncoming(update, peer);
      const verdict = staysInEditor(decoded, ydoc)
        ? judgeSuggestOnlyUpdate({ ydoc, update, userId: peer.userId })
        : 'drop';
      if (verdict === 'accept') integrate(update, peer);
      if (verdict === 'refuse') {
        applyAndRevert({
          ydoc,
          apply: () => integrate(update, REFUSED_ORIGIN),
          origins: { refused: REFUSED_ORIGIN, revert: SERVER_ORIGIN },
        });
      }
      return verdict;
    },
    change(apply, origin) {
      hydrate();
      ydoc.transact(() => apply(ydoc), ORIGIN_SYMBOLS[origin]);
    },
    broadcast,
    addPeer(peer) {
      peers.add(peer);
    },
    applyAwareness(peer, entries) {
      const { update, dropped } = awarenessGate.admit(peer, entries);
      if (update) awarenessProtocol.applyAwarenessUpdate(awareness, update, peer);
      return dropped;
    },
    removePeer(peer) {
      if (!peers.delete(peer)) return;
      const held = awarenessGate.release(peer);
      if (held.length > 0) awarenessProtocol.removeAwarenessStates(awareness, held, null);
    },
    estimatedBytes: () => size.bytes(),
    async unload() {
      awarenessRelay.dispose();
      broadcaster.flush();
      await hooks.unload({ doc: live });
      derived.dispose();
      persistence.dispose();
      awareness.destroy();
      ydoc.destroy();
    },
  };

  // The hot path: one broadcast queued and one synchronous hook run per applied transaction.
  ydoc.on('update', (update: Uint8Array, origin: unknown) => {
    const kind = changeOriginOf(origin);
    if (kind === 'load') {
      hooks.change({ doc: live, update, origin: kind, userId: null });
      return;
    }
    const peer = isPeer(origin, peers) ? origin : undefined;
    broadcaster.queueUpdate(update, isOverPending ? undefined : peer);
    size.noteUpdate(update.byteLength);
    hooks.change({ doc: live, update, origin: kind, userId: peer ? peer.userId : null });
  });

  if (isLongLog && pendingParts) {
    const stored = pendingParts;
    pendingParts = null;
    await applyStoredInSlices({
      ydoc,
      parts: stored,
      origin: LOAD_ORIGIN,
      onCorruptPart: (error) =>
        logger.error({ err: error, documentId }, 'skipping a corrupt stored update'),
    });
    storedStateVector = Y.encodeStateVector(ydoc);
    loadedClocks = Y.decodeStateVector(storedStateVector);
  }
  // A log longer than the compaction threshold (e.g. after a crash) is merged in the background
  // right after the first answers (`compactSoon`), so the next cold open is one snapshot.
  if (state.updates.length >= options.compactAfterUpdates) persistence.compactSoon();

  return live;
}

function isPeer(origin: unknown, peers: Set<DocPeer>): origin is DocPeer {
  return typeof origin === 'object' && origin !== null && peers.has(origin as DocPeer);
}
