/** Comment threads and their comments in MongoDB. */
import { NotFoundError } from '../../errors';
import { commentNotFound, threadNotFound } from '../notFound';
import type { CommentRecord, ThreadMethods, ThreadRecord } from '../port/threads';
import type { MongoContext } from './context';
import { refreshSearchText } from './searchText';
import type { CommentDoc, ThreadDoc, ThreadModels } from './threadModels';
import {
  asString,
  idOf,
  idOrNull,
  optionalObjectId,
  requireExisting,
  toObjectId,
  toObjectIds,
} from './values';

function toThread(doc: ThreadDoc): ThreadRecord {
  return {
    id: idOf(doc._id),
    documentId: idOf(doc.documentId),
    authorId: idOf(doc.authorId),
    quote: doc.quote,
    anchorStart: doc.anchorStart,
    anchorEnd: doc.anchorEnd,
    status: doc.status,
    resolvedById: idOrNull(doc.resolvedById),
    resolvedAt: doc.resolvedAt ?? null,
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
  };
}

function toComment(doc: CommentDoc): CommentRecord {
  return {
    id: idOf(doc._id),
    threadId: idOf(doc.threadId),
    documentId: idOf(doc.documentId),
    authorId: idOf(doc.authorId),
    body: doc.body,
    mentions: [...doc.mentions],
    idempotencyKey: doc.idempotencyKey ?? null,
    createdAt: doc.createdAt,
    editedAt: doc.editedAt ?? null,
  };
}

