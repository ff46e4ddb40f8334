/**
 * In-app notifications about a document as a whole (asked to review, a reviewer answered,
 * invited to a session, suggestions made and settled): stored, then sent live as `notification:created` to each `user:<id>`. Only
 * people who can read the document are notified, never the one who caused it.
 */
import { readableMentions } from '../comments/mentions';
import { presentNotification } from '../presenters/notifications';
import type { Broadcaster } from '../realtime/broadcaster';
import type { DocumentRecord, NotificationKind, Storage, User } from '../storage/types';

/** Notifies `userIds` of `kind` about `document`, caused by `actor`. */
export async function notifyPeople(input: {
  storage: Storage;
  broadcaster: Broadcaster;
  /** A kind about the document as a whole (no thread or comment to point at). */
  kind: Exclude<NotificationKind, 'mention' | 'reply'>;
  actor: Pick<User, 'id' | 'name'>;
  document: Pick<DocumentRecord, 'id' | 'title' | 'workspaceId'>;
  userIds: readonly string[];
}): Promise<void> {
  const { storage, actor, document } = input;
  const others = [...new Set(input.userIds)].filter((id) => id !== actor.id);
  const readers = await readableMentions({ storage, document, mentions: others });
  for (const userId of readers) {
    const notification = await storage.createNotification({
      userId,
      kind: input.kind,
      actorId: actor.id,
      documentId: document.id,
    });
    input.broadcaster.toUser(userId).emit('notification:created', {
      notification: presentNotification(notification, {
        actorName: actor.name,
        documentTitle: document.title,
      }),
    });
  }
}
