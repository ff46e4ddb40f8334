/**
 * Tells open pages that a document changed: `document:updated` to the rooms of the document
 * and of its workspace after any title, status, details or trash change, so an open editor
 * and an open workspace list show it within a second without polling.
 */
import { presentDocumentWithoutAbilities } from '../../presenters/document';
import type { Broadcaster } from '../../realtime/broadcaster';
import type { DocumentRecord, Storage } from '../../storage/types';
import type { EventBus } from '../bus';

/** Subscribes the `document:updated` broadcast to every document change event. */
export function subscribeDocumentBroadcast(input: {
  events: EventBus;
  storage: Storage;
  broadcaster: Broadcaster;
}): void {
  const { events, storage, broadcaster } = input;
  const broadcast = async ({ document }: { document: DocumentRecord }): Promise<void> => {
    const presented = await presentDocumentWithoutAbilities({ storage, document });
    broadcaster.toDocumentAndWorkspace(document).emit('document:updated', { document: presented });
  };
  events.on('document.updated', broadcast);
  events.on('document.statusChanged', broadcast);
  events.on('document.trashed', broadcast);
  events.on('document.restored', broadcast);
}
