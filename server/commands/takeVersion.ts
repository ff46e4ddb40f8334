/** Use case: take a named version of a document from its live state. */
import type { CollabServer } from '../collab';
import type { EventBus } from '../events';
import type { EventContext } from '../events/domainEvents';
import type { Storage, VersionSummary } from '../storage/types';
import { docFromState, plainTextOf } from '../versions/content';

/**
 * Copies the document's current Yjs state (from the live document, so edits not yet flushed
 * to storage are in it) and its plain text into a new version, then emits `version.created`
 * so open pages refresh their history. The author is `context.actor` (null: taken by the
 * server itself, e.g. at a status change).
 */
export async function takeVersion(input: {
  storage: Storage;
  collab: Pick<CollabServer, 'encodeState'>;
  events: EventBus;
  context: EventContext;
  documentId: string;
  label: string;
}): Promise<VersionSummary> {
  const state = await input.collab.encodeState({ documentId: input.documentId });
  const ydoc = docFromState(state);
  let version: VersionSummary;
  try {
    version = await input.storage.createVersion({
      documentId: input.documentId,
      label: input.label,
      authorId: input.context.actor?.id ?? null,
      state,
      plainText: plainTextOf(ydoc),
    });
  } finally {
    ydoc.destroy();
  }
  await input.events.emit('version.created', { context: input.context, version });
  return version;
}
