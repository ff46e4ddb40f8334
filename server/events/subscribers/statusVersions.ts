/**
 * Takes a named version at every status change (sent to review, approved, published, back to
 * draft), so the history shows the text as it stood at each step of the workflow.
 */
import type { CollabServer } from '../../collab';
import { takeVersion } from '../../commands/takeVersion';
import type { Storage } from '../../storage/types';
import type { DocumentStatus } from '../../../shared/domain';
import type { EventBus } from '../bus';

/**
 * The label of the automatic version taken when a document moves to `status`. The public
 * library finds the published text by it (the newest server-taken version with the
 * `published` label), so the label is the one link between a publish and its version.
 */
export function statusVersionLabel(status: DocumentStatus): string {
  return `Status: ${status}`;
}

/** Subscribes the automatic version to `document.statusChanged`. */
export function subscribeStatusVersions(input: {
  events: EventBus;
  storage: Storage;
  collab: Pick<CollabServer, 'encodeState'>;
}): void {
  input.events.on('document.statusChanged', ({ context, document }) =>
    takeVersion({
      storage: input.storage,
      collab: input.collab,
      events: input.events,
      context,
      documentId: document.id,
      label: statusVersionLabel(document.status),
    }),
  );
}
