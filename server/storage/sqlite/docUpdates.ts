/**
 * The Yjs state of documents in SQLite: an append-only update log (global AUTOINCREMENT
 * seq, so seqs increase per document too) and at most one snapshot per document.
 * Several server processes may share the database file (WAL, docs/SCALING.md): an append
 * takes the write lock first (`BEGIN IMMEDIATE`), so seqs are allocated and written in one
 * step, in the order the processes commit.
 */
import { StorageUnavailableError } from '../../errors';
import type { DocUpdate, DocUpdateBatch, DocUpdateBatchResult } from '../types';
import type { DocUpdateMethods } from '../port/docState';
import { fromBlob, toBlob } from './codec';
import type { SqliteContext } from './database';
import { translateSqlite } from './errors';

interface SnapshotRow {
  data: Buffer;
  up_to_seq: number;
}

interface UpdateRow {
  seq: number;
  data: Buffer;
}

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

  const load = db.transaction((documentId: string) => {
    const snapshot = stmt('SELECT data, up_to_seq FROM doc_snapshots WHERE document_id = ?').get(
      documentId,
    ) as SnapshotRow | undefined;
    const updates = stmt(
      'SELECT seq, data FROM doc_updates WHERE document_id = ? AND seq > ? ORDER BY seq',
    ).all(documentId, snapshot?.up_to_seq ?? 0) as UpdateRow[];
    return { snapshot, updates };
  });

  const compact = db.transaction((documentId: string, snapshot: Uint8Array, upToSeq: number) => {
    // Never replace a snapshot with an older one (a late compaction must not lose work).
    stmt(
      `INSERT INTO doc_snapshots (document_id, data, up_to_seq, created_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (document_id) DO UPDATE
         SET data = excluded.data, up_to_seq = excluded.up_to_seq, created_at = excluded.created_at
         WHERE excluded.up_to_seq >= doc_snapshots.up_to_seq`,
    ).run(documentId, toBlob(snapshot), upToSeq, Date.now());
    stmt('DELETE FROM doc_updates WHERE document_id = ? AND seq <= ?').run(documentId, upToSeq);
  });

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
      const { snapshot, updates } = translateSqlite(() => load(documentId));
      return {
        snapshot: snapshot ? fromBlob(snapshot.data) : null,
        updates: updates.map((row): DocUpdate => ({ seq: row.seq, data: fromBlob(row.data) })),
      };
    },

    async compactDoc({ documentId, snapshot, upToSeq }) {
      translateSqlite(() => compact(documentId, snapshot, upToSeq), {
        missingMessage: 'No such document.',
      });
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
