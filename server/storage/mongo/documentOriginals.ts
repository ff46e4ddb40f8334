/** Documents' original files in MongoDB (`documentOriginals`, keyed by the document's id). */
import type { DocumentOriginalMethods, DocumentOriginalSummary } from '../port/documentOriginals';
import type { MongoContext } from './context';
import type { DocOriginalDoc } from './records';
import { asString, idOf, requireExisting, toBuffer, toBytes, toObjectId } from './values';

type OriginalSummaryDoc = Omit<DocOriginalDoc, 'bytes'>;

function toSummary(doc: OriginalSummaryDoc): DocumentOriginalSummary {
  return {
    documentId: idOf(doc._id),
    name: doc.name,
    contentType: doc.contentType,
    size: doc.size,
    createdById: idOf(doc.createdById),
    createdAt: doc.createdAt,
  };
}

/** The original-file part of the MongoDB adapter. */
export function createMongoDocumentOriginals({
  models,
  run,
}: MongoContext): DocumentOriginalMethods {
  const { DocOriginal, Document, User } = models;
  return {
    storeDocumentOriginal: (input) =>
      run(async () => {
        const created = await DocOriginal.create({
          _id: await requireExisting(Document, input.documentId, 'No such document.'),
          name: asString(input.name),
          contentType: asString(input.contentType),
          size: input.bytes.byteLength,
          bytes: toBuffer(input.bytes),
          createdById: await requireExisting(User, input.createdById, 'No such user.'),
          createdAt: new Date(),
        });
        return toSummary(created.toObject());
      }),

    getDocumentOriginalSummary: ({ documentId }) =>
      run(async () => {
        const objectId = toObjectId(documentId);
        if (!objectId) return null;
        const doc = await DocOriginal.findById(objectId, { bytes: 0 }).lean<OriginalSummaryDoc>();
        return doc ? toSummary(doc) : null;
      }),

    getDocumentOriginal: ({ documentId }) =>
      run(async () => {
        const objectId = toObjectId(documentId);
        if (!objectId) return null;
        const doc = await DocOriginal.findById(objectId).lean<DocOriginalDoc>();
        return doc ? { ...toSummary(doc), bytes: toBytes(doc.bytes) } : null;
      }),
  };
}