/** The thread and comment part of the MongoDB adapter. */
export function createMongoThreads(
  { models, run }: MongoContext,
  { Thread, Comment }: ThreadModels,
): ThreadMethods {
  const { Document, User } = models;
  const byOldest = { createdAt: 1, _id: 1 } as const;

  /** Search covers comments: the document's `commentText` follows every comment write. */
  const refreshCommentText = async (documentId: CommentDoc['documentId']): Promise<void> => {
    const bodies = await Comment.find({ documentId }, { body: 1 })
      .sort(byOldest)
      .lean<CommentDoc[]>();
    const commentText = bodies.map((comment) => comment.body).join('\n');
    await Document.updateOne({ _id: documentId }, { $set: { commentText } }, { timestamps: false });
    await refreshSearchText(models, documentId);
  };

  return {
    createThread: (input) =>
      run(async () => {
        const created = await Thread.create({
          documentId: await requireExisting(Document, input.documentId, 'No such document.'),
          authorId: await requireExisting(User, input.authorId, 'No such user.'),
          quote: asString(input.quote),
          anchorStart: asString(input.anchorStart),
          anchorEnd: asString(input.anchorEnd),
          status: 'open',
        });
        return toThread(created.toObject());
      }),

    getThread: ({ id }) =>
      run(async () => {
        const objectId = toObjectId(id);
        const doc = objectId ? await Thread.findById(objectId).lean<ThreadDoc>() : null;
        return doc ? toThread(doc) : null;
      }),

    listThreads: ({ documentId }) =>
      run(async () => {
        const objectId = toObjectId(documentId);
        if (!objectId) return [];
        const docs = await Thread.find({ documentId: objectId }).sort(byOldest).lean<ThreadDoc[]>();
        return docs.map(toThread);
      }),

    countOpenThreads: ({ documentIds }) =>
      run(async () => {
        const counts = new Map<string, number>();
        const ids = toObjectIds(documentIds);
        if (ids.length === 0) return counts;
        const rows = await Thread.aggregate<{ _id: ThreadDoc['documentId']; open: number }>([
          { $match: { documentId: { $in: ids }, status: 'open' } },
          { $group: { _id: '$documentId', open: { $sum: 1 } } },
        ]);
        for (const row of rows) counts.set(idOf(row._id), row.open);
        return counts;
      }),

    updateThread: ({ id, patch }) =>
      run(async () => {
        const objectId = toObjectId(id);
        const set: Record<string, unknown> = {};
        if (patch.status !== undefined) set.status = asString(patch.status);
        if (patch.resolvedById !== undefined)
          set.resolvedById = optionalObjectId(patch.resolvedById, 'No such user.');
        if (patch.resolvedAt !== undefined) set.resolvedAt = patch.resolvedAt;
        if (patch.quote !== undefined) set.quote = asString(patch.quote);
        if (patch.anchorStart !== undefined) set.anchorStart = asString(patch.anchorStart);
        if (patch.anchorEnd !== undefined) set.anchorEnd = asString(patch.anchorEnd);
        const doc = objectId
          ? await Thread.findOneAndUpdate(
              { _id: objectId },
              { $set: { ...set, updatedAt: new Date() } },
              { returnDocument: 'after', timestamps: false },
            ).lean<ThreadDoc>()
          : null;
        if (!doc) throw threadNotFound();
        return toThread(doc);
      }),

    deleteThread: ({ id }) =>
      run(async () => {
        const objectId = toObjectId(id);
        const thread = objectId
          ? await Thread.findOneAndDelete({ _id: objectId }).lean<ThreadDoc>()
          : null;
        if (!thread) throw threadNotFound();
        await Comment.deleteMany({ threadId: objectId });
        await refreshCommentText(thread.documentId);
      }),

    deleteThreadsOfDocument: ({ documentId }) =>
      run(async () => {
        const objectId = toObjectId(documentId);
        if (!objectId) return;
        await Comment.deleteMany({ documentId: objectId });
        await Thread.deleteMany({ documentId: objectId });
      }),

    createComment: (input) =>
      run(
        async () => {
          const threadId = toObjectId(input.threadId);
          const thread = threadId ? await Thread.findById(threadId).lean<ThreadDoc>() : null;
          if (!thread) throw new NotFoundError('No such thread.', 'reference_not_found');
          const created = await Comment.create({
            threadId: thread._id,
            documentId: thread.documentId,
            authorId: await requireExisting(User, input.authorId, 'No such user.'),
            body: asString(input.body),
            mentions: input.mentions.map((mention) => asString(mention)),
            idempotencyKey:
              input.idempotencyKey === undefined || input.idempotencyKey === null
                ? null
                : asString(input.idempotencyKey),
            createdAt: new Date(),
          });
          await refreshCommentText(thread.documentId);
          return toComment(created.toObject());
        },
        {
          conflictCode: 'comment_exists',
          conflictMessage: 'A comment with that idempotency key exists already.',
        },
      ),

    getComment: ({ id }) =>
      run(async () => {
        const objectId = toObjectId(id);
        const doc = objectId ? await Comment.findById(objectId).lean<CommentDoc>() : null;
        return doc ? toComment(doc) : null;
      }),

    findCommentByIdempotencyKey: ({ authorId, idempotencyKey }) =>
      run(async () => {
        const objectId = toObjectId(authorId);
        if (!objectId) return null;
        const doc = await Comment.findOne({
          authorId: objectId,
          idempotencyKey: asString(idempotencyKey),
        }).lean<CommentDoc>();
        return doc ? toComment(doc) : null;
      }),

    listCommentsOfDocument: ({ documentId }) =>
      run(async () => {
        const objectId = toObjectId(documentId);
        if (!objectId) return [];
        const docs = await Comment.find({ documentId: objectId })
          .sort(byOldest)
          .lean<CommentDoc[]>();
        return docs.map(toComment);
      }),

    listComments: ({ threadId }) =>
      run(async () => {
        const objectId = toObjectId(threadId);
        if (!objectId) return [];
        const docs = await Comment.find({ threadId: objectId }).sort(byOldest).lean<CommentDoc[]>();
        return docs.map(toComment);
      }),

    updateComment: ({ id, body, mentions }) =>
      run(async () => {
        const objectId = toObjectId(id);
        const doc = objectId
          ? await Comment.findOneAndUpdate(
              { _id: objectId },
              {
                $set: {
                  body: asString(body),
                  mentions: mentions.map((mention) => asString(mention)),
                  editedAt: new Date(),
                },
              },
              { returnDocument: 'after' },
            ).lean<CommentDoc>()
          : null;
        if (!doc) throw commentNotFound();
        await refreshCommentText(doc.documentId);
        return toComment(doc);
      }),

    deleteComment: ({ id }) =>
      run(async () => {
        const objectId = toObjectId(id);
        const deleted = objectId
          ? await Comment.findOneAndDelete({ _id: objectId }).lean<CommentDoc>()
          : null;
        if (!deleted) throw commentNotFound();
        await refreshCommentText(deleted.documentId);
      }),
  };
}
