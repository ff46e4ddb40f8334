/**
 * The shared write side of every open document's derived fields (plain text, outline, word
 * count, last editors; `derivedSync.ts` keeps one document's): one clock for all documents
 * instead of a timer per document reset at every keystroke, and one storage transaction for
 * up to 25 documents due at the same tick instead of one commit each: with 1,000 documents
 * being typed in, a few commits a second instead of a few hundred (docs/PERFORMANCE.md, (d)).
 *
 * Ordering: every write of this process's derived fields goes through one queue, so a
 * document's later content is never overwritten by an earlier one. A batch that fails as a
 * whole (a transaction aborted by a concurrent write, say) is written again one document at
 * a time; a document that fails alone (deleted meanwhile) is logged and skipped.
 */
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { Logger } from '../logger';
import type { DocumentPatch } from '../storage/port/documents';
import type { Storage } from '../storage/types';

/**
 * Documents per transaction. SQLite writes synchronously, so one transaction holds the event
 * loop for its whole length (~1 ms per document with its search text): bounded, so other
 * documents' edits wait at most a few tens of ms.
 */
const DOCS_PER_TRANSACTION = 25;

/** What the writer asks of one document's derived sync. */
export interface DerivedSource {
  readonly documentId: string;
  /** When the pending change is due (`performance.now()` time), or null when nothing is. */
  dueAt(): number | null;
  /** The patch to write, read from the live content now; null when it cannot be read. */
  takePatch(): DocumentPatch | null;
}

/** One collab server's derived-field writer (see the module comment). */
export interface DerivedWrites {
  /** Watches `source` until its change is written (at `dueAt()` or later, within one tick). */
  markDirty(source: DerivedSource): void;
  /** Writes `source`'s change now (unload), after any write already queued. */
  flush(source: DerivedSource): Promise<void>;
  /** Stops watching `source` (its document unloaded). */
  forget(source: DerivedSource): void;
}

interface PendingWrite {
  id: string;
  patch: DocumentPatch;
}

/** Builds the writer; `tickMs` is how often it looks for due documents while any is dirty. */
export function createDerivedWrites(input: {
  storage: Storage;
  logger: Logger;
  tickMs: number;
}): DerivedWrites {
  const { storage, logger } = input;
  const dirty = new Set<DerivedSource>();
  let ticker: NodeJS.Timeout | null = null;
  let writing: Promise<void> = Promise.resolve();

  const writeOne = async ({ id, patch }: PendingWrite): Promise<void> => {
    try {
      await storage.updateDocument({ id, patch });
    } catch (error) {
      logger.warn({ err: error, documentId: id }, 'could not store derived content');
    }
  };

  const writeBatch = async (batch: PendingWrite[]): Promise<void> => {
    if (batch.length === 0) return;
    if (batch.length === 1) return writeOne(batch[0]!);
    try {
      await storage.withTransaction(async (tx) => {
        for (const { id, patch } of batch) {
          try {
            await tx.updateDocument({ id, patch });
          } catch (error) {
            // This document alone (deleted meanwhile): the others of the batch still commit.
            logger.warn({ err: error, documentId: id }, 'could not store derived content');
          }
        }
      });
    } catch (error) {
      logger.warn({ err: error, count: batch.length }, 'derived batch failed; writing one by one');
      for (const write of batch) await writeOne(write);
    }
  };

  /** Writes in transactions of at most DOCS_PER_TRANSACTION, yielding to other work between. */
  const writeAll = async (batch: PendingWrite[]): Promise<void> => {
    for (let start = 0; start < batch.length; start += DOCS_PER_TRANSACTION) {
      if (start > 0) await yieldToEventLoop();
      await writeBatch(batch.slice(start, start + DOCS_PER_TRANSACTION));
    }
  };

  const enqueue = (batch: PendingWrite[]): Promise<void> => {
    writing = writing
      .then(() => writeAll(batch))
      .catch((error: unknown) => logger.warn({ err: error }, 'derived content task failed'));
    return writing;
  };

  const take = (source: DerivedSource): PendingWrite[] => {
    const patch = source.takePatch();
    return patch ? [{ id: source.documentId, patch }] : [];
  };

  const tick = (): void => {
    const now = performance.now();
    const batch: PendingWrite[] = [];
    for (const source of dirty) {
      const dueAt = source.dueAt();
      if (dueAt !== null && dueAt > now) continue;
      dirty.delete(source);
      batch.push(...take(source));
    }
    if (dirty.size === 0) stopTicking();
    if (batch.length > 0) void enqueue(batch);
  };

  const stopTicking = (): void => {
    if (ticker) clearInterval(ticker);
    ticker = null;
  };

  return {
    markDirty(source) {
      dirty.add(source);
      if (ticker) return;
      ticker = setInterval(tick, input.tickMs);
      // Pending derived fields never keep a process alive; unload and shutdown flush them.
      ticker.unref();
    },
    flush(source) {
      dirty.delete(source);
      if (dirty.size === 0) stopTicking();
      return enqueue(take(source));
    },
    forget(source) {
      dirty.delete(source);
      if (dirty.size === 0) stopTicking();
    },
  };
}
