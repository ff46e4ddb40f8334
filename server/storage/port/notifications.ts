/** The storage port for in-app notifications (a mention, a reply in a thread one is part of). */

/**
 * Why someone is notified: named in a comment, a reply in their thread, asked to review a
 * document, a reviewer answered their request, invited to a review session, a new suggestion
 * in a document they edit, their suggestion accepted or rejected. One list, so the MongoDB
 * schema's enum and the type never drift apart.
 */
export const NOTIFICATION_KINDS = [
  'mention',
  'reply',
  'review_request',
  'review_answer',
  'review_session',
  'suggestion',
  'suggestion_accepted',
  'suggestion_rejected',
] as const;

/** One of `NOTIFICATION_KINDS`. */
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

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
  /**
   * When the e-mail digest took it (sent, or settled without a mail: opted out, no access);
   * null while it may still be e-mailed.
   */
  emailedAt: Date | null;
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

  /**
   * The e-mail digest's work list: people with a notification that is unread, not yet
   * e-mailed and created before `createdBefore`; at most `limit` ids, in no particular order.
   */
  listNotificationMailRecipients(input: { createdBefore: Date; limit: number }): Promise<string[]>;
  /**
   * Takes every notification of the user that is unread and not yet e-mailed, for one digest
   * (once the oldest is due, the newer ones go with it): sets their `emailedAt` to `at` and
   * returns them, oldest first. Each notification is taken once: a concurrent claim (another
   * process) gets the others or none, never the same one.
   */
  claimNotificationsForMail(input: { userId: string; at: Date }): Promise<NotificationRecord[]>;
  /**
   * Gives back a claim whose mail could not be sent (`emailedAt` back to null), so a later
   * round tries again. Only notifications still claimed at `at` change; answers how many.
   */
  releaseNotificationMailClaim(input: { ids: readonly string[]; at: Date }): Promise<number>;
}
