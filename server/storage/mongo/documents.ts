/** Document metadata and derived fields in MongoDB, with the filtered listing. */
import { trusted, type Types } from 'mongoose';
import { isVersionedPatch, versionConflict } from '../documentVersion';
import { documentNotFound } from '../notFound';
import type { DocumentFilter, DocumentMeta, DocumentRecord, DocumentSummary } from '../types';
import type { DocumentMethods } from '../port/documents';
import type { MongoContext } from './context';
import type { DocumentDoc, MembershipDoc } from './records';
import { refreshSearchText } from './searchText';
import {
  asString,
  escapeRegExp,
  idOf,
  idOrNull,
  optionalObjectId,
  requireExisting,
  requireObjectId,
  toCursorLimit,
  toObjectId,
  toObjectIds,
} from './values';

/** The metadata fields of a document record: what `getDocumentMeta` projects. */
type DocumentMetaDoc = Omit<
  DocumentDoc,
  'plainText' | 'outline' | 'wordCount' | 'lastEditorIds' | 'contentUpdatedAt'
>;

/**
 * Inclusion projection of the metadata: access checks never pull the plain text (up to ~1 MB)
 * over the wire, and a field added to the schema later is not read by accident.
 */
const META_PROJECTION = {
  workspaceId: 1,
  title: 1,
  kind: 1,
  status: 1,
  cityId: 1,
  policyAreas: 1,
  stakeholders: 1,
  language: 1,
  createdById: 1,
  createdAt: 1,
  updatedAt: 1,
  deletedAt: 1,
  deletedById: 1,
  version: 1,
  linkAccess: 1,
} as const satisfies Record<Exclude<keyof DocumentMetaDoc, '_id'>, 1>;

function toDocumentMeta(doc: DocumentMetaDoc): DocumentMeta {
  return {
    id: idOf(doc._id),
    workspaceId: idOf(doc.workspaceId),
    title: doc.title,
    kind: doc.kind,
    status: doc.status,
    cityId: idOrNull(doc.cityId),
    policyAreas: [...(doc.policyAreas ?? [])],
    stakeholders: [...(doc.stakeholders ?? [])],
    language: doc.language ?? 'en',
    createdById: idOf(doc.createdById),
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
    deletedAt: doc.deletedAt ?? null,
    deletedById: idOrNull(doc.deletedById),
    // Documents stored before the field existed are at their first version.
    version: doc.version ?? 1,
    linkAccess: doc.linkAccess ?? 'restricted',
  };
}

/** The fields of a document record that lists read: all but the plain text. */
export type DocumentSummaryDoc = Omit<DocumentDoc, 'plainText'>;

/** Inclusion projection of what lists return (the text filter still matches server-side). */
export const SUMMARY_PROJECTION = {
  ...META_PROJECTION,
  outline: 1,
  wordCount: 1,
  lastEditorIds: 1,
  contentUpdatedAt: 1,
} as const satisfies Record<Exclude<keyof DocumentSummaryDoc, '_id'>, 1>;

/** A list document as the port's `DocumentSummary`. */
export function toDocumentSummary(doc: DocumentSummaryDoc): DocumentSummary {
  return {
    ...toDocumentMeta(doc),
    outline: (doc.outline ?? []).map((heading) => ({ level: heading.level, text: heading.text })),
    wordCount: doc.wordCount ?? 0,
    lastEditorIds: (doc.lastEditorIds ?? []).map(idOf),
    contentUpdatedAt: doc.contentUpdatedAt ?? null,
  };
}

function toDocument(doc: DocumentDoc): DocumentRecord {
  return { ...toDocumentSummary(doc), plainText: doc.plainText ?? '' };
}

/**
 * Builds the query field by field from the typed filter; every value is coerced, and the
 * only operators are our own (`trusted`, as the connection sanitises filters).
 * Returns null when the filter names an id that cannot exist (so nothing matches).
 */
