/**
 * Wires every subscriber of the domain events, in the order they run for one event:
 * the automatic version of a status change first (the text as it stood), then broadcasts (a
 * trashed document's room still hears it), then access re-checks, then the audit log. Called once by the composition root.
 */
import type { CollabServer } from '../../collab';
import type { Broadcaster } from '../../realtime/broadcaster';
import type { Storage } from '../../storage/types';
import type { EventBus } from '../bus';
import { subscribeAccessInvalidation, type AccessRecheckers } from './accessInvalidation';
import { subscribeAudit } from './audit';
import { subscribeDocumentBroadcast } from './documentBroadcast';
import { subscribeStatusVersions } from './statusVersions';
import { subscribeNotifications } from './notifications';
import { subscribeReviewSessions } from './reviewSessions';
import { subscribeSuggestionBroadcast } from './suggestionBroadcast';
import { subscribeSuggestionNotifications } from './suggestionNotifications';
import { subscribeThreadBroadcast } from './threadBroadcast';
import { subscribeVersionBroadcast } from './versionBroadcast';
import type { LiveStateReader } from '../../comments/threadViews';
import type { PresenceReader } from '../../reviews/changeSession';

/** Subscribes audit, broadcasts, notifications and access invalidation to `events` (the digest e-mails notifications: `server/mail/`). */
export function subscribeDomainEvents(
  input: AccessRecheckers & {
    events: EventBus;
    storage: Storage;
    broadcaster: Broadcaster;
    collab: AccessRecheckers['collab'] & Pick<CollabServer, 'encodeState'> & LiveStateReader;
    /** Who has which document open (review sessions' participants and attendees). */
    presence: PresenceReader;
  },
): void {
  subscribeStatusVersions(input);
  subscribeDocumentBroadcast(input);
  subscribeThreadBroadcast(input);
  subscribeReviewSessions(input);
  subscribeSuggestionBroadcast(input);
  subscribeVersionBroadcast(input);
  subscribeNotifications(input);
  subscribeSuggestionNotifications(input);
  subscribeAccessInvalidation(input);
  subscribeAudit(input);
}
