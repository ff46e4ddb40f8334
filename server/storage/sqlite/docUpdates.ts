/**
 * The Yjs state of documents in SQLite: an append-only update log (global AUTOINCREMENT
 * seq, so seqs increase per document too) and at most one snapshot per document.
 * Several server processes may share the database file (WAL, docs/SCALING.md): an append
 * takes the write lock first (`BEGIN IMMEDIATE`), so seqs are allocated and written in one
 * step, in the order the processes commit.
 */
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { StorageUnavailableError } from '../../errors';
import type { DocUpdate, DocUpdateBatch, DocUpdateBatchResult } from '../types';
import type { DocUpdateMethods, SnapshotMeta } from '../port/docState';
import { fromBlob, toBlob } from './codec';
import type { SqliteContext } from './database';
import { translateSqlite } from './errors';

interface SnapshotRow {
  data: Buffer;
  up_to_seq: number;
  state_vector: Buffer | null;
  deletes: Buffer | null;
}

interface UpdateRow {
  seq: number;
  data: Buffer;
}

/** A document's whole log in one row: the entries' bytes back to back, their seqs and lengths. */
interface ConcatenatedLogRow {
  data: Buffer | null;
  seqs: string | null;
  lengths: string | null;
}

/**
 * Log entries read per statement (~2 ms each). A longer log is read page by page, yielding to
 * the event loop in between: one statement over 200,000 entries held the process for
 * ~0.3–0.5 s.
 */
const READ_PAGE_ROWS = 1_000;
/** Log entries a compaction deletes per transaction (~5–10 ms of work each, measured in (c)). */
const DELETE_CHUNK_ROWS = 2_000;

