/**
 * E-mails each notification to the person notified. The notification subscriber only emits
 * `notification.created` for people who can read the document and never for the comment's
 * author; this re-reads the person, so a deactivated account, or one whose `emailNotifications`
 * is off, gets no mail. The send is not
 * awaited: a slow SMTP server never holds the comment's HTTP answer back.
 */
import type { MailSender } from '../../mail/mailSender';
import { notificationMail } from '../../mail/notificationMail';
import type { Storage } from '../../storage/types';
import type { EventBus } from '../bus';

/**
 * Subscribes the notification e-mail; `publicUrl()` gives the base of the document links
 * (PUBLIC_URL, or the server's own address once it listens).
 */
export function subscribeNotificationMail(input: {
  events: EventBus;
  storage: Storage;
  mailer: MailSender;
  publicUrl: () => string;
}): void {
  const { events, storage, mailer, publicUrl } = input;
  events.on('notification.created', async ({ notification, document, actorName, comment }) => {
    if (notification.userId === comment.authorId) return;
    const [person] = await storage.listUsers({ ids: [notification.userId] });
    // A deactivated account, or someone who turned notification e-mail off, gets none.
    if (!person?.isActive || !person.emailNotifications) return;
    void mailer.send(
      notificationMail({
        to: person.email,
        kind: notification.kind,
        actorName,
        documentTitle: document.title,
        commentBody: comment.body,
        documentUrl: `${publicUrl()}/documents/${encodeURIComponent(document.id)}`,
      }),
    );
  });
}
