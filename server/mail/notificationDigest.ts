/**
 * One round of the notification e-mail digest. Due work is read from storage, never kept in
 * memory: people with a notification unread in the app, not yet e-mailed and older than the
 * delay. Each such person's unread, not yet e-mailed notifications (the newer ones too) are
 * claimed atomically (`emailedAt` set before sending), so several processes
 * running rounds at once never mail a notification twice and a restart loses nothing.
 * What a person may no longer read (access lost, document trashed, comment deleted) is left
 * out at send time, and a deactivated account or one with digests turned off gets no mail:
 * its notifications are settled as claimed, so turning digests back on never mails old news.
 */
import { readableMentions } from '../comments/mentions';
import type { Logger } from '../logger';
import type { NotificationRecord, Storage } from '../storage/types';
import { digestMail, type DigestDocument, type DigestEntry } from './digestMail';
import type { MailSender } from './mailSender';

/** People handled per round at most; the rest wait for the next round. */
export const DIGEST_RECIPIENTS_PER_ROUND = 200;

/** What a round needs. */
export interface DigestDeps {
  storage: Storage;
  mailer: MailSender;
  logger: Logger;
  /** How long a notification stays unread in the app before it is e-mailed. */
  delayMs: number;
  /** The base of the links (PUBLIC_URL, or the server's own address once it listens). */
  publicUrl: () => string;
}

/** Sends every digest due at `now`; resolves with how many e-mails were handed to the sender. */
export async function sendDueDigests(deps: DigestDeps, now = new Date()): Promise<number> {
  const createdBefore = new Date(now.getTime() - deps.delayMs);
  const userIds = await deps.storage.listNotificationMailRecipients({
    createdBefore,
    limit: DIGEST_RECIPIENTS_PER_ROUND,
  });
  let sent = 0;
  for (const userId of userIds) {
    try {
      if (await sendDigest(deps, { userId, now })) sent += 1;
    } catch (error: unknown) {
      // One person's failure (a storage hiccup) never stops the others' digests.
      deps.logger.warn({ err: error, userId }, 'notification digest failed');
    }
  }
  return sent;
}

async function sendDigest(
  deps: DigestDeps,
  input: { userId: string; now: Date },
): Promise<boolean> {
  const { storage, mailer } = deps;
  // Everything still unread goes with the due one: one digest rather than a trickle.
  const claimed = await storage.claimNotificationsForMail({ userId: input.userId, at: input.now });
  if (claimed.length === 0) return false;
  const person = await storage.getUserById({ id: input.userId });
  if (!person?.isActive || !person.emailNotifications) return false;
  const documents = await digestDocuments(deps, input.userId, claimed);
  if (documents.length === 0) return false;
  const isSent = await mailer.send(
    digestMail({ to: person.email, documents, accountUrl: `${deps.publicUrl()}/account` }),
  );
  if (!isSent) {
    // The transport refused it (SMTP down): a later round tries again.
    await storage.releaseNotificationMailClaim({
      ids: claimed.map((notification) => notification.id),
      at: input.now,
    });
  }
  return isSent;
}

/** The claimed notifications the person may still read, grouped by document (oldest first). */
async function digestDocuments(
  deps: DigestDeps,
  userId: string,
  claimed: readonly NotificationRecord[],
): Promise<DigestDocument[]> {
  const { storage } = deps;
  const actors = await storage.listUsers({ ids: [...new Set(claimed.map((n) => n.actorId))] });
  const actorName = new Map(actors.map((actor) => [actor.id, actor.name]));
  const byDocument = new Map<string, NotificationRecord[]>();
  for (const notification of claimed) {
    const list = byDocument.get(notification.documentId) ?? [];
    list.push(notification);
    byDocument.set(notification.documentId, list);
  }
  const documents: DigestDocument[] = [];
  for (const [documentId, notifications] of byDocument) {
    const document = await storage.getDocumentMeta({ id: documentId });
    if (!document || document.deletedAt) continue;
    // The same rule as who may be notified at all, asked again now: access may be gone.
    const readers = await readableMentions({ storage, document, mentions: [userId] });
    if (readers.length === 0) continue;
    const entries: DigestEntry[] = [];
    for (const notification of notifications) {
      const comment = notification.commentId
        ? await storage.getComment({ id: notification.commentId })
        : null;
      // A deleted comment takes its notification with it.
      if (notification.commentId && !comment) continue;
      entries.push({
        kind: notification.kind,
        actorName: actorName.get(notification.actorId) ?? 'Former member',
        commentBody: comment?.body ?? null,
      });
    }
    if (entries.length === 0) continue;
    documents.push({
      title: document.title,
      url: `${deps.publicUrl()}/documents/${encodeURIComponent(document.id)}`,
      entries,
    });
  }
  return documents;
}
