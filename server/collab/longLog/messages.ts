/**
 * What the main thread and the log-merge worker say to each other (`mergeInWorker.ts`,
 * `mergeWorker.ts`). Log entries travel packed: a chunk's entries back to back in one buffer
 * with their lengths, so 200,000 entries are ~100 messages, not 200,000 cloned views.
 */

/** Entries of the stored log in load order, packed. */
export interface PackedEntries {
  data: Uint8Array<ArrayBuffer>;
  lengths: Uint32Array<ArrayBuffer>;
}

export type ToMergeWorker =
  | { type: 'entries'; chunk: PackedEntries }
  /** Every entry was sent: merge what is left and answer `done`. */
  | { type: 'end' };

export type FromMergeWorker =
  /** One transaction's merged update; applying them all, in order, gives the state so far. */
  | { type: 'merged'; update: Uint8Array }
  /** An entry Yjs could not read; it was skipped, as a load on the main thread skips it. */
  | { type: 'corrupt'; message: string }
  /** The whole state as one update: what the merged updates add up to. */
  | { type: 'done'; snapshot: Uint8Array };