function compileFilter(filter: DocumentFilter): Record<string, unknown> | null {
  const query: Record<string, unknown> = {};
  if (filter.workspaceId !== undefined) {
    const workspaceId = toObjectId(filter.workspaceId);
    if (!workspaceId) return null;
    query.workspaceId = workspaceId;
  }
  if (filter.cityId !== undefined) {
    const cityId = toObjectId(filter.cityId);
    if (!cityId) return null;
    query.cityId = cityId;
  }
  if (filter.kind !== undefined) query.kind = asString(filter.kind);
  if (filter.status !== undefined) query.status = asString(filter.status);
  // Equality against an array field matches documents whose array contains the value.
  if (filter.policyArea !== undefined) query.policyAreas = asString(filter.policyArea);
  if (filter.text !== undefined && filter.text !== '') {
    const pattern = escapeRegExp(asString(filter.text));
    query.$or = [
      { title: trusted({ $regex: pattern, $options: 'i' }) },
      { plainText: trusted({ $regex: pattern, $options: 'i' }) },
    ];
  }
  const trash = filter.trash ?? 'active';
  if (trash === 'active') query.deletedAt = null;
  if (trash === 'trashed') query.deletedAt = trusted({ $ne: null });
  if (filter.trashedBefore !== undefined) {
    // $lt on a date never matches null: only trashed documents.
    query.deletedAt = trusted({ $lt: new Date(filter.trashedBefore.getTime()) });
  }
  return query;
}

