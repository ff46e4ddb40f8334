/**
 * Loading a long stored log without stalling the process. A document whose log was never
 * compacted (200,000 one-keystroke entries after a crash or an import) used to be applied in
 * one synchronous pass: seconds during which no other document's traffic moved. Here the log
 * is applied in chunks, each chunk's entries one by one inside one Yjs transaction, and the
 * event loop gets a turn after every ~`SLICE_BUDGET_MS` of work.
 *
 * Chunking is also what makes the load fast. At the end of a transaction Yjs merges the
 * structs it touched with their left neighbours, splicing the client's struct array once per
 * run of merged structs: in one transaction over the whole log that array holds every
 * keystroke unmerged (200,000 entries), so each splice is long and the clean-up dominates.
 * A chunk's clean-up works on an array already merged by the chunks before it. Measured on
 * 200,000 one-keystroke entries (docs/PERFORMANCE.md, (c)): one transaction ≈ 1.5 s,
 * chunks of 2,000 ≈ 0.8 s; `Y.mergeUpdates` slices of 250 then one apply each ≈ 1.4–2.2 s.
 * A corrupt entry is skipped (reported), as the one-pass load does.
 */
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import * as Y from 'yjs';

/** Stored parts from which on a load is applied in chunks (below: one synchronous pass). */
export const LONG_LOG_PARTS = 2_000;
/** Entries applied in one transaction. Measured best among 100–20,000 for one-keystroke entries. */
const CHUNK_PARTS = 2_000;
/**
 * The first chunk's entries, while the code is cold (2,000 cold entries took ~60 ms). A chunk
 * doubles (up to `CHUNK_PARTS`) while the one before it ran within `SLICE_BUDGET_MS`.
 */
const FIRST_CHUNK_PARTS = 250;
/** Work done between two yields to the event loop (a chunk is never cut). */
const SLICE_BUDGET_MS = 15;

/** Applies `parts` (in load order) to `ydoc` in chunks, yielding between them. */
export async function applyStoredInSlices(input: {
  ydoc: Y.Doc;
  parts: readonly Uint8Array[];
  origin: symbol;
  onCorruptPart: (error: unknown) => void;
  /** Milliseconds for the budget; `performance.now` unless a test drives the time. */
  now?: () => number;
}): Promise<void> {
  const { parts } = input;
  const clock = input.now ?? (() => performance.now());
  let index = 0;
  // Cold code runs a chunk several times slower than warm: the first chunks are small.
  let chunkParts = FIRST_CHUNK_PARTS;
  // The read of the log ended this turn; the first slice gets a turn of its own too.
  await yieldToEventLoop();
  while (index < parts.length) {
    // One clock reading per chunk: the end of one chunk is the start of the next.
    const startedAt = clock();
    let now = startedAt;
    while (index < parts.length && now - startedAt < SLICE_BUDGET_MS) {
      const chunkStartedAt = now;
      const end = Math.min(index + chunkParts, parts.length);
      applyChunk({ ...input, from: index, to: end });
      now = clock();
      if (now - chunkStartedAt <= SLICE_BUDGET_MS) {
        chunkParts = Math.min(chunkParts * 2, CHUNK_PARTS);
      }
      index = end;
    }
    if (index < parts.length) await yieldToEventLoop();
  }
}

function applyChunk(input: {
  ydoc: Y.Doc;
  parts: readonly Uint8Array[];
  from: number;
  to: number;
  origin: symbol;
  onCorruptPart: (error: unknown) => void;
}): void {
  const { ydoc, parts, origin } = input;
  Y.transact(
    ydoc,
    () => {
      for (let i = input.from; i < input.to; i += 1) {
        try {
          Y.applyUpdate(ydoc, parts[i] as Uint8Array, origin);
        } catch (error) {
          input.onCorruptPart(error);
        }
      }
    },
    origin,
  );
}
