/** The storage port for the Yjs state of documents: update log, snapshot, compaction. */

/** One entry of a document's Yjs update log. `seq` increases per document. */
export interface DocUpdate {
  seq: number;
  data: Uint8Array;
}

/**
 * What may be stored beside a snapshot (`compactDoc`) and comes back with it (`loadDocState`),
 * describing the document the snapshot was encoded from. Absent for a snapshot written
 * without it.
 */
export interface SnapshotMeta {
  /**
   * The snapshot's state vector, when it was stored with one (`compactDoc`): what a loader
   * would otherwise parse the whole snapshot for (~50–140 ms for 825 KB) before the first
   * client can be asked for its changes.
   */
  snapshotVector?: Uint8Array;
  /**
   * The snapshot's deletions as an update without structs, stored with it like
   * `snapshotVector`: exactly what a client holding the snapshot answers to that vector, so
   * such an answer can be recognised without building the document.
   */
  snapshotDeletes?: Uint8Array;
}

/** What a document needs to be loaded: the newest snapshot and the updates after it. */
export interface DocState extends SnapshotMeta {
  snapshot: Uint8Array | null;
  updates: DocUpdate[];
}

/** Updates for one document's log, as one entry of `appendDocUpdatesBatch`. */
export interface DocUpdateBatch {
  documentId: string;
  updates: Uint8Array[];
}

/**
 * The outcome of one document's entry in `appendDocUpdatesBatch`: its seqs, or the error that
 * refused it (e.g. `NotFoundError` `reference_not_found` for a purged document).
 */
export type DocUpdateBatchResult =
  { isStored: true; seqs: number[] } | { isStored: false; error: unknown };

/** The Yjs state of documents (`sqlite/docUpdates.ts`, `mongo/docUpdates.ts`). */
export interface DocUpdateMethods {
  /**
   * Appends updates to the document's log in one write; returns the seq of each (increasing).
   * A document that does not exist (never created, or purged) is refused with
   * `NotFoundError` `reference_not_found`, and nothing is written.
   */
  appendDocUpdates(input: { documentId: string; updates: Uint8Array[] }): Promise<number[]>;
  /**
   * Group commit: appends the updates of several documents in one write (one SQLite
   * transaction, one MongoDB bulk insert). Results are per document, in input order: a
   * document refused (missing or purged) gets its error and nothing written for it, while the
   * others are stored. When it resolves, every `isStored` entry is durable as after
   * `appendDocUpdates`. Rejects only when the write as a whole failed (nothing is known stored).
   */
  appendDocUpdatesBatch(input: { batches: DocUpdateBatch[] }): Promise<DocUpdateBatchResult[]>;
  /** A missing (or purged) document has an empty state: no snapshot, no updates. */
  loadDocState(input: { documentId: string }): Promise<DocState>;
  /**
   * Stores `snapshot` as the document's newest snapshot, then deletes log entries with
   * `seq <= upToSeq`. Safe at any crash point: Yjs updates are idempotent. A snapshot with
   * a higher `upToSeq` is never replaced by an older one (a late compaction loses nothing).
   * A document that does not exist is refused like `appendDocUpdates`. `snapshotVector` and
   * `snapshotDeletes`, if given, are stored with the snapshot (replaced or dropped with it) and
   * returned with it by `loadDocState`; they must describe the document the snapshot was
   * encoded from.
   */
  compactDoc(
    input: { documentId: string; snapshot: Uint8Array; upToSeq: number } & SnapshotMeta,
  ): Promise<void>;
  /** Number of updates in the log (for compaction decisions and tests); 0 when missing. */
  countDocUpdates(input: { documentId: string }): Promise<number>;
}
