/** Notifications as the API sends them. */
import type { NotificationDto } from '../../shared/api/notifications';
import type { NotificationRecord } from '../storage/types';

/** One notification, with the names a list shows. */
export function presentNotification(
  notification: NotificationRecord,
  names: { actorName: string; documentTitle: string },
): NotificationDto {
  return {
    id: notification.id,
    kind: notification.kind,
    read: notification.isRead,
    documentId: notification.documentId,
    documentTitle: names.documentTitle,
    threadId: notification.threadId,
    commentId: notification.commentId,
    actor: { id: notification.actorId, name: names.actorName },
    createdAt: notification.createdAt.toISOString(),
  };
}
