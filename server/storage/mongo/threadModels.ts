/**
 * Mongoose schemas of comment threads, comments and notifications, built per connection like `models.ts`
 * (kept apart so the review features add files rather than grow the core model list).
 */
import { Schema, type Connection, type Model, type Types } from 'mongoose';
import { NOTIFICATION_KINDS, type NotificationKind } from '../port/notifications';
import type { ThreadStatus } from '../port/threads';

/** A thread as stored (what `lean()` returns). */
export interface ThreadDoc {
  _id: Types.ObjectId;
  documentId: Types.ObjectId;
  authorId: Types.ObjectId;
  quote: string;
  anchorStart: string;
  anchorEnd: string;
  status: ThreadStatus;
  resolvedById: Types.ObjectId | null;
  resolvedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

/** A comment as stored. */
export interface CommentDoc {
  _id: Types.ObjectId;
  threadId: Types.ObjectId;
  documentId: Types.ObjectId;
  authorId: Types.ObjectId;
  body: string;
  mentions: string[];
  idempotencyKey: string | null;
  createdAt: Date;
  editedAt: Date | null;
}

/** A notification as stored. */
export interface NotificationDoc {
  _id: Types.ObjectId;
  userId: Types.ObjectId;
  kind: NotificationKind;
  actorId: Types.ObjectId;
  documentId: Types.ObjectId;
  threadId: Types.ObjectId | null;
  commentId: Types.ObjectId | null;
  isRead: boolean;
  /** When the e-mail digest took it; null while due. Backfilled at startup (see index.ts). */
  emailedAt: Date | null;
  createdAt: Date;
}

/** The review models of one storage instance. */
export interface ThreadModels {
  Thread: Model<ThreadDoc>;
  Comment: Model<CommentDoc>;
  Notification: Model<NotificationDoc>;
}

const { ObjectId } = Schema.Types;

/** Declares the thread and comment schemas on `connection`. */
export function createThreadModels(connection: Connection): ThreadModels {
  const thread = new Schema<ThreadDoc>(
    {
      documentId: { type: ObjectId, required: true },
      authorId: { type: ObjectId, required: true },
      quote: { type: String, default: '' },
      anchorStart: { type: String, required: true },
      anchorEnd: { type: String, required: true },
      status: { type: String, enum: ['open', 'resolved'], default: 'open' },
      resolvedById: { type: ObjectId, default: null },
      resolvedAt: { type: Date, default: null },
    },
    { timestamps: true },
  );
  thread.index({ documentId: 1, createdAt: 1, _id: 1 });
  thread.index({ documentId: 1, status: 1 });

  const comment = new Schema<CommentDoc>({
    threadId: { type: ObjectId, required: true },
    documentId: { type: ObjectId, required: true },
    authorId: { type: ObjectId, required: true },
    body: { type: String, required: true },
    mentions: { type: [String], default: [] },
    idempotencyKey: { type: String, default: null },
    createdAt: { type: Date, required: true },
    editedAt: { type: Date, default: null },
  });
  comment.index({ threadId: 1, createdAt: 1, _id: 1 });
  comment.index({ documentId: 1, createdAt: 1, _id: 1 });
  // Unique per author, for comments that carry a key (a partial index skips the others).
  comment.index(
    { authorId: 1, idempotencyKey: 1 },
    { unique: true, partialFilterExpression: { idempotencyKey: { $type: 'string' } } },
  );

  const notification = new Schema<NotificationDoc>({
    userId: { type: ObjectId, required: true },
    kind: {
      type: String,
      enum: [...NOTIFICATION_KINDS],
      required: true,
    },
    actorId: { type: ObjectId, required: true },
    documentId: { type: ObjectId, required: true },
    threadId: { type: ObjectId, default: null },
    commentId: { type: ObjectId, default: null },
    isRead: { type: Boolean, default: false },
    emailedAt: { type: Date, default: null },
    createdAt: { type: Date, required: true },
  });
  notification.index({ userId: 1, createdAt: -1, _id: -1 });
  notification.index({ userId: 1, isRead: 1 });
  // The digest's due list: unread, not yet e-mailed, by age.
  notification.index({ emailedAt: 1, isRead: 1, createdAt: 1 });

  return {
    Thread: connection.model<ThreadDoc>('Thread', thread, 'threads'),
    Comment: connection.model<CommentDoc>('Comment', comment, 'comments'),
    Notification: connection.model<NotificationDoc>('Notification', notification, 'notifications'),
  };
}
