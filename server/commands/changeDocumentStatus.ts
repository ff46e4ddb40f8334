/** Use case: move a document along the workflow (draft → in-review → approved → published). */
import { STATUS_TRANSITIONS, type DocumentStatus } from '../../shared/domain';
import { ConflictError } from '../errors';
import type { DocumentRecord, Storage, User } from '../storage/types';
import { recordAudit } from './recordAudit';

/** Whether the workflow has the move at all (who may make it is the policy's question). */
export function isValidTransition(from: DocumentStatus, to: DocumentStatus): boolean {
  return STATUS_TRANSITIONS[from].includes(to);
}

/** Applies a valid transition (409 `invalid_transition` otherwise) and audits it. */
export async function changeDocumentStatus(input: {
  storage: Storage;
  actor: User;
  document: DocumentRecord;
  status: DocumentStatus;
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
  });
  await recordAudit({
    storage,
    actor: input.actor,
    action: 'document.status_changed',
    target: { type: 'document', id: document.id },
    details: { workspaceId: document.workspaceId, from: document.status, to: input.status },
    ip: input.ip ?? null,
  });
  return updated;
}