/** The Yjs-log part of the SQLite adapter. */
export function createSqliteDocUpdates({ db, stmt }: SqliteContext): DocUpdateMethods {
  const append = db.transaction((documentId: string, updates: Uint8Array[]): number[] => {
    const insert = stmt('INSERT INTO doc_updates (document_id, data) VALUES (?, ?)');
    return updates.map((update) => Number(insert.run(documentId, toBlob(update)).lastInsertRowid));
  });

  /**
   * One transaction for every document; each document in its own savepoint (a nested
   * better-sqlite3 transaction), so a refused one (foreign key: purged) rolls back alone.
   */
  const appendBatch = db.transaction((batches: DocUpdateBatch[]): DocUpdateBatchResult[] =>
    batches.map(({ documentId, updates }): DocUpdateBatchResult => {
      try {
        const seqs = translateSqlite(() => append(documentId, updates), {
          missingMessage: 'No such document.',
        });
        return { isStored: true, seqs };
      } catch (error) {
        if (error instanceof StorageUnavailableError) throw error; // the whole write fails
        return { isStored: false, error };
      }
    }),
  );

  /**
   * Up to `limit` log entries after `afterSeq`, read as one concatenated blob and cut into
   * views of it. A long log (200,000 keystrokes never compacted) read row by row costs one
   * driver Buffer, with its own backing store, per entry: ~0.6 s and much of the garbage
   * collector's work on a first open; one blob is a single allocation (docs/PERFORMANCE.md,
   * (c)). The bytes are kept as they are: `group_concat` appends each value's bytes with its
   * length (NULs included) in this UTF-8 database, and the CAST gives them back as a blob.
   */
  const readLogPage = (documentId: string, afterSeq: number, limit: number): DocUpdate[] => {
    // Aggregated over an ordered subquery: SQLite walks the (document_id, seq) index in order;
    // `group_concat(… ORDER BY seq)` sorts three times. The order is checked below rather
    // than assumed.
    const row = stmt(
      `SELECT CAST(group_concat(data, x'') AS BLOB) AS data,
              group_concat(seq, ',') AS seqs,
              group_concat(length(data), ',') AS lengths
         FROM (SELECT seq, data FROM doc_updates WHERE document_id = ? AND seq > ?
                ORDER BY seq LIMIT ?)`,
    ).get(documentId, afterSeq, limit) as ConcatenatedLogRow;
    if (row.data === null || row.seqs === null || row.lengths === null) return [];
    const seqs = row.seqs.split(',');
    const lengths = row.lengths.split(',');
    const all = fromBlob(row.data);
    const updates: DocUpdate[] = new Array<DocUpdate>(seqs.length);
    let offset = 0;
    for (let i = 0; i < seqs.length; i += 1) {
      const length = Number(lengths[i]);
      updates[i] = { seq: Number(seqs[i]), data: all.subarray(offset, offset + length) };
      offset += length;
    }
    const isInOrder = updates.every((update, i) => i === 0 || update.seq > updates[i - 1]!.seq);
    return isInOrder ? updates : updates.sort((a, b) => a.seq - b.seq);
  };

  /** Row by row: for a page too big for one SQLite value (SQLITE_TOOBIG, over 1 GB). */
  const readLogPageByRow = (documentId: string, afterSeq: number, limit: number): DocUpdate[] =>
    (
      stmt(
        'SELECT seq, data FROM doc_updates WHERE document_id = ? AND seq > ? ORDER BY seq LIMIT ?',
      ).all(documentId, afterSeq, limit) as UpdateRow[]
    ).map((row): DocUpdate => ({ seq: row.seq, data: fromBlob(row.data) }));

  const readPage = (documentId: string, afterSeq: number): DocUpdate[] => {
    try {
      return readLogPage(documentId, afterSeq, READ_PAGE_ROWS);
    } catch (error) {
      if ((error as { code?: unknown }).code !== 'SQLITE_TOOBIG') throw error;
      return readLogPageByRow(documentId, afterSeq, READ_PAGE_ROWS);
    }
  };

  const readSnapshot = (documentId: string): SnapshotRow | undefined =>
    stmt(
      'SELECT data, up_to_seq, state_vector, deletes FROM doc_snapshots WHERE document_id = ?',
    ).get(documentId) as SnapshotRow | undefined;

  /** The snapshot and the first page of the log after it, in one read transaction. */
  const loadFirstPage = db.transaction((documentId: string) => {
    const snapshot = readSnapshot(documentId);
    return { snapshot, updates: readPage(documentId, snapshot?.up_to_seq ?? 0) };
  });

  const compact = db.transaction(
    (documentId: string, snapshot: Uint8Array, upToSeq: number, meta: SnapshotMeta) => {
      // Never replace a snapshot with an older one (a late compaction must not lose work).
      stmt(
        `INSERT INTO doc_snapshots (document_id, data, up_to_seq, created_at, state_vector, deletes)
         VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (document_id) DO UPDATE
           SET data = excluded.data, up_to_seq = excluded.up_to_seq,
               created_at = excluded.created_at, state_vector = excluded.state_vector,
               deletes = excluded.deletes
           WHERE excluded.up_to_seq >= doc_snapshots.up_to_seq`,
      ).run(
        documentId,
        toBlob(snapshot),
        upToSeq,
        Date.now(),
        meta.snapshotVector ? toBlob(meta.snapshotVector) : null,
        meta.snapshotDeletes ? toBlob(meta.snapshotDeletes) : null,
      );
      return deleteMergedChunk(documentId, upToSeq);
    },
  );

  /**
   * Deletes up to `DELETE_CHUNK_ROWS` log entries the snapshot holds; returns how many. Entries
   * at or below the snapshot's seq are never read again (a load starts after it), so they can
   * go in several short transactions: deleting 200,000 at once held the process for ~0.3 s.
   */
  const deleteMergedChunk = (documentId: string, upToSeq: number): number =>
    stmt(
      `DELETE FROM doc_updates WHERE seq IN (
         SELECT seq FROM doc_updates WHERE document_id = ? AND seq <= ? ORDER BY seq LIMIT ?)`,
    ).run(documentId, upToSeq, DELETE_CHUNK_ROWS).changes;

  return {
    async appendDocUpdates({ documentId, updates }) {
      if (updates.length === 0) return [];
      return translateSqlite(() => append.immediate(documentId, updates), {
        missingMessage: 'No such document.',
      });
    },

    async appendDocUpdatesBatch({ batches }) {
      if (batches.length === 0) return [];
      return translateSqlite(() => appendBatch.immediate(batches));
    },

    async loadDocState({ documentId }) {
      const first = translateSqlite(() => loadFirstPage(documentId));
      let { snapshot } = first;
      const { updates } = first;
      if (updates.length === READ_PAGE_ROWS) {
        // A long log: the rest page by page, other documents' traffic running in between.
        let page = updates;
        while (page.length === READ_PAGE_ROWS) {
          await yieldToEventLoop();
          const afterSeq = page[page.length - 1]!.seq;
          page = translateSqlite(() => readPage(documentId, afterSeq));
          for (const update of page) updates.push(update);
        }
        // The pages are separate reads: another process may have compacted the log meanwhile,
        // deleting entries not read yet. Its newer snapshot holds them; the entries read that
        // it also holds are harmless to replay (Yjs updates are idempotent).
        const latest = translateSqlite(() => readSnapshot(documentId));
        if (latest && latest.up_to_seq > (snapshot?.up_to_seq ?? 0)) snapshot = latest;
      }
      return {
        snapshot: snapshot ? fromBlob(snapshot.data) : null,
        ...(snapshot?.state_vector ? { snapshotVector: fromBlob(snapshot.state_vector) } : {}),
        ...(snapshot?.deletes ? { snapshotDeletes: fromBlob(snapshot.deletes) } : {}),
        updates,
      };
    },

    async compactDoc({ documentId, snapshot, upToSeq, ...meta }) {
      let deleted = translateSqlite(() => compact(documentId, snapshot, upToSeq, meta), {
        missingMessage: 'No such document.',
      });
      // The rest of a long log in chunks, letting other documents' traffic run in between.
      while (deleted === DELETE_CHUNK_ROWS) {
        await yieldToEventLoop();
        deleted = translateSqlite(() => deleteMergedChunk(documentId, upToSeq));
      }
    },

    async countDocUpdates({ documentId }) {
      const row = translateSqlite(
        () =>
          stmt('SELECT COUNT(*) AS n FROM doc_updates WHERE document_id = ?').get(documentId) as {
            n: number;
          },
      );
      return row.n;
    },
  };
}
