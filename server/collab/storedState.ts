/**
 * A document's stored state as input to its `Y.Doc`: the parts in load order (the snapshot,
 * then the log), and applying them in one transaction. A long log is applied in slices
 * instead (`sliceLoad.ts`).
 */
import * as Y from 'yjs';
import type { Logger } from '../logger';
import type { DocState } from '../storage/types';

/**
 * Applies stored state in one transaction; a corrupt entry is skipped and logged, not fatal.
 * Deliberately not `Y.mergeUpdates`: merging is quadratic in the number of parts (5,000
 * one-character updates take ~0.9 s, 20,000 take ~8.7 s on the bench machine), while applying
 * them one by one inside a single transaction is linear (~0.27 s for 20,000). See
 * docs/PERFORMANCE.md, scenario (c).
 */
export function applyStored(input: {
  ydoc: Y.Doc;
  parts: Uint8Array[];
  logger: Logger;
  documentId: string;
  /** `LOAD_ORIGIN` when building the document; `RELAY_ORIGIN` when catching up with storage. */
  origin: symbol;
}): void {
  if (input.parts.length === 0) return;
  Y.transact(
    input.ydoc,
    () => {
      for (const part of input.parts) {
        try {
          Y.applyUpdate(input.ydoc, part, input.origin);
        } catch (error) {
          input.logger.error(
            { err: error, documentId: input.documentId },
            'skipping a corrupt stored update',
          );
        }
      }
    },
    input.origin,
  );
}

/** Stored state in load order: the snapshot, then the log. */
export function partsOf(state: DocState): Uint8Array[] {
  const updates = state.updates.map((u) => u.data);
  return state.snapshot ? [state.snapshot, ...updates] : updates;
}

/**
 * The state vector of a stored snapshot, read from its bytes without building a Y.Doc (~7 ms
 * for the 825 KB of bench (c), where building the Y.Doc takes 100–300 ms). Null if the bytes
 * are not a decodable update. Only for a snapshot: a raw log entry may hold structs that cannot
 * be integrated yet, which this vector would count as present.
 */
export function snapshotStateVector(snapshot: Uint8Array): Uint8Array | null {
  try {
    return Y.encodeStateVectorFromUpdate(snapshot);
  } catch {
    return null;
  }
}

/**
 * Whether `update` is byte for byte a stored snapshot's deletions as an update without
 * structs (`DocState.snapshotDeletes`): what a client holding exactly that snapshot answers
 * to its state vector. Yjs writes a delete set canonically (clients sorted, ranges merged),
 * so equal bytes mean equal deletions, and no structs means nothing past the vector.
 */
export function isSnapshotAnswer(
  update: Uint8Array,
  snapshotDeletes: Uint8Array | undefined,
): boolean {
  if (!snapshotDeletes) return false;
  return Buffer.from(update.buffer, update.byteOffset, update.byteLength).equals(snapshotDeletes);
}
