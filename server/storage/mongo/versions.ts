/** Named versions of documents in MongoDB (`documentVersions`). */
import type { VersionMethods, VersionSummary } from '../port/versions';
import type { MongoContext } from './context';
import type { DocVersionDoc } from './records';
import {
  asString,
  idOf,
  idOrNull,
  optionalObjectId,
  requireExisting,
  toBuffer,
  toBytes,
  toCursorLimit,
  toObjectId,
} from './values';

/** Everything but the state and the text: what lists read. */
const SUMMARY_PROJECTION = {
  documentId: 1,
  label: 1,
  authorId: 1,
  createdAt: 1,
  stateBytes: 1,
} as const;

type VersionSummaryDoc = Pick<
  DocVersionDoc,
  '_id' | 'documentId' | 'label' | 'authorId' | 'createdAt' | 'stateBytes'
>;

function toSummary(doc: VersionSummaryDoc): VersionSummary {
  return {
    id: idOf(doc._id),
    documentId: idOf(doc.documentId),
    label: doc.label,
    authorId: idOrNull(doc.authorId),
    createdAt: doc.createdAt,
    stateBytes: doc.stateBytes,
  };
}

/** The versions part of the MongoDB adapter. */
export function createMongoVersions({ models, run }: MongoContext): VersionMethods {
  const { DocVersion, Document } = models;
  return {
    createVersion: (input) =>
      run(async () => {
        const created = await DocVersion.create({
          documentId: await requireExisting(Document, input.documentId, 'No such document.'),
          label: asString(input.label),
          authorId: optionalObjectId(input.authorId, 'No such user.'),
          createdAt: new Date(),
          state: toBuffer(input.state),
          stateBytes: input.state.byteLength,
          plainText: asString(input.plainText),
        });
        return toSummary(created.toObject());
      }),

    listVersions: ({ documentId, limit }) =>
      run(async () => {
        const objectId = toObjectId(documentId);
        const cursorLimit = toCursorLimit(limit);
        if (!objectId || cursorLimit === null) return [];
        const cursor = DocVersion.find({ documentId: objectId }, SUMMARY_PROJECTION).sort({
          createdAt: -1,
          _id: -1,
        });
        if (cursorLimit !== undefined) cursor.limit(cursorLimit);
        const docs = await cursor.lean<VersionSummaryDoc[]>();
        return docs.map(toSummary);
      }),

    getVersion: ({ id }) =>
      run(async () => {
        const objectId = toObjectId(id);
        if (!objectId) return null;
        const doc = await DocVersion.findById(objectId).lean<DocVersionDoc>();
        if (!doc) return null;
        return { ...toSummary(doc), state: toBytes(doc.state), plainText: doc.plainText ?? '' };
      }),
  };
}
