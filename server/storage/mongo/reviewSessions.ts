/** Review sessions in MongoDB (`reviewSessions`). */
import { trusted } from 'mongoose';
import { ConflictError, NotFoundError } from '../../errors';
import { reviewSessionNotFound } from '../notFound';
import type {
  ReviewSessionMethods,
  ReviewSessionPatch,
  ReviewSessionRecord,
} from '../port/reviewSessions';
import type { MongoContext } from './context';
import type { ReviewModels, ReviewSessionDoc } from './reviewModels';
import type { DocumentDoc } from './records';
import {
  asString,
  findLeanById,
  idOf,
  idOrNull,
  optionalObjectId,
  requireObjectId,
  toObjectId,
  toObjectIds,
} from './values';

function toSession(doc: ReviewSessionDoc): ReviewSessionRecord {
  return {
    id: idOf(doc._id),
    documentId: idOf(doc.documentId),
    workspaceId: idOf(doc.workspaceId),
    title: doc.title,
    startsAt: doc.startsAt,
    facilitatorId: idOf(doc.facilitatorId),
    createdById: idOf(doc.createdById),
    state: doc.state,
    agenda: doc.agenda.map((item) => ({
      id: item.id,
      title: item.title,
      minutes: item.minutes,
      heading: item.heading ?? null,
    })),
    currentItemId: doc.currentItemId ?? null,
    itemEndsAt: doc.itemEndsAt ?? null,
    hands: doc.hands.map((hand) => ({ userId: hand.userId, raisedAt: hand.raisedAt })),
    decisions: Object.fromEntries(doc.decisions.map((entry) => [entry.itemId, entry.text])),
    attendeeIds: [...doc.attendeeIds],
    threadTags: doc.threadTags.map((tag) => ({ threadId: tag.threadId, itemId: tag.itemId })),
    // Sessions stored before suggestions were tagged have no such field.
    suggestionTags: (doc.suggestionTags ?? []).map((tag) => ({
      suggestionId: tag.suggestionId,
      itemId: tag.itemId,
    })),
    minutesDocumentId: idOrNull(doc.minutesDocumentId),
    startedAt: doc.startedAt ?? null,
    endedAt: doc.endedAt ?? null,
    version: doc.version,
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
  };
}

/** The `$set` of a patch: every value coerced, so nothing from a client becomes an operator. */
function toSet(patch: ReviewSessionPatch): Record<string, unknown> {
  const set: Record<string, unknown> = {};
  if (patch.title !== undefined) set.title = asString(patch.title);
  if (patch.startsAt !== undefined) set.startsAt = new Date(patch.startsAt.getTime());
  if (patch.facilitatorId !== undefined)
    set.facilitatorId = requireObjectId(patch.facilitatorId, 'No such user.');
  if (patch.state !== undefined) set.state = asString(patch.state);
  if (patch.agenda !== undefined) set.agenda = patch.agenda;
  if (patch.currentItemId !== undefined)
    set.currentItemId = patch.currentItemId === null ? null : asString(patch.currentItemId);
  if (patch.itemEndsAt !== undefined) set.itemEndsAt = patch.itemEndsAt;
  if (patch.hands !== undefined) set.hands = patch.hands;
  if (patch.decisions !== undefined) {
    set.decisions = Object.entries(patch.decisions).map(([itemId, text]) => ({ itemId, text }));
  }
  if (patch.attendeeIds !== undefined) set.attendeeIds = patch.attendeeIds.map(asString);
  if (patch.threadTags !== undefined) set.threadTags = patch.threadTags;
  if (patch.suggestionTags !== undefined) set.suggestionTags = patch.suggestionTags;
  if (patch.minutesDocumentId !== undefined)
    set.minutesDocumentId = optionalObjectId(patch.minutesDocumentId, 'No such document.');
  if (patch.startedAt !== undefined) set.startedAt = patch.startedAt;
  if (patch.endedAt !== undefined) set.endedAt = patch.endedAt;
  return set;
}

/** The review-session part of the MongoDB adapter. */
export function createMongoReviewSessions(
  { models, run }: MongoContext,
  { ReviewSession }: ReviewModels,
): ReviewSessionMethods {
  const { Document } = models;
  const byStart = { startsAt: 1, createdAt: 1, _id: 1 } as const;
  return {
    createReviewSession: (input) =>
      run(async () => {
        const documentId = toObjectId(input.documentId);
        const document = documentId
          ? await Document.findById(documentId, { workspaceId: 1 }).lean<DocumentDoc>()
          : null;
        if (!document) throw new NotFoundError('No such document.', 'reference_not_found');
        const now = new Date();
        const created = await ReviewSession.create({
          documentId: document._id,
          workspaceId: document.workspaceId,
          title: asString(input.title),
          startsAt: new Date(input.startsAt.getTime()),
          facilitatorId: requireObjectId(input.facilitatorId, 'No such user.'),
          createdById: requireObjectId(input.createdById, 'No such user.'),
          state: 'scheduled',
          agenda: input.agenda,
          version: 1,
          createdAt: now,
          updatedAt: now,
        });
        return toSession(created.toObject());
      }),

    getReviewSession: ({ id }) =>
      run(async () => {
        const doc = await findLeanById<ReviewSessionDoc>(ReviewSession, id);
        return doc ? toSession(doc) : null;
      }),

    listReviewSessions: (input) =>
      run(async () => {
        const filter: Record<string, unknown> = {};
        if ('documentId' in input) {
          const documentId = toObjectId(input.documentId);
          if (!documentId) return [];
          filter.documentId = documentId;
        } else {
          filter.workspaceId = trusted({ $in: toObjectIds(input.workspaceIds) });
        }
        if (input.states) filter.state = trusted({ $in: input.states.map(asString) });
        const docs = await ReviewSession.find(filter).sort(byStart).lean<ReviewSessionDoc[]>();
        return docs.map(toSession);
      }),

    updateReviewSession: ({ id, expectedVersion, patch }) =>
      run(async () => {
        const objectId = toObjectId(id);
        if (!objectId) throw reviewSessionNotFound();
        const set = { ...toSet(patch), updatedAt: new Date() };
        // One conditional write: a concurrent writer cannot slip in between check and update.
        const doc = await ReviewSession.findOneAndUpdate(
          { _id: objectId, version: Number(expectedVersion) },
          { $set: set, $inc: { version: 1 } },
          { returnDocument: 'after' },
        ).lean<ReviewSessionDoc>();
        if (doc) return toSession(doc);
        if (!(await ReviewSession.exists({ _id: objectId }))) throw reviewSessionNotFound();
        throw new ConflictError(
          'The session changed meanwhile; reload it and try again.',
          'review_session_conflict',
        );
      }),

    deleteReviewSessionsOfDocument: ({ documentId }) =>
      run(async () => {
        const objectId = toObjectId(documentId);
        if (!objectId) return;
        await ReviewSession.deleteMany({ documentId: objectId });
      }),
  };
}
