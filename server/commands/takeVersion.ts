/** Use case: take a named version of a document from its live state. */
import type { CollabServer } from '../collab';
import type { Storage, VersionSummary } from '../storage/types';
import { docFromState, plainTextOf } from '../versions/content';

/**
 * Copies the document's current Yjs state (from the live document, so edits not yet flushed
 * to storage are in it) and its plain text into a new version. `authorId` null: taken by the
 * server itself (at a status change, before a restore).
 */
export async function takeVersion(input: {
  storage: Storage;
  collab: Pick<CollabServer, 'encodeState'>;
  documentId: string;
  label: string;
  authorId: string | null;
}): Promise<VersionSummary> {
  const state = await input.collab.encodeState({ documentId: input.documentId });
  const ydoc = docFromState(state);
  try {
    return await input.storage.createVersion({
      documentId: input.documentId,
      label: input.label,
      authorId: input.authorId,
      state,
      plainText: plainTextOf(ydoc),
    });
  } finally {
    ydoc.destroy();
  }
}
