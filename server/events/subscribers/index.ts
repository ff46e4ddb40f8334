/**
 * Wires every subscriber of the domain events, in the order they run for one event:
 * broadcasts first (a trashed document's room still hears it), then access re-checks, then
 * the audit log. Called once by the composition root.
 */
import type { Broadcaster } from '../../realtime/broadcaster';
import type { Storage } from '../../storage/types';
import type { EventBus } from '../bus';
import { subscribeAccessInvalidation, type AccessRecheckers } from './accessInvalidation';
import { subscribeAudit } from './audit';
import { subscribeDocumentBroadcast } from './documentBroadcast';
import { subscribeNotifications } from './notifications';
import { subscribeThreadBroadcast } from './threadBroadcast';
import type { LiveStateReader } from '../../comments/threadViews';

/** Subscribes audit, broadcasts and access invalidation to `events`. */
export function subscribeDomainEvents(
  input: AccessRecheckers & {
    events: EventBus;
    storage: Storage;
    broadcaster: Broadcaster;
    collab: LiveStateReader;
  },
): void {
  subscribeDocumentBroadcast(input);
  subscribeThreadBroadcast(input);
  subscribeNotifications(input);
  subscribeAccessInvalidation(input);
  subscribeAudit(input);
}
