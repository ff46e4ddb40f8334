/** Use case: move a document along the workflow (draft → in-review → approved → published). */
import { STATUS_TRANSITIONS, type DocumentStatus } from '../../shared/domain';
import { ConflictError } from '../errors';
import type { EventBus } from '../events';
import type { DocumentRecord, Storage, User } from '../storage/types';

/** Whether the workflow has the move at all (who may make it is the policy's question). */
export function isValidTransition(from: DocumentStatus, to: DocumentStatus): boolean {
  return STATUS_TRANSITIONS[from].includes(to);
}

/**
 * Applies a valid transition (409 `invalid_transition` otherwise), records it in the status
 * history (who, when, note) and emits `document.statusChanged`; with `baseVersion`, only while the document is still at that
 * version (409 `version_conflict` otherwise).
 */
export async function changeDocumentStatus(input: {
  storage: Storage;
  events: EventBus;
  actor: User;
  document: DocumentRecord;
  status: DocumentStatus;
  baseVersion?: number;
  /** Why (kept in the status history with who and when). */
  note?: string;
  ip?: string | null;
}): Promise<DocumentRecord> {
  const { storage, document } = input;
  if (!isValidTransition(document.status, input.status)) {
    const allowed = STATUS_TRANSITIONS[document.status].join(', ');
    throw new ConflictError(
      `A ${document.status} document cannot move to ${input.status} (allowed: ${allowed}).`,
      'invalid_transition',
    );
  }
  const updated = await storage.updateDocument({
    id: document.id,
    patch: { status: input.status },
    // Without a base, the check still guards against a status moved since `document` was read.
    expectedVersion: input.baseVersion ?? document.version,
  });
  await storage.recordStatusChange({
    documentId: document.id,
    actorId: input.actor.id,
    from: document.status,
    to: input.status,
    note: input.note ?? '',
  });
  await input.events.emit('document.statusChanged', {
    context: { actor: input.actor, ip: input.ip ?? null },
    before: document,
    document: updated,
  });
  return updated;
}
