/**
 * The size of one live document, kept current as it changes, for the `maxDocBytes` cap.
 *
 * Measuring exactly means encoding the whole document (hundreds of milliseconds for 10 MiB of typed text),
 * so the size is measured exactly only when a snapshot is encoded anyway (load, compaction) and
 * followed in between: each applied change adds its encoded bytes, and each deletion subtracts
 * the content it removed (with garbage collection on, a deleted item keeps only its length).
 * Both sides err high (a change's own encoding is at least what it adds to a snapshot;
 * only string, binary and JSON content counts as freed), so the estimate never lets a document
 * grow past the cap, while deleting text visibly makes room for new text at once instead of
 * only at the next compaction.
 */
import * as Y from 'yjs';

/** The running size estimate of one document. */
export interface DocSize {
  /** Current estimate in bytes. */
  bytes(): number;
  /** An applied change (its encoded bytes) grew the document. */
  noteUpdate(updateBytes: number): void;
  /** After a transaction: content that existed before it and was deleted by it is freed. */
  noteTransaction(transaction: Y.Transaction): void;
  /** The exact size, measured from a freshly encoded snapshot. */
  rebase(exactBytes: number): void;
}

/** Starts tracking from `initialBytes` (the stored parts' total: an upper bound). */
export function createDocSize(initialBytes: number): DocSize {
  let estimate = initialBytes;
  return {
    bytes: () => estimate,
    noteUpdate(updateBytes) {
      estimate += updateBytes;
    },
    noteTransaction(transaction) {
      if (transaction.deleteSet.clients.size === 0) return;
      let freed = 0;
      Y.iterateDeletedStructs(transaction, transaction.deleteSet, (struct) => {
        // Items made and deleted in this same transaction were never counted as added.
        const existedBefore =
          struct.id.clock < (transaction.beforeState.get(struct.id.client) ?? 0);
        if (existedBefore && struct instanceof Y.Item) freed += contentBytes(struct.content);
      });
      estimate = Math.max(0, estimate - freed);
    },
    rebase(exactBytes) {
      estimate = exactBytes;
    },
  };
}

/**
 * The content bytes an update's delete set would free in `doc`, before it is applied: what
 * the same deletion will subtract once applied (already deleted items count zero). Lets the
 * cap accept a change that adds less than it removes, e.g. a reconnecting client's offline
 * edits: a refused keystroke plus the deletions made afterwards to make room.
 */
export function bytesFreedBy(
  deleteSet: { clients: Map<number, Array<{ clock: number; len: number }>> },
  doc: Y.Doc,
): number {
  let freed = 0;
  for (const [client, ranges] of deleteSet.clients) {
    const structs = doc.store.clients.get(client);
    const last = structs?.[structs.length - 1];
    if (!structs || !last) continue;
    const storeEnd = last.id.clock + last.length;
    for (const { clock, len } of ranges) {
      if (clock >= storeEnd) continue;
      const rangeEnd = clock + len;
      for (let index = Y.findIndexSS(structs, clock); index < structs.length; index++) {
        const struct = structs[index]!;
        if (struct.id.clock >= rangeEnd) break;
        if (!(struct instanceof Y.Item) || struct.deleted) continue;
        const structEnd = struct.id.clock + struct.length;
        const overlap = Math.min(rangeEnd, structEnd) - Math.max(clock, struct.id.clock);
        if (overlap === struct.length) freed += contentBytes(struct.content);
        // Part of a string: one clock step is one UTF-16 unit, at least one byte.
        else if (struct.content instanceof Y.ContentString) freed += overlap;
      }
    }
  }
  return freed;
}

/** A lower bound of the bytes an item's content takes in an encoded document. */
function contentBytes(content: Y.Item['content']): number {
  if (content instanceof Y.ContentString) return content.str.length;
  if (content instanceof Y.ContentBinary) return content.content.byteLength;
  if (content instanceof Y.ContentAny) return JSON.stringify(content.arr).length;
  return 0;
}
