/**
 * The Yjs state of documents in MongoDB: an update log whose seqs come from a per-document
 * counter (`$inc`, so concurrent writers never share a seq), and one snapshot per document.
 * Compaction writes the snapshot first and deletes merged updates second: a crash between
 * the two leaves extra updates that Yjs applies idempotently.
 * The counter doubles as the log's "this document exists" marker: it is created at a
 * document's first append, after checking the document exists, and `purgeDocument` deletes
 * it. So an append to a missing or purged document is refused (`reference_not_found`), as
 * SQLite's foreign key refuses it, with no extra query on the hot path.
 */
import { trusted } from 'mongoose';
import type { DocUpdate, DocUpdateBatchResult } from '../types';
import type { DocUpdateMethods } from '../port/docState';
import type { MongoContext } from './context';
import { isDuplicateKeyError, mapMongoError } from './errors';
import type { DocCounterDoc, DocSnapshotDoc, DocUpdateDoc } from './records';
import { requireExisting, requireObjectId, toBuffer, toBytes, toObjectId } from './values';

/** The Yjs-log part of the MongoDB adapter. */
export function createMongoDocUpdates({ models, run }: MongoContext): DocUpdateMethods {
  const { DocUpdate, DocSnapshot, DocCounter, Document } = models;

  /** Takes `count` seqs from the document's counter; returns the last one. */
  const reserveSeqs = async (documentId: string, count: number): Promise<number> => {
    const objectId = requireObjectId(documentId, 'No such document.');
    const bump = (upsert: boolean) =>
      DocCounter.findOneAndUpdate(
        { _id: objectId },
        { $inc: { seq: count } },
        { upsert, returnDocument: 'after' },
      ).lean<DocCounterDoc>();
    const counter = await bump(false);
    if (counter) return counter.seq;
    // The document's first append, or one that is missing or purged.
    await requireExisting(Document, documentId, 'No such document.');
    try {
      const created = await bump(true);
      return created?.seq ?? count;
    } catch (error) {
      // Another process created the counter between our two bumps (its upsert won the
      // `_id`): the counter exists now, so a plain increment succeeds.
      if (!isDuplicateKeyError(error)) throw error;
      const counter = await bump(false);
      if (!counter) throw error;
      return counter.seq;
    }
  };

  /** Reserves one document's seqs; its failure (missing, purged) is its own result. */
  const reserveFor = async (documentId: string, count: number): Promise<DocUpdateBatchResult> => {
    if (count === 0) return { isStored: true, seqs: [] };
    try {
      requireObjectId(documentId, 'No such document.');
      const last = await reserveSeqs(documentId, count);
      return {
        isStored: true,
        seqs: Array.from({ length: count }, (_, i) => last - count + 1 + i),
      };
    } catch (error) {
      return {
        isStored: false,
        error: mapMongoError(error, { missingMessage: 'No such document.' }),
      };
    }
  };

  return {
    appendDocUpdatesBatch: ({ batches }) =>
      run(async () => {
        // Seqs come from each document's counter (one round trip each, all in parallel); the
        // entries of every document then go in ONE unordered insertMany.
        const results = await Promise.all(
          batches.map(({ documentId, updates }) => reserveFor(documentId, updates.length)),
        );
        const rows: Array<{ documentId: unknown; seq: number; data: Buffer }> = [];
        const ownerOfRow: number[] = [];
        batches.forEach(({ documentId, updates }, index) => {
          const result = results[index]!;
          if (!result.isStored) return;
          const objectId = requireObjectId(documentId, 'No such document.');
          updates.forEach((data, at) => {
            rows.push({ documentId: objectId, seq: result.seqs[at]!, data: toBuffer(data) });
            ownerOfRow.push(index);
          });
        });
        if (rows.length === 0) return results;
        try {
          await DocUpdate.insertMany(rows, { ordered: false });
        } catch (error) {
          const failedRows = writeErrorIndexes(error);
          if (!failedRows) throw error; // nothing is known stored: the caller retries all
          // The documents some of whose rows failed are refused and retried by the caller; rows
          // of theirs that did land stay (a retry appends them again: Yjs applies both idempotently).
          for (const row of failedRows) {
            const owner = ownerOfRow[row];
            if (owner !== undefined)
              results[owner] = { isStored: false, error: mapMongoError(error) };
          }
        }
        return results;
      }),

    appendDocUpdates: ({ documentId, updates }) =>
      run(async () => {
        if (updates.length === 0) return [];
        const objectId = requireObjectId(documentId, 'No such document.');
        const last = await reserveSeqs(documentId, updates.length);
        const seqs = updates.map((_, index) => last - updates.length + 1 + index);
        await DocUpdate.insertMany(
          updates.map((data, index) => ({
            documentId: objectId,
            seq: seqs[index],
            data: toBuffer(data),
          })),
          { ordered: true },
        );
        return seqs;
      }),

    loadDocState: ({ documentId }) =>
      run(async () => {
        const objectId = toObjectId(documentId);
        if (!objectId) return { snapshot: null, updates: [] };
        // Log first, snapshot second: a compaction running in between can only make the
        // snapshot newer, and the filter below then drops what it already contains.
        const log = await DocUpdate.find({ documentId: objectId })
          .sort({ seq: 1 })
          .lean<DocUpdateDoc[]>();
        const snapshot = await DocSnapshot.findById(objectId).lean<DocSnapshotDoc>();
        // Every remaining entry is returned, even one at or below the snapshot's seq: with
        // several processes, a seq is reserved before its entry is inserted, so an entry can
        // land after a compaction that covered its seq without containing it. Replaying one
        // the snapshot does contain is harmless (Yjs updates are idempotent).
        return {
          snapshot: snapshot ? toBytes(snapshot.data) : null,
          ...(snapshot?.stateVector ? { snapshotVector: toBytes(snapshot.stateVector) } : {}),
          ...(snapshot?.deletes ? { snapshotDeletes: toBytes(snapshot.deletes) } : {}),
          updates: log.map((entry): DocUpdate => ({ seq: entry.seq, data: toBytes(entry.data) })),
        };
      }),

    compactDoc: ({ documentId, snapshot, upToSeq, snapshotVector, snapshotDeletes }) =>
      run(async () => {
        // Not the hot path: checked, so no snapshot outlives its document.
        const objectId = await requireExisting(Document, documentId, 'No such document.');
        const seq = Number(upToSeq);
        // Replaces only an older (or equal) snapshot; when one exists that the condition
        // excludes, the upsert's insert collides on `_id`.
        const writeSnapshot = (upsert: boolean) =>
          DocSnapshot.updateOne(
            { _id: objectId, upToSeq: trusted({ $lte: seq }) },
            {
              $set: {
                data: toBuffer(snapshot),
                upToSeq: seq,
                createdAt: new Date(),
                // Null when not given: an older snapshot's would not describe this one.
                stateVector: snapshotVector ? toBuffer(snapshotVector) : null,
                deletes: snapshotDeletes ? toBuffer(snapshotDeletes) : null,
              },
            },
            { upsert },
          );
        try {
          await writeSnapshot(true);
        } catch (error) {
          if (!isDuplicateKeyError(error)) throw error;
          // The colliding snapshot is either newer (the retry matches nothing) or was just
          // inserted by a concurrent first compaction with a lower upToSeq: the retry
          // replaces that one, or the deletion below would drop updates no snapshot holds.
          await writeSnapshot(false);
        }
        await DocUpdate.deleteMany({ documentId: objectId, seq: trusted({ $lte: seq }) });
      }),

    countDocUpdates: ({ documentId }) =>
      run(async () => {
        const objectId = toObjectId(documentId);
        if (!objectId) return 0;
        return DocUpdate.countDocuments({ documentId: objectId });
      }),
  };
}

/** Indexes of the rows an unordered bulk insert refused, or null when the whole write failed. */
function writeErrorIndexes(error: unknown): number[] | null {
  if (!(error instanceof Error) || !('writeErrors' in error)) return null;
  const { writeErrors } = error as { writeErrors: unknown };
  const list = Array.isArray(writeErrors) ? writeErrors : [writeErrors];
  const indexes = list.map((entry: unknown) =>
    typeof entry === 'object' && entry !== null && 'index' in entry ? Number(entry.index) : NaN,
  );
  return indexes.length > 0 && indexes.every(Number.isInteger) ? indexes : null;
}
