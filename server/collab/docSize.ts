/**
 * The size of one live document, kept current as it changes, for the `maxDocBytes` cap.
 *
 * Measuring exactly means encoding the whole document (about 0.5 s for 10 MiB of typed text),
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
        const existedBefore = struct.id.clock < (transaction.beforeState.get(struct.id.client) ?? 0);
        if (existedBefore && struct instanceof Y.Item) freed += contentBytes(struct.content);
      });
      estimate = Math.max(0, estimate - freed);
    },
    rebase(exactBytes) {
      estimate = exactBytes;
    },
  };
}

/** A lower bound of the bytes an item's content takes in an encoded document. */
function contentBytes(content: Y.Item['content']): number {
  if (content instanceof Y.ContentString) return content.str.length;
  if (content instanceof Y.ContentBinary) return content.content.byteLength;
  if (content instanceof Y.ContentAny) return JSON.stringify(content.arr).length;
  return 0;
}
