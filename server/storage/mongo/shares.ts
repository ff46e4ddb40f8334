/** Direct shares of one document with one account in MongoDB (`documentShares`). */
import { trusted } from 'mongoose';
import { shareNotFound } from '../notFound';
import type { DocumentShare, ShareMethods } from '../port/shares';
import type { MongoContext } from './context';
import type { DocumentShareDoc } from './records';
import {
  asString,
  idOf,
  requireExisting,
  requireObjectId,
  toObjectId,
  toObjectIds,
} from './values';

function toShare(doc: DocumentShareDoc): DocumentShare {
  return {
    id: idOf(doc._id),
    documentId: idOf(doc.documentId),
    userId: idOf(doc.userId),
    role: doc.role,
    createdById: idOf(doc.createdById),
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
  };
}

/** The document-share part of the MongoDB adapter. */
export function createMongoShares({ models, run }: MongoContext): ShareMethods {
  const { DocumentShare, Document, User } = models;

  /** The shares matching `filter`, oldest first. */
  const findShares = async (filter: Record<string, unknown>): Promise<DocumentShare[]> => {
    const docs = await DocumentShare.find(filter)
      .sort({ createdAt: 1, _id: 1 })
      .lean<DocumentShareDoc[]>();
    return docs.map(toShare);
  };

  return {
    upsertDocumentShare: (input) =>
      run(async () => {
        const documentId = await requireExisting(Document, input.documentId, 'No such document.');
        const userId = await requireExisting(User, input.userId, 'No such user.');
        // One atomic upsert on the unique (document, user) index: concurrent shares of the same
        // pair leave one record; `upsertedCount` tells whether this call inserted it.
        const result = await DocumentShare.updateOne(
          { documentId, userId },
          {
            $set: { role: asString(input.role) },
            $setOnInsert: { createdById: requireObjectId(input.createdById, 'No such user.') },
          },
          { upsert: true, runValidators: true },
        );
        const doc = await DocumentShare.findOne({ documentId, userId }).lean<DocumentShareDoc>();
        if (!doc) throw shareNotFound();
        return { share: toShare(doc), isNew: result.upsertedCount > 0 };
      }),

    getDocumentShare: ({ documentId, userId }) =>
      run(async () => {
        const documentObjectId = toObjectId(documentId);
        const userObjectId = toObjectId(userId);
        if (!documentObjectId || !userObjectId) return null;
        const doc = await DocumentShare.findOne({
          documentId: documentObjectId,
          userId: userObjectId,
        }).lean<DocumentShareDoc>();
        return doc ? toShare(doc) : null;
      }),

    getDocumentShareById: ({ id }) =>
      run(async () => {
        const objectId = toObjectId(id);
        if (!objectId) return null;
        const doc = await DocumentShare.findById(objectId).lean<DocumentShareDoc>();
        return doc ? toShare(doc) : null;
      }),

    listDocumentShares: ({ documentId }) =>
      run(async () => {
        const objectId = toObjectId(documentId);
        if (!objectId) return [];
        return findShares({ documentId: objectId });
      }),

    listSharesOfDocuments: ({ documentIds }) =>
      run(async () => {
        const objectIds = toObjectIds(documentIds);
        if (objectIds.length === 0) return [];
        return findShares({ documentId: trusted({ $in: objectIds }) });
      }),

    listDocumentSharesForUser: ({ userId }) =>
      run(async () => {
        const objectId = toObjectId(userId);
        if (!objectId) return [];
        return findShares({ userId: objectId });
      }),

    deleteDocumentShare: ({ id }) =>
      run(async () => {
        const objectId = toObjectId(id);
        const result = objectId ? await DocumentShare.deleteOne({ _id: objectId }) : null;
        if (!result || result.deletedCount === 0) throw shareNotFound();
      }),
  };
}
