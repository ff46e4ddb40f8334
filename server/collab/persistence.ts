/**
 * Durable storage of one live document: every applied update is queued, appended to the
 * document's log in batches (after `flushDelayMs` or `flushMaxBatch` updates; the batches of
 * every document due at the same moment go to storage in one write, `groupCommit.ts`), and
 * the log is compacted into one snapshot after `compactAfterUpdates` entries and at unload.
 *
 * Crash safety: a batch is either in the log or not; a compaction writes the snapshot and then
 * deletes entries `seq <= upToSeq` (see `Storage.compactDoc`). Because Yjs updates are
 * idempotent, replaying a snapshot together with updates it already contains is harmless, so
 * any crash point leaves a loadable document. What the server alone guarantees: an update is
 * durable once its batch was written, i.e. within about `flushDelayMs` of being applied;
 * anything newer is recovered from the clients' own copies by Yjs sync when they reconnect.
 */
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { NotFoundError } from '../errors';
import type { Logger } from '../logger';
import type { Storage } from '../storage/types';
import { createDurableVector } from './durableVector';
import type { GroupCommit } from './groupCommit';

/** The write side of one document's persistence, owned by its `LiveDoc`. */
export interface DocPersistence {
  /** Queues an applied update; it is written within `flushDelayMs`. Never blocks. */
  enqueue(update: Uint8Array): void;
  /** Writes every queued update now (resolves when written, or when the write failed and was logged). */
  flush(): Promise<void>;
  /** Flushes, then writes a snapshot of the whole document and drops the merged log entries. */
  compact(): Promise<void>;
  /**
   * `compact()` after `loadedLogCompactDelayMs`, for a log found long at load: the load's last
   * slice and the first clients' answers run first, not in the same turns as the snapshot's
   * encode and write. Cancelled by `dispose()` (unload compacts anyway).
   */
  compactSoon(): void;
  /**
   * `Y.encodeStateVector` of what storage holds (loaded state plus every batch and snapshot
   * written since): what `doc:stored` tells clients.
   */
  storedStateVector(): Uint8Array;
  /** Number of log entries not yet merged into a snapshot (for tests and stats). */
  logSize(): number;
  /** Stops timers; call after the final `compact()`. */
  dispose(): void;
}

const RETRY_DELAY_MS = 200;

/** Codes with which storage refuses writes to a document that no longer exists. */
const GONE_CODES: ReadonlySet<string> = new Set(['reference_not_found', 'document_not_found']);

/**
 * Whether storage refused a write because the document was purged from the trash:
 * retrying can never succeed, so such writes are dropped rather than retried.
 */
export function isDocumentGoneError(error: unknown): boolean {
  return error instanceof NotFoundError && GONE_CODES.has(error.code);
}

