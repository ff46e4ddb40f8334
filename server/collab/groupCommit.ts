/**
 * Group commit of the update logs of every open document on this process: one shared flush
 * timer instead of one per document, and one storage write (`appendDocUpdatesBatch`: one
 * SQLite transaction, one MongoDB bulk insert) for every document whose updates are pending,
 * instead of one commit per document. With 1,000 documents each receiving an edit every second
 * or so, that is ~200 writes a second (one per `flushDelayMs` window) instead of ~1,000.
 *
 * Guarantees are those of a per-document append, unchanged: a document's `append` resolves
 * only once the write holding its batch has committed (so `doc:stored` never runs ahead of
 * storage), and rejects with that document's own error when storage refused it (a purged
 * document), while the other documents of the same write are stored. A write that fails as a
 * whole rejects every document's append; each document keeps its batch and retries.
 */
import type { Storage } from '../storage/types';

/** The shared write side of every document's update log on one collab server. */
export interface GroupCommit {
  /**
   * Appends one document's updates in the next group write. Resolves with their seqs once that
   * write committed. A document has at most one append in flight (its persistence serializes them).
   */
  append(documentId: string, updates: Uint8Array[]): Promise<number[]>;
  /**
   * Calls `flush` within `delayMs` (one timer for every document: a flush due later is run
   * with the earliest one, which only makes it durable sooner). Calling it again for the same
   * `flush` before it ran does nothing.
   */
  scheduleFlush(flush: () => void, delayMs: number): void;
  /** Forgets a scheduled `flush` (its document is flushing now or unloading). */
  cancelFlush(flush: () => void): void;
}

interface PendingAppend {
  documentId: string;
  updates: Uint8Array[];
  resolve(seqs: number[]): void;
  reject(error: unknown): void;
}

/** Builds the group commit of one collab server (see the module comment). */
export function createGroupCommit(input: { storage: Storage }): GroupCommit {
  let queue: PendingAppend[] = [];
  let isWriteScheduled = false;
  let isWriting = false;
  const dueFlushes = new Set<() => void>();
  let flushTimer: NodeJS.Timeout | null = null;
  let flushTimerDueAt = Infinity;

  /** Writes everything queued in one storage call; appends queued meanwhile wait for the next. */
  const write = async (): Promise<void> => {
    isWriteScheduled = false;
    const group = queue;
    queue = [];
    isWriting = true;
    try {
      const results = await input.storage.appendDocUpdatesBatch({
        batches: group.map(({ documentId, updates }) => ({ documentId, updates })),
      });
      group.forEach((pending, index) => {
        const result = results[index];
        if (result?.isStored) pending.resolve(result.seqs);
        else pending.reject(result ? result.error : new Error('missing group commit result'));
      });
    } catch (error) {
      for (const pending of group) pending.reject(error);
    } finally {
      isWriting = false;
      scheduleWrite();
    }
  };

  /**
   * Writes on the next turn (`setImmediate`), so every document flushed by the same timer
   * (whose append runs a microtask later) joins the same write.
   */
  const scheduleWrite = (): void => {
    if (isWriteScheduled || isWriting || queue.length === 0) return;
    isWriteScheduled = true;
    setImmediate(() => void write());
  };

  const runDueFlushes = (): void => {
    flushTimer = null;
    flushTimerDueAt = Infinity;
    const flushes = [...dueFlushes];
    dueFlushes.clear();
    for (const flush of flushes) flush();
  };

  return {
    append(documentId, updates) {
      return new Promise<number[]>((resolve, reject) => {
        queue.push({ documentId, updates, resolve, reject });
        scheduleWrite();
      });
    },
    scheduleFlush(flush, delayMs) {
      dueFlushes.add(flush);
      const dueAt = performance.now() + delayMs;
      if (flushTimer && dueAt >= flushTimerDueAt) return;
      if (flushTimer) clearTimeout(flushTimer);
      flushTimerDueAt = dueAt;
      flushTimer = setTimeout(runDueFlushes, delayMs);
    },
    cancelFlush(flush) {
      dueFlushes.delete(flush);
      if (dueFlushes.size === 0 && flushTimer) {
        clearTimeout(flushTimer);
        flushTimer = null;
        flushTimerDueAt = Infinity;
      }
    },
  };
}
