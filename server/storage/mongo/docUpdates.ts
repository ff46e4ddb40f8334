/**
 * The Yjs state of documents in MongoDB: an update log whose seqs come from a per-document
 * counter (`$inc`, so concurrent writers never share a seq), and one snapshot per document.
 * Compaction writes the snapshot first and deletes merged updates second: a crash between
 * the two leaves extra updates that Yjs applies idempotently.
 */
import { trusted } from 'mongoose';
import type { DocUpdate } from '../types';
import type { DocUpdateMethods } from '../slices';
import type { MongoContext } from './context';
import { isDuplicateKeyError } from './errors';
import type { DocCounterDoc, DocSnapshotDoc, DocUpdateDoc } from './records';
import { requireObjectId, toBuffer, toBytes, toObjectId } from './values';

/** The Yjs-log part of the MongoDB adapter. */
export function createMongoDocUpdates({ models, run }: MongoContext): DocUpdateMethods {
  const { DocUpdate, DocSnapshot, DocCounter } = models;

  return {
    appendDocUpdates: ({ documentId, updates }) =>
      run(async () => {
        if (updates.length === 0) return [];
        const objectId = requireObjectId(documentId, 'No such document.');
        const counter = await DocCounter.findOneAndUpdate(
          { _id: objectId },
          { $inc: { seq: updates.length } },
          { upsert: true, returnDocument: 'after' },
        ).lean<DocCounterDoc>();
        const last = counter?.seq ?? updates.length;
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
        const upToSeq = snapshot?.upToSeq ?? 0;
        return {
          snapshot: snapshot ? toBytes(snapshot.data) : null,
          updates: log
            .filter((entry) => entry.seq > upToSeq)
            .map((entry): DocUpdate => ({ seq: entry.seq, data: toBytes(entry.data) })),
        };
      }),

    compactDoc: ({ documentId, snapshot, upToSeq }) =>
      run(async () => {
        const objectId = requireObjectId(documentId, 'No such document.');
        const seq = Number(upToSeq);
        // Replaces only an older (or equal) snapshot; when one exists that the condition
        // excludes, the upsert's insert collides on `_id`.
        const writeSnapshot = (upsert: boolean) =>
          DocSnapshot.updateOne(
            { _id: objectId, upToSeq: trusted({ $lte: seq }) },
            { $set: { data: toBuffer(snapshot), upToSeq: seq, createdAt: new Date() } },
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
