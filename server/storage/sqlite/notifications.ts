/** In-app notifications in SQLite. */
import { randomUUID } from 'node:crypto';
import type {
  NotificationKind,
  NotificationMethods,
  NotificationRecord,
} from '../port/notifications';
import { fromFlag, fromMs, fromMsOrNull, toJson, type SqlValue } from './codec';
import type { SqliteContext } from './database';
import { translateSqlite } from './errors';

interface NotificationRow {
  id: string;
  user_id: string;
  kind: string;
  actor_id: string;
  document_id: string;
  thread_id: string | null;
  comment_id: string | null;
  is_read: number;
  emailed_at: number | null;
  created_at: number;
}

function toNotification(row: NotificationRow): NotificationRecord {
  return {
    id: row.id,
    userId: row.user_id,
    kind: row.kind as NotificationKind,
    actorId: row.actor_id,
    documentId: row.document_id,
    threadId: row.thread_id,
    commentId: row.comment_id,
    isRead: fromFlag(row.is_read),
    emailedAt: fromMsOrNull(row.emailed_at),
    createdAt: fromMs(row.created_at),
  };
}

/** The notification part of the SQLite adapter. */
export function createSqliteNotifications({ stmt }: SqliteContext): NotificationMethods {
  return {
    async createNotification(input) {
      const id = randomUUID();
      translateSqlite(
        () =>
          stmt(
            `INSERT INTO notifications (id, user_id, kind, actor_id, document_id, thread_id,
               comment_id, is_read, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?)`,
          ).run(
            id,
            input.userId,
            input.kind,
            input.actorId,
            input.documentId,
            input.threadId ?? null,
            input.commentId ?? null,
            Date.now(),
          ),
        { missingMessage: 'No such user or document.' },
      );
      const row = stmt('SELECT * FROM notifications WHERE id = ?').get(id) as NotificationRow;
      return toNotification(row);
    },

    async listNotifications({ userId, isRead, limit }) {
      if (!(limit > 0)) return [];
      const params: SqlValue[] = [userId];
      let where = 'user_id = ?';
      if (isRead !== undefined) {
        where += ' AND is_read = ?';
        params.push(isRead ? 1 : 0);
      }
      const rows = translateSqlite(
        () =>
          stmt(
            `SELECT * FROM notifications WHERE ${where}
             ORDER BY created_at DESC, rowid DESC LIMIT ?`,
          ).all(...params, Math.floor(limit)) as NotificationRow[],
      );
      return rows.map(toNotification);
    },

    async countUnreadNotifications({ userId }) {
      const row = translateSqlite(
        () =>
          stmt(
            'SELECT COUNT(*) AS unread FROM notifications WHERE user_id = ? AND is_read = 0',
          ).get(userId) as { unread: number },
      );
      return row.unread;
    },

    async markNotificationsRead({ userId, ids }) {
      const result = translateSqlite(() =>
        ids === undefined
          ? stmt('UPDATE notifications SET is_read = 1 WHERE user_id = ? AND is_read = 0').run(
              userId,
            )
          : stmt(
              `UPDATE notifications SET is_read = 1 WHERE user_id = ? AND is_read = 0
               AND id IN (SELECT value FROM json_each(?))`,
            ).run(userId, toJson(ids)),
      );
      return result.changes;
    },

    async listNotificationMailRecipients({ createdBefore, limit }) {
      if (!(limit > 0)) return [];
      const rows = translateSqlite(
        () =>
          stmt(
            `SELECT DISTINCT user_id FROM notifications
             WHERE emailed_at IS NULL AND is_read = 0 AND created_at < ? LIMIT ?`,
          ).all(createdBefore.getTime(), Math.floor(limit)) as Array<{ user_id: string }>,
      );
      return rows.map((row) => row.user_id);
    },

    async claimNotificationsForMail({ userId, at }) {
      // One statement: SQLite runs one writer at a time, so a concurrent claim by another
      // process sees these rows taken and gets none of them.
      const rows = translateSqlite(
        () =>
          stmt(
            `UPDATE notifications SET emailed_at = ?
             WHERE user_id = ? AND emailed_at IS NULL AND is_read = 0
             RETURNING *`,
          ).all(at.getTime(), userId) as NotificationRow[],
      );
      return rows.map(toNotification).sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
    },

    async releaseNotificationMailClaim({ ids, at }) {
      const result = translateSqlite(() =>
        stmt(
          `UPDATE notifications SET emailed_at = NULL
           WHERE emailed_at = ? AND id IN (SELECT value FROM json_each(?))`,
        ).run(at.getTime(), toJson(ids)),
      );
      return result.changes;
    },
  };
}