/** Creates the persistence of one live document (see the module comment for its guarantees). */
export function createDocPersistence(input: {
  documentId: string;
  /**
   * The whole document as one update, with its state vector and its deletions as an update
   * without structs (stored with it: see `DocState`). Builds the Y.Doc if it is not built yet.
   */
  encodeSnapshot: () => { snapshot: Uint8Array; vector: Uint8Array; deletes: Uint8Array };
  storage: Storage;
  /** The server's shared flush timer and group write (`groupCommit.ts`). */
  groupCommit: GroupCommit;
  logger: Logger;
  flushDelayMs: number;
  flushMaxBatch: number;
  compactAfterUpdates: number;
  /** See `compactSoon`. */
  loadedLogCompactDelayMs: number;
  /** Entries already in the log when the document was loaded, and the newest seq among them. */
  initialLogSize: number;
  initialLastSeq: number;
  /** The stored parts loaded (snapshot and log entries): the start of `storedStateVector`. */
  initialParts?: readonly Uint8Array[];
  /** The stored state's vector when known without parsing the parts (see `durableVector.ts`). */
  initialClocks?: () => ReadonlyMap<number, number>;
  /**
   * Set when other processes append to the same log (`CollabOptions.isLogShared`): brings the
   * document up to date with storage before a snapshot is encoded; resolves with the newest
   * stored seq, which the snapshot then covers.
   */
  catchUpWithStorage?: () => Promise<number>;
  /**
   * Called after a batch was appended (the `store` hooks), and with `count` 0 after a
   * compaction whose snapshot held changes not yet appended. Must not throw: the batch is
   * already written, and a throw here would make it be retried and appended twice.
   */
  onStored?: (count: number) => void;
}): DocPersistence {
  const { documentId, storage, logger, groupCommit } = input;
  let pending: Uint8Array[] = [];
  /** Only for retries after a failed write (rare); normal flushes use the shared timer. */
  let retryTimer: NodeJS.Timeout | null = null;
  /** `compactSoon`'s; not among `cancelTimers`, since a flush must not cancel it. */
  let compactTimer: NodeJS.Timeout | null = null;
  let chain: Promise<void> = Promise.resolve();
  let logSize = input.initialLogSize;
  let lastSeq = input.initialLastSeq;
  let isDisposed = false;
  // Set once storage said the document is gone (purged): later writes are dropped unsent.
  let isGone = false;
  const durable = createDurableVector(input.initialParts ?? [], input.initialClocks);

  /** Drops everything still queued; warns only the first time so a busy document cannot flood the log. */
  const markGone = (error: unknown, dropped: number): void => {
    pending = [];
    logSize = 0;
    if (isGone) return;
    isGone = true;
    logger.warn(
      { err: error, documentId, count: dropped },
      'document no longer exists (purged); dropping its pending updates',
    );
  };

  /** Serializes storage writes of this document: one append or compaction at a time. */
  const enqueueTask = (task: () => Promise<void>): Promise<void> => {
    // Tasks run from timers: a failure is logged, never an unhandled rejection.
    chain = chain.then(task).catch((error: unknown) => {
      logger.error({ err: error, documentId }, 'document persistence task failed');
    });
    return chain;
  };

  const writeBatch = async (): Promise<void> => {
    if (pending.length === 0) return;
    if (isGone) {
      pending = [];
      return;
    }
    const batch = pending;
    pending = [];
    try {
      const seqs = await groupCommit.append(documentId, batch);
      lastSeq = Math.max(lastSeq, ...seqs);
      logSize += batch.length;
    } catch (error) {
      if (isDocumentGoneError(error)) {
        markGone(error, batch.length + pending.length);
        return;
      }
      // Keep the batch (in order) and retry; clients still hold these edits meanwhile.
      pending = batch.concat(pending);
      logger.error(
        { err: error, documentId, count: batch.length },
        'appending document updates failed',
      );
      if (!isDisposed) scheduleRetry();
      return;
    }
    for (const update of batch) durable.add(update);
    input.onStored?.(batch.length);
    if (logSize >= input.compactAfterUpdates) await writeSnapshot();
  };

  const writeSnapshot = async (): Promise<void> => {
    if (logSize === 0 || isGone) return;
    let upToSeq = lastSeq;
    try {
      if (input.catchUpWithStorage) upToSeq = Math.max(upToSeq, await input.catchUpWithStorage());
    } catch (error) {
      logger.error({ err: error, documentId }, 'reading the document log before compaction failed');
      return;
    }
    // Encoding a large document takes tens of ms, and so does writing it: each in a turn of its
    // own, not after what queued this compaction (e.g. a long log's load, then the first
    // client's answer), so other documents' traffic moves in between (docs/PERFORMANCE.md).
    await yieldToEventLoop();
    if (isGone) return;
    const { snapshot, vector, deletes } = input.encodeSnapshot();
    await yieldToEventLoop();
    try {
      await storage.compactDoc({
        documentId,
        snapshot,
        upToSeq,
        snapshotVector: vector,
        snapshotDeletes: deletes,
      });
      logSize = 0;
      // The snapshot may hold changes still queued for the log: they are stored now.
      if (durable.addStateVector(vector)) input.onStored?.(0);
    } catch (error) {
      if (isDocumentGoneError(error)) {
        markGone(error, pending.length);
        return;
      }
      logger.error({ err: error, documentId }, 'compacting the document log failed');
    }
  };

  /** Run by the shared timer: the batch joins the group write of every document due now. */
  const flushFromTimer = (): void => {
    void enqueueTask(writeBatch);
  };

  const scheduleRetry = (): void => {
    if (retryTimer) return;
    retryTimer = setTimeout(() => {
      retryTimer = null;
      void enqueueTask(writeBatch);
    }, RETRY_DELAY_MS);
  };

  const cancelTimers = (): void => {
    groupCommit.cancelFlush(flushFromTimer);
    if (retryTimer) clearTimeout(retryTimer);
    retryTimer = null;
  };

  return {
    enqueue(update) {
      pending.push(update);
      if (pending.length >= input.flushMaxBatch) {
        groupCommit.cancelFlush(flushFromTimer);
        void enqueueTask(writeBatch);
        return;
      }
      // After a failed write, the retry timer decides when to try again.
      if (!retryTimer) groupCommit.scheduleFlush(flushFromTimer, input.flushDelayMs);
    },
    flush() {
      cancelTimers();
      return enqueueTask(writeBatch);
    },
    async compact() {
      await this.flush();
      await enqueueTask(writeSnapshot);
    },
    compactSoon() {
      if (compactTimer || isDisposed) return;
      compactTimer = setTimeout(() => {
        compactTimer = null;
        void this.compact();
      }, input.loadedLogCompactDelayMs).unref();
    },
    storedStateVector: () => durable.encode(),
    logSize: () => logSize,
    dispose() {
      isDisposed = true;
      if (compactTimer) clearTimeout(compactTimer);
      cancelTimers();
    },
  };
}
