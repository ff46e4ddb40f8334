/**
 * Loading a document whose stored log is long (a never-compacted editing life, a crash, an
 * import): merged on a worker thread (`mergeInWorker.ts`), the main thread applying the merged
 * updates as they arrive; if no worker can run, applied on the main thread in slices
 * (`sliceLoad.ts`). Either way other documents' traffic keeps moving while it loads.
 */
import * as Y from 'yjs';
import type { Logger } from '../../logger';
import { mergeInWorker } from './mergeInWorker';
import { applyStoredInSlices } from './sliceLoad';

/**
 * Builds `ydoc` from `parts` (in load order). Resolves with the whole state as one update
 * when the worker produced it (the document's stored state, ready to send and to write as
 * its snapshot without encoding it again), or null after the fallback.
 */
export async function loadLongLog(input: {
  ydoc: Y.Doc;
  parts: readonly Uint8Array[];
  origin: symbol;
  logger: Logger;
  documentId: string;
}): Promise<Uint8Array | null> {
  const { ydoc, parts, origin, logger, documentId } = input;
  const onCorruptPart = (error: unknown): void =>
    logger.error({ err: error, documentId }, 'skipping a corrupt stored update');
  try {
    return await mergeInWorker({
      parts,
      onMerged: (update) => Y.applyUpdate(ydoc, update, origin),
      onCorruptPart: (message) => onCorruptPart(new Error(message)),
    });
  } catch (error) {
    logger.warn(
      { err: error, documentId },
      'merging a long log on a worker thread failed; loading it on the main thread',
    );
    // What the worker already passed on is part of the same state: applying it all is safe.
    await applyStoredInSlices({ ydoc, parts, origin, onCorruptPart });
    return null;
  }
}
