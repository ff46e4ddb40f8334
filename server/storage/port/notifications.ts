/** The storage port for in-app notifications (a mention, a reply in a thread one is part of). */

/**
 * Why someone is notified: named in a comment, a reply in their thread, asked to review a
 * document, a reviewer answered their request, invited to a review session.
 */
export type NotificationKind =
  'mention' | 'reply' | 'review_request' | 'review_answer' | 'review_session';

export interface NotificationRecord {
  id: string;
  /** Who is notified. */
  userId: string;
  kind: NotificationKind;
  /** Who caused it. */
  actorId: string;
  documentId: string;
  threadId: string | null;
  commentId: string | null;
  isRead: boolean;
  createdAt: Date;
}

/** Notifications (`sqlite/notifications.ts`, `mongo/notifications.ts`). */
export interface NotificationMethods {
  /** One notification; `reference_not_found` when the user or document does not exist. */
  createNotification(input: {
    userId: string;
    kind: NotificationKind;
    actorId: string;
    documentId: string;
    threadId?: string | null;
    commentId?: string | null;
  }): Promise<NotificationRecord>;
  /** Newest first, at most `limit`; `isRead: false` lists the unread only. */
  listNotifications(input: {
    userId: string;
    isRead?: boolean;
    limit: number;
  }): Promise<NotificationRecord[]>;
  countUnreadNotifications(input: { userId: string }): Promise<number>;
  /** Marks `ids` (or all, without `ids`) of the user read; answers how many changed. */
  markNotificationsRead(input: { userId: string; ids?: readonly string[] }): Promise<number>;
}
