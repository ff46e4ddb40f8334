/**
 * Suggestion records in MongoDB. The `_id` is the suggestion's own id (the string its marks
 * carry), so recording is one upsert that only inserts: two processes seeing the same
 * suggestion at once both end with the first record.
 */
import { Schema, type Connection, type Model, type Types } from 'mongoose';
import { suggestionNotFound, suggestionResolved } from '../notFound';
import type {
  SuggestionKind,
  SuggestionMethods,
  SuggestionRecord,
  SuggestionStatus,
} from '../port/suggestions';
import type { MongoContext } from './context';
import { asString, idOf, idOrNull, requireExisting, requireObjectId, toObjectId } from './values';

/** A suggestion as stored. */
export interface SuggestionDoc {
  _id: string;
  documentId: Types.ObjectId;
  authorId: Types.ObjectId;
  kind: SuggestionKind;
  text: string;
  status: SuggestionStatus;
  resolvedById: Types.ObjectId | null;
  resolvedAt: Date | null;
  createdAt: Date;
}

/** Declares the suggestion schema on `connection` (call `init()` before use). */
export function createSuggestionModel(connection: Connection): Model<SuggestionDoc> {
  const { ObjectId } = Schema.Types;
  const suggestion = new Schema<SuggestionDoc>({
    _id: { type: String, required: true },
    documentId: { type: ObjectId, required: true },
    authorId: { type: ObjectId, required: true },
    kind: { type: String, enum: ['insert', 'delete'], required: true },
    text: { type: String, default: '' },
    status: { type: String, enum: ['open', 'accepted', 'rejected'], default: 'open' },
    resolvedById: { type: ObjectId, default: null },
    resolvedAt: { type: Date, default: null },
    createdAt: { type: Date, required: true },
  });
  suggestion.index({ documentId: 1, createdAt: 1, _id: 1 });
  return connection.model<SuggestionDoc>('Suggestion', suggestion, 'suggestions');
}

function toSuggestion(doc: SuggestionDoc): SuggestionRecord {
  return {
    id: doc._id,
    documentId: idOf(doc.documentId),
    authorId: idOf(doc.authorId),
    kind: doc.kind,
    text: doc.text,
    status: doc.status,
    resolvedById: idOrNull(doc.resolvedById),
    resolvedAt: doc.resolvedAt ?? null,
    createdAt: doc.createdAt,
  };
}

/** The suggestion part of the MongoDB adapter. */
export function createMongoSuggestions(
  { models, run }: MongoContext,
  Suggestion: Model<SuggestionDoc>,
): SuggestionMethods {
  const { Document, User } = models;
  const byOldest = { createdAt: 1, _id: 1 } as const;
  const find = async (id: string): Promise<SuggestionRecord | null> => {
    const doc = await Suggestion.findById(asString(id)).lean<SuggestionDoc>();
    return doc ? toSuggestion(doc) : null;
  };

  return {
    recordSuggestion: (input) =>
      run(async () => {
        const documentId = await requireExisting(Document, input.documentId, 'No such document.');
        const authorId = await requireExisting(User, input.authorId, 'No such user.');
        const result = await Suggestion.updateOne(
          { _id: asString(input.id) },
          {
            $setOnInsert: {
              documentId,
              authorId,
              kind: asString(input.kind),
              text: asString(input.text),
              status: 'open',
              resolvedById: null,
              resolvedAt: null,
              createdAt: new Date(),
            },
          },
          { upsert: true },
        );
        const record = await find(input.id);
        if (!record) throw suggestionNotFound();
        return { record, isNew: result.upsertedCount > 0 };
      }),

    getSuggestion: ({ id }) => run(() => find(id)),

    listSuggestions: ({ documentId }) =>
      run(async () => {
        const objectId = toObjectId(documentId);
        if (!objectId) return [];
        const docs = await Suggestion.find({ documentId: objectId })
          .sort(byOldest)
          .lean<SuggestionDoc[]>();
        return docs.map(toSuggestion);
      }),

    resolveSuggestion: ({ id, status, resolvedById }) =>
      run(async () => {
        const doc = await Suggestion.findOneAndUpdate(
          { _id: asString(id), status: 'open' },
          {
            $set: {
              status: asString(status),
              resolvedById: requireObjectId(resolvedById, 'No such user.'),
              resolvedAt: new Date(),
            },
          },
          { returnDocument: 'after' },
        ).lean<SuggestionDoc>();
        if (!doc) {
          const existing = await Suggestion.findById(asString(id)).lean<SuggestionDoc>();
          throw existing ? suggestionResolved(toSuggestion(existing)) : suggestionNotFound();
        }
        return toSuggestion(doc);
      }),

    deleteSuggestionsOfDocument: ({ documentId }) =>
      run(async () => {
        const objectId = toObjectId(documentId);
        if (objectId) await Suggestion.deleteMany({ documentId: objectId });
      }),
  };
}
