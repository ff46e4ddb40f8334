/**
 * Loading a long stored log without stalling the process. A document whose log was never
 * compacted (200,000 one-keystroke entries after a crash or an import) used to be applied in
 * one synchronous pass: seconds during which no other document's traffic moved. Here the log
 * is cut into slices; each slice is merged (`Y.mergeUpdates`, cheap for a few hundred small
 * consecutive updates) and applied as one update, and the event loop gets a turn after every
 * ~`SLICE_BUDGET_MS` of work. Merging a slice first is also ~3× faster than applying its
 * entries one by one (fewer transactions and struct splits), see docs/PERFORMANCE.md (c).
 * A slice that will not merge or apply (a corrupt entry) is applied entry by entry, skipping
 * the corrupt one, as the one-pass load does.
 */
import * as Y from 'yjs';

/** Stored parts from which on a load is applied in slices (below: one synchronous pass). */
export const LONG_LOG_PARTS = 2_000;
/** Entries merged into one update. Measured best among 100–1,000 for one-keystroke entries. */
const SLICE_PARTS = 250;
/** Work done between two yields to the event loop (a slice is never cut). */
const SLICE_BUDGET_MS = 15;

/** Lets timers and I/O of other documents run before the next slice. */
const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Applies `parts` (in load order) to `ydoc` in merged slices, yielding between them. */
export async function applyStoredInSlices(input: {
  ydoc: Y.Doc;
  parts: readonly Uint8Array[];
  origin: symbol;
  onCorruptPart: (error: unknown) => void;
}): Promise<void> {
  const { parts } = input;
  let index = 0;
  while (index < parts.length) {
    const startedAt = performance.now();
    while (index < parts.length && performance.now() - startedAt < SLICE_BUDGET_MS) {
      const slice = parts.slice(index, index + SLICE_PARTS);
      index += slice.length;
      applySlice({ ...input, slice });
    }
    if (index < parts.length) await yieldToEventLoop();
  }
}

function applySlice(input: {
  ydoc: Y.Doc;
  slice: readonly Uint8Array[];
  origin: symbol;
  onCorruptPart: (error: unknown) => void;
}): void {
  const { ydoc, slice, origin } = input;
  try {
    Y.applyUpdate(ydoc, Y.mergeUpdates([...slice]), origin);
    return;
  } catch {
    // Fall through: entry by entry (Yjs updates are idempotent, so a half-applied merge is harmless).
  }
  Y.transact(
    ydoc,
    () => {
      for (const part of slice) {
        try {
          Y.applyUpdate(ydoc, part, origin);
        } catch (error) {
          input.onCorruptPart(error);
        }
      }
    },
    origin,
  );
}
