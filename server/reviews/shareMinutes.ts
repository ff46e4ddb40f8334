/**
 * The minutes are a new document of the reviewed document's workspace, so people who reach
 * the reviewed document only through a direct share (a reviewer from another city, a sharee
 * who facilitated) could not open the minutes linked from it. Each of them gets the minutes
 * shared with them as a viewer, as an owner sharing by hand would (same event, so it is
 * audited); members read them through the workspace anyway.
 */
import type { EventBus, EventContext } from '../events';
import type { DocumentMeta, Storage } from '../storage/types';

/** Shares `minutes` as `viewer` with everyone `reviewed` is shared with directly. */
export async function shareMinutesWithSharees(input: {
  storage: Storage;
  events: EventBus;
  context: EventContext;
  actorId: string;
  reviewed: Pick<DocumentMeta, 'id'>;
  minutes: DocumentMeta;
}): Promise<void> {
  const { storage, minutes } = input;
  for (const given of await storage.listDocumentShares({ documentId: input.reviewed.id })) {
    const { share, isNew } = await storage.upsertDocumentShare({
      documentId: minutes.id,
      userId: given.userId,
      role: 'viewer',
      createdById: input.actorId,
    });
    await input.events.emit('document.shared', {
      context: input.context,
      document: minutes,
      share,
      isNew,
    });
  }
}