/** The document-metadata part of the MongoDB adapter. */
export function createMongoDocuments({ models, run }: MongoContext): DocumentMethods {
  const {
    Document,
    DocUpdate,
    DocSnapshot,
    DocCounter,
    DocVersion,
    DocOriginal,
    Workspace,
    Organization,
    Membership,
    DocumentShare,
    Invitation,
  } = models;

  return {
    createDocument: (input) =>
      run(async () => {
        const created = await Document.create({
          workspaceId: await requireExisting(Workspace, input.workspaceId, 'No such workspace.'),
          title: asString(input.title),
          kind: input.kind,
          createdById: requireObjectId(input.createdById, 'No such user.'),
          cityId: await requireExisting(Organization, input.cityId, 'No such city.'),
          policyAreas: (input.policyAreas ?? []).map(asString),
          stakeholders: (input.stakeholders ?? []).map(asString),
          language: asString(input.language ?? 'en'),
        });
        await refreshSearchText(models, created._id);
        return toDocument(created.toObject());
      }),

    getDocument: ({ id }) =>
      run(async () => {
        const objectId = toObjectId(id);
        if (!objectId) return null;
        const doc = await Document.findById(objectId).lean<DocumentDoc>();
        return doc ? toDocument(doc) : null;
      }),

    getDocumentMeta: ({ id }) =>
      run(async () => {
        const objectId = toObjectId(id);
        if (!objectId) return null;
        const doc = await Document.findById(objectId, META_PROJECTION).lean<DocumentMetaDoc>();
        return doc ? toDocumentMeta(doc) : null;
      }),

    listDocumentMetas: ({ ids }) =>
      run(async () => {
        const objectIds = toObjectIds(ids);
        if (objectIds.length === 0) return [];
        const docs = await Document.find(
          { _id: trusted({ $in: objectIds }) },
          META_PROJECTION,
        ).lean<DocumentMetaDoc[]>();
        return docs.map(toDocumentMeta);
      }),

    listDocuments: ({ filter, limit }) =>
      run(async () => {
        const query = compileFilter(filter);
        const cursorLimit = toCursorLimit(limit);
        if (!query || cursorLimit === null) return [];
        const cursor = Document.find(query, SUMMARY_PROJECTION).sort({ updatedAt: -1, _id: -1 });
        if (cursorLimit !== undefined) cursor.limit(cursorLimit);
        const docs = await cursor.lean<DocumentSummaryDoc[]>();
        return docs.map(toDocumentSummary);
      }),

    listRecentDocuments: ({ userId, limit }) =>
      run(async () => {
        const userObjectId = toObjectId(userId);
        const cursorLimit = toCursorLimit(limit);
        if (!userObjectId || cursorLimit === null) return [];
        // Two round trips, one storage call: the user's workspaces, then their documents.
        const memberships = await Membership.find(
          { userId: userObjectId },
          { workspaceId: 1 },
        ).lean<Pick<MembershipDoc, '_id' | 'workspaceId'>[]>();
        if (memberships.length === 0) return [];
        const cursor = Document.find(
          {
            workspaceId: trusted({ $in: memberships.map((membership) => membership.workspaceId) }),
            deletedAt: null,
          },
          SUMMARY_PROJECTION,
        ).sort({ updatedAt: -1, _id: -1 });
        if (cursorLimit !== undefined) cursor.limit(cursorLimit);
        const docs = await cursor.lean<DocumentSummaryDoc[]>();
        return docs.map(toDocumentSummary);
      }),

    listDocumentsSharedWith: ({ userId, limit }) =>
      run(async () => {
        const userObjectId = toObjectId(userId);
        const cursorLimit = toCursorLimit(limit);
        if (!userObjectId || cursorLimit === null) return [];
        const shares = await DocumentShare.find({ userId: userObjectId }, { documentId: 1 }).lean<
          { _id: unknown; documentId: Types.ObjectId }[]
        >();
        if (shares.length === 0) return [];
        const cursor = Document.find(
          { _id: trusted({ $in: shares.map((share) => share.documentId) }), deletedAt: null },
          SUMMARY_PROJECTION,
        ).sort({ updatedAt: -1, _id: -1 });
        if (cursorLimit !== undefined) cursor.limit(cursorLimit);
        const docs = await cursor.lean<DocumentSummaryDoc[]>();
        return docs.map(toDocumentSummary);
      }),

    updateDocument: ({ id, patch, expectedVersion }) =>
      run(async () => {
        const objectId = toObjectId(id);
        const set: Partial<Omit<DocumentDoc, '_id'>> = {};
        if (patch.title !== undefined) set.title = asString(patch.title);
        if (patch.kind !== undefined) set.kind = asString(patch.kind);
        if (patch.status !== undefined) set.status = asString(patch.status);
        if (patch.cityId !== undefined) {
          set.cityId = await requireExisting(Organization, patch.cityId, 'No such city.');
        }
        if (patch.policyAreas !== undefined) set.policyAreas = patch.policyAreas.map(asString);
        if (patch.stakeholders !== undefined) set.stakeholders = patch.stakeholders.map(asString);
        if (patch.language !== undefined) set.language = asString(patch.language);
        if (patch.deletedAt !== undefined) {
          set.deletedAt = patch.deletedAt ? new Date(patch.deletedAt.getTime()) : null;
        }
        if (patch.deletedById !== undefined) {
          set.deletedById = optionalObjectId(patch.deletedById, 'No such user.');
        }
        if (patch.linkAccess !== undefined) set.linkAccess = asString(patch.linkAccess);
        if (patch.plainText !== undefined) set.plainText = asString(patch.plainText);
        if (patch.outline !== undefined) {
          set.outline = patch.outline.map((heading) => ({
            level: Number(heading.level),
            text: String(heading.text),
          }));
        }
        if (patch.wordCount !== undefined) set.wordCount = Number(patch.wordCount);
        if (patch.lastEditorIds !== undefined) {
          set.lastEditorIds = patch.lastEditorIds.map((editorId) =>
            requireObjectId(editorId, 'No such user.'),
          );
        }
        if (patch.contentUpdatedAt !== undefined) {
          set.contentUpdatedAt = patch.contentUpdatedAt
            ? new Date(patch.contentUpdatedAt.getTime())
            : null;
        }
        if (!objectId) throw documentNotFound();
        // One conditional write: a concurrent writer cannot slip in between check and update.
        const doc = await Document.findOneAndUpdate(
          expectedVersion === undefined
            ? { _id: objectId }
            : { _id: objectId, version: Number(expectedVersion) },
          isVersionedPatch(patch) ? { $set: set, $inc: { version: 1 } } : { $set: set },
          { returnDocument: 'after', runValidators: true },
        ).lean<DocumentDoc>();
        if (!doc) {
          const exists = await Document.exists({ _id: objectId });
          throw exists ? versionConflict() : documentNotFound();
        }
        const isSearchTextChanged = ['title', 'plainText', 'cityId', 'policyAreas'].some(
          (field) => field in set,
        );
        if (isSearchTextChanged) await refreshSearchText(models, objectId);
        return toDocument(doc);
      }),

    purgeDocument: ({ id }) =>
      run(async () => {
        const objectId = toObjectId(id);
        if (!objectId) throw documentNotFound();
        const result = await Document.deleteOne({ _id: objectId });
        // The Yjs log goes too, even when the metadata was gone already (no orphans left).
        // The counter first: without it, appends are refused (see docUpdates.ts).
        await DocCounter.deleteOne({ _id: objectId });
        await DocUpdate.deleteMany({ documentId: objectId });
        await DocSnapshot.deleteOne({ _id: objectId });
        await DocVersion.deleteMany({ documentId: objectId });
        await DocOriginal.deleteOne({ _id: objectId });
        // Its shares and pending document invitations go with it (SQLite: foreign keys).
        await DocumentShare.deleteMany({ documentId: objectId });
        await Invitation.deleteMany({ documentId: objectId });
        if (result.deletedCount === 0) throw documentNotFound();
      }),
  };
}
