/**
 * Notifications from comment threads: the people a new comment mentions get a `mention`, the
 * thread's other participants (its author and everyone who commented) a `reply`. Only people
 * who can read the document are notified, never the comment's own author. Each notification
 * is stored, then sent live as `notification:created` to `user:<id>`, then told on the bus as
 * `notification.created`. E-mail follows from storage, not from this event: the digest
 * (`server/mail/notificationDigest.ts`) mails what stays unread past the delay.
 */
import { readableMentions } from '../../comments/mentions';
import { presentNotification } from '../../presenters/notifications';
import type { Broadcaster } from '../../realtime/broadcaster';
import type { CommentRecord, NotificationKind, Storage, ThreadRecord } from '../../storage/types';
import type { EventBus } from '../bus';
import type { EventContext } from '../domainEvents';

/** Subscribes notification fan-out to new threads and replies. */
export function subscribeNotifications(input: {
  events: EventBus;
  storage: Storage;
  broadcaster: Broadcaster;
}): void {
  const { events, storage, broadcaster } = input;

  const notify = async (
    context: EventContext,
    thread: ThreadRecord,
    comment: CommentRecord,
    isReply: boolean,
  ) => {
    const document = await storage.getDocumentMeta({ id: thread.documentId });
    if (!document || document.deletedAt) return;
    const kinds = new Map<string, NotificationKind>();
    if (isReply) {
      const participants = await storage.listComments({ threadId: thread.id });
      for (const id of [thread.authorId, ...participants.map((c) => c.authorId)])
        kinds.set(id, 'reply');
    }
    for (const id of comment.mentions) kinds.set(id, 'mention');
    kinds.delete(comment.authorId);
    const readers = await readableMentions({ storage, document, mentions: [...kinds.keys()] });
    const [actor] = await storage.listUsers({ ids: [comment.authorId] });
    const actorName = actor?.name ?? 'Former member';
    for (const userId of readers) {
      const notification = await storage.createNotification({
        userId,
        kind: kinds.get(userId) ?? 'reply',
        actorId: comment.authorId,
        documentId: document.id,
        threadId: thread.id,
        commentId: comment.id,
      });
      broadcaster.toUser(userId).emit('notification:created', {
        notification: presentNotification(notification, {
          actorName,
          documentTitle: document.title,
        }),
      });
      await events.emit('notification.created', {
        context,
        notification,
        document,
        actorName,
        comment,
      });
    }
  };
  events.on('thread.created', ({ context, thread, comment }) =>
    notify(context, thread, comment, false),
  );
  events.on('comment.created', ({ context, thread, comment }) =>
    notify(context, thread, comment, true),
  );
}
