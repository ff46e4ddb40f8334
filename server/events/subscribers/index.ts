/**
 * Wires every subscriber of the domain events, in the order they run for one event:
 * the automatic version of a status change first (the text as it stood), then broadcasts (a
 * trashed document's room still hears it), then access re-checks, then the audit log. Called once by the composition root.
 */
import type { CollabServer } from '../../collab';
import type { MailSender } from '../../mail/mailSender';
import type { Broadcaster } from '../../realtime/broadcaster';
import type { Storage } from '../../storage/types';
import type { EventBus } from '../bus';
import { subscribeAccessInvalidation, type AccessRecheckers } from './accessInvalidation';
import { subscribeAudit } from './audit';
import { subscribeDocumentBroadcast } from './documentBroadcast';
import { subscribeStatusVersions } from './statusVersions';
import { subscribeNotificationMail } from './notificationMail';
import { subscribeNotifications } from './notifications';
import { subscribeSuggestionBroadcast } from './suggestionBroadcast';
import { subscribeThreadBroadcast } from './threadBroadcast';
import { subscribeVersionBroadcast } from './versionBroadcast';
import type { LiveStateReader } from '../../comments/threadViews';

/** Subscribes audit, broadcasts, notifications (and their e-mail) and access invalidation to `events`. */
export function subscribeDomainEvents(
  input: AccessRecheckers & {
    events: EventBus;
    storage: Storage;
    broadcaster: Broadcaster;
    /** Notification e-mail, and the base of the links in it. */
    mailer: MailSender;
    publicUrl: () => string;
    collab: AccessRecheckers['collab'] & Pick<CollabServer, 'encodeState'> & LiveStateReader;
  },
): void {
  subscribeStatusVersions(input);
  subscribeDocumentBroadcast(input);
  subscribeThreadBroadcast(input);
  subscribeSuggestionBroadcast(input);
  subscribeVersionBroadcast(input);
  subscribeNotifications(input);
  subscribeNotificationMail(input);
  subscribeAccessInvalidation(input);
  subscribeAudit(input);
}
