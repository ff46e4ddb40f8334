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

/** Subscribes audit, broadcasts and access invalidation to `events`. */
export function subscribeDomainEvents(
  input: AccessRecheckers & {
    events: EventBus;
    storage: Storage;
    broadcaster: Broadcaster;
    collab: AccessRecheckers['collab'] & Pick<CollabServer, 'encodeState'>;
  },
): void {
  subscribeStatusVersions(input);
  subscribeDocumentBroadcast(input);
  subscribeAccessInvalidation(input);
  subscribeAudit(input);
}
