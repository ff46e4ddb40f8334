/** Review requests and the status history in MongoDB. */
import { trusted } from 'mongoose';
import { reviewRequestNotFound } from '../notFound';
import type {
  ReviewRequestMethods,
  ReviewRequestRecord,
  StatusChangeRecord,
} from '../port/reviewRequests';
import type { MongoContext } from './context';
import type { ReviewRequestDoc, ReviewRequestModels, StatusChangeDoc } from './reviewRequestModels';
import { asString, findLeanById, idOf, requireExisting, toObjectId } from './values';

function toRequest(doc: ReviewRequestDoc): ReviewRequestRecord {
  return {
    id: idOf(doc._id),
    documentId: idOf(doc.documentId),
    reviewerId: idOf(doc.reviewerId),
    requestedById: idOf(doc.requestedById),
    note: doc.note,
    dueAt: doc.dueAt ?? null,
    verdict: doc.verdict,
    answerNote: doc.answerNote,
    answeredAt: doc.answeredAt ?? null,
    createdAt: doc.createdAt,
  };
}

function toStatusChange(doc: StatusChangeDoc): StatusChangeRecord {
  return {
    id: idOf(doc._id),
    documentId: idOf(doc.documentId),
    actorId: idOf(doc.actorId),
    from: doc.from,
    to: doc.to,
    note: doc.note,
    createdAt: doc.createdAt,
  };
}

/** The review-request part of the MongoDB adapter. */
export function createMongoReviewRequests(
  { models, run }: MongoContext,
  { ReviewRequest, StatusChange }: ReviewRequestModels,
): ReviewRequestMethods {
  const { Document, User } = models;
  const byOldest = { createdAt: 1, _id: 1 } as const;
  return {
    requestReviews: (input) =>
      run(async () => {
        const documentId = await requireExisting(Document, input.documentId, 'No such document.');
        const requestedById = await requireExisting(User, input.requestedById, 'No such user.');
        const records: ReviewRequestRecord[] = [];
        for (const reviewer of [...new Set(input.reviewerIds)]) {
          const reviewerId = await requireExisting(User, reviewer, 'No such user.');
          // A new round replaces the reviewer's earlier request on this document.
          const doc = await ReviewRequest.findOneAndUpdate(
            { documentId, reviewerId },
            {
              $set: {
                requestedById,
                note: asString(input.note),
                dueAt: input.dueAt,
                verdict: 'pending',
                answerNote: '',
                answeredAt: null,
                createdAt: new Date(),
              },
            },
            { upsert: true, returnDocument: 'after' },
          ).lean<ReviewRequestDoc>();
          if (doc) records.push(toRequest(doc));
        }
        return records;
      }),

    getReviewRequest: ({ id }) =>
      run(async () => {
        const doc = await findLeanById<ReviewRequestDoc>(ReviewRequest, id);
        return doc ? toRequest(doc) : null;
      }),

    listReviewRequests: (input) =>
      run(async () => {
        const filter: Record<string, unknown> = {};
        if ('documentId' in input) {
          const documentId = toObjectId(input.documentId);
          if (!documentId) return [];
          filter.documentId = documentId;
        } else {
          const reviewerId = toObjectId(input.reviewerId);
          if (!reviewerId) return [];
          filter.reviewerId = reviewerId;
          if (input.verdicts) filter.verdict = trusted({ $in: input.verdicts.map(asString) });
        }
        const docs = await ReviewRequest.find(filter).sort(byOldest).lean<ReviewRequestDoc[]>();
        return docs.map(toRequest);
      }),

    answerReviewRequest: ({ id, verdict, note }) =>
      run(async () => {
        const objectId = toObjectId(id);
        const doc = objectId
          ? await ReviewRequest.findOneAndUpdate(
              { _id: objectId },
              {
                $set: {
                  verdict: asString(verdict),
                  answerNote: asString(note),
                  answeredAt: new Date(),
                },
              },
              { returnDocument: 'after' },
            ).lean<ReviewRequestDoc>()
          : null;
        if (!doc) throw reviewRequestNotFound();
        return toRequest(doc);
      }),

    recordStatusChange: (input) =>
      run(async () => {
        const created = await StatusChange.create({
          documentId: await requireExisting(Document, input.documentId, 'No such document.'),
          actorId: await requireExisting(User, input.actorId, 'No such user.'),
          from: asString(input.from),
          to: asString(input.to),
          note: asString(input.note),
          createdAt: new Date(),
        });
        return toStatusChange(created.toObject());
      }),

    listStatusChanges: ({ documentId }) =>
      run(async () => {
        const objectId = toObjectId(documentId);
        if (!objectId) return [];
        const docs = await StatusChange.find({ documentId: objectId })
          .sort({ createdAt: -1, _id: -1 })
          .lean<StatusChangeDoc[]>();
        return docs.map(toStatusChange);
      }),

    deleteReviewRequestsOfDocument: ({ documentId }) =>
      run(async () => {
        const objectId = toObjectId(documentId);
        if (!objectId) return;
        await ReviewRequest.deleteMany({ documentId: objectId });
        await StatusChange.deleteMany({ documentId: objectId });
      }),
  };
}
