/** Use case: change a document's title, kind, city, policy areas, stakeholders, language or link reach. */
import type { EventBus } from '../events';
import type { DocumentPatch, DocumentRecord, Storage, User } from '../storage/types';
import { assertCity } from './documentCity';

/**
 * The fields of a document's details panel (not its status, trash state or text), and its
 * link reach (owners only: the route checks `canShareDocument`).
 */
export type DocumentDetails = Pick<
  DocumentPatch,
  'title' | 'kind' | 'cityId' | 'policyAreas' | 'stakeholders' | 'language' | 'linkAccess'
>;

/**
 * Writes `details`; with `baseVersion`, only while the document is still at that version
 * (else 409 `version_conflict`, nothing written). Emits `document.updated` once stored.
 */
export async function updateDocumentDetails(input: {
  storage: Storage;
  events: EventBus;
  actor: User;
  document: DocumentRecord;
  details: DocumentDetails;
  baseVersion?: number;
  ip?: string | null;
}): Promise<DocumentRecord> {
  const { storage, document, details } = input;
  if (details.cityId !== undefined) await assertCity({ storage, cityId: details.cityId });
  const updated = await storage.updateDocument({
    id: document.id,
    patch: details,
    ...(input.baseVersion === undefined ? {} : { expectedVersion: input.baseVersion }),
  });
  await input.events.emit('document.updated', {
    context: { actor: input.actor, ip: input.ip ?? null },
    before: document,
    document: updated,
    changes: { ...details },
  });
  return updated;
}
