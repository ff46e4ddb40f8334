/**
 * `doc:stored`: tells a document's clients what storage now holds (base64 of
 * `Y.encodeStateVector` of the stored state), so an editor can say "Saved" only when its own
 * edits are durable. A collab `store` hook emits to `doc:<id>` after each written batch or
 * compaction, at most once per `intervalMs` per document (the latest state always follows the
 * window); `sendTo` answers a fresh `presence:open`. See docs/COLLAB.md, "What 'Saved' means".
 */
import type { CollabHook } from '../collab/hooks';
import type { LiveDoc } from '../collab/liveDoc';
import { createDurableVector } from '../collab/durableVector';
import type { Storage } from '../storage/types';
import type { Broadcaster } from './broadcaster';
import type { RealtimeSocket } from './types';

/** Default throttle window: at most ~4 notices per second per document. */
export const STORED_NOTICE_INTERVAL_MS = 250;

/** The collab hook that broadcasts `doc:stored`, and the per-socket answer to `presence:open`. */
export interface StoredNotices {
  readonly hook: CollabHook;
  /** Sends the document's current stored state to one socket (it just opened the document). */
  sendTo(socket: RealtimeSocket, documentId: string): Promise<void>;
}

interface Pending {
  lastSentAt: number;
  timer: NodeJS.Timeout | null;
  doc: LiveDoc;
}

const toBase64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');

/** Builds the notices of one server (see the module comment). */
export function createStoredNotices(input: {
  broadcaster: Broadcaster;
  storage: Storage;
  /** The live copy of a document on this process, if any (its persistence knows what is stored). */
  liveDoc: (documentId: string) => LiveDoc | undefined;
  intervalMs?: number;
  /**
   * True when no other process shares the rooms (no Redis): a notice for a document no socket
   * of this process has open is then skipped, not encoded and emitted to no one (1,000 open
   * documents write ~200 batches a second, most with no page open on them). A page that opens
   * the document later asks with `presence:open` and gets the state then (`sendTo`).
   */
  isAlone?: boolean;
}): StoredNotices {
  const intervalMs = input.intervalMs ?? STORED_NOTICE_INTERVAL_MS;
  const byDocument = new Map<string, Pending>();

  const send = (entry: Pending): void => {
    entry.timer = null;
    entry.lastSentAt = Date.now();
    const { documentId } = entry.doc;
    if (input.isAlone && !input.broadcaster.hasLocalDocumentSockets(documentId)) return;
    // Encoded when sent, not when stored: a throttled notice carries the newest state.
    const stateVector = toBase64(entry.doc.persistence.storedStateVector());
    input.broadcaster.toDocument(documentId).emit('doc:stored', { documentId, stateVector });
  };

  const hook: CollabHook = {
    name: 'stored-notices',
    onStore({ doc }) {
      let entry = byDocument.get(doc.documentId);
      if (!entry) {
        entry = { lastSentAt: -Infinity, timer: null, doc };
        byDocument.set(doc.documentId, entry);
      }
      if (entry.timer) return; // the pending notice will carry this write too
      const wait = entry.lastSentAt + intervalMs - Date.now();
      if (wait <= 0) {
        send(entry);
        return;
      }
      const scheduled = entry;
      scheduled.timer = setTimeout(() => send(scheduled), wait);
    },
    // Runs after the persistence hook's final compaction: the last state goes out now.
    onUnload({ doc }) {
      const entry = byDocument.get(doc.documentId);
      if (!entry) return;
      byDocument.delete(doc.documentId);
      if (entry.timer) {
        clearTimeout(entry.timer);
        send(entry);
      }
    },
  };

  return {
    hook,
    async sendTo(socket, documentId) {
      const live = input.liveDoc(documentId);
      let vector: Uint8Array;
      if (live) {
        vector = live.persistence.storedStateVector();
      } else {
        // Nobody has it open on this process: storage is the truth (rare; the editor's collab
        // connection usually loads the document at the same moment).
        const state = await input.storage.loadDocState({ documentId });
        const parts = state.snapshot ? [state.snapshot] : [];
        for (const update of state.updates) parts.push(update.data);
        vector = createDurableVector(parts).encode();
      }
      socket.emit('doc:stored', { documentId, stateVector: toBase64(vector) });
    },
  };
}
