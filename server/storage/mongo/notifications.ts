/** In-app notifications in MongoDB (model in `threadModels.ts`, with the other review models). */
import { trusted } from 'mongoose';
import type { NotificationMethods, NotificationRecord } from '../port/notifications';
import type { MongoContext } from './context';
import type { NotificationDoc, ThreadModels } from './threadModels';
import {
  asString,
  idOf,
  idOrNull,
  requireExisting,
  requireObjectId,
  toCursorLimit,
  toObjectId,
  toObjectIds,
} from './values';

function toNotification(doc: NotificationDoc): NotificationRecord {
  return {
    id: idOf(doc._id),
    userId: idOf(doc.userId),
    kind: doc.kind,
    actorId: idOf(doc.actorId),
    documentId: idOf(doc.documentId),
    threadId: idOrNull(doc.threadId),
    commentId: idOrNull(doc.commentId),
    isRead: doc.isRead === true,
    emailedAt: doc.emailedAt ?? null,
    createdAt: doc.createdAt,
  };
}

/** The notification part of the MongoDB adapter. */
export function createMongoNotifications(
  { models, run }: MongoContext,
  { Notification }: ThreadModels,
): NotificationMethods {
  const { User, Document } = models;
  return {
    createNotification: (input) =>
      run(async () => {
        const created = await Notification.create({
          userId: await requireExisting(User, input.userId, 'No such user.'),
          kind: asString(input.kind),
          actorId: requireObjectId(input.actorId, 'No such user.'),
          documentId: await requireExisting(Document, input.documentId, 'No such document.'),
          threadId: input.threadId ? toObjectId(input.threadId) : null,
          commentId: input.commentId ? toObjectId(input.commentId) : null,
          isRead: false,
          emailedAt: null,
          createdAt: new Date(),
        });
        return toNotification(created.toObject());
      }),

    listNotifications: ({ userId, isRead, limit }) =>
      run(async () => {
        const objectId = toObjectId(userId);
        const cursorLimit = toCursorLimit(limit);
        if (!objectId || cursorLimit === null) return [];
        const filter: Record<string, unknown> = { userId: objectId };
        if (isRead !== undefined) filter.isRead = isRead;
        let query = Notification.find(filter).sort({ createdAt: -1, _id: -1 });
        if (cursorLimit !== undefined) query = query.limit(cursorLimit);
        return (await query.lean<NotificationDoc[]>()).map(toNotification);
      }),

    countUnreadNotifications: ({ userId }) =>
      run(async () => {
        const objectId = toObjectId(userId);
        if (!objectId) return 0;
        return Notification.countDocuments({ userId: objectId, isRead: false });
      }),

    markNotificationsRead: ({ userId, ids }) =>
      run(async () => {
        const objectId = toObjectId(userId);
        if (!objectId) return 0;
        const filter: Record<string, unknown> = { userId: objectId, isRead: false };
        if (ids !== undefined) filter._id = trusted({ $in: toObjectIds(ids) });
        const result = await Notification.updateMany(filter, { $set: { isRead: true } });
        return result.modifiedCount;
      }),

    listNotificationMailRecipients: ({ createdBefore, limit }) =>
      run(async () => {
        const cursorLimit = toCursorLimit(limit);
        if (cursorLimit === null) return [];
        const ids = await Notification.distinct('userId', dueFilter({ createdBefore }));
        const userIds = (ids as unknown[]).map((id) => String(id));
        return cursorLimit === undefined ? userIds : userIds.slice(0, cursorLimit);
      }),

    claimNotificationsForMail: ({ userId, at }) =>
      run(async () => {
        const objectId = toObjectId(userId);
        if (!objectId) return [];
        // One document at a time, each by a conditional update: a notification another
        // process took meanwhile no longer matches, so no notification is claimed twice.
        const claimed: NotificationRecord[] = [];
        const filter = { userId: objectId, emailedAt: null, isRead: false };
        for (;;) {
          const doc = await Notification.findOneAndUpdate(
            filter,
            { $set: { emailedAt: at } },
            { returnDocument: 'after', sort: { createdAt: 1, _id: 1 } },
          ).lean<NotificationDoc>();
          if (!doc) return claimed;
          claimed.push(toNotification(doc));
        }
      }),

    releaseNotificationMailClaim: ({ ids, at }) =>
      run(async () => {
        const result = await Notification.updateMany(
          { _id: trusted({ $in: toObjectIds(ids) }), emailedAt: at },
          { $set: { emailedAt: null } },
        );
        return result.modifiedCount;
      }),
  };
}

/** Unread, not yet e-mailed, older than the digest's delay. */
function dueFilter(input: { createdBefore: Date }): Record<string, unknown> {
  return {
    emailedAt: null,
    isRead: false,
    createdAt: trusted({ $lt: input.createdBefore }),
  };
}
