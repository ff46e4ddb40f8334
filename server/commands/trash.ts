/**
 * Use cases of the trash: move a document there, bring it back within
 * TRASH_RETENTION_DAYS, and purge what has been there longer.
 * Choice: restoring an expired document that was not purged yet answers 410
 * `trash_expired` (and purges it); once purged, the document is simply 404.
 */
import { CLOSE_CODES } from '../../shared/closeCodes';
import { TRASH_RETENTION_DAYS } from '../../shared/domain';
import type { CollabServer } from '../collab';
import { AppError, ConflictError } from '../errors';
import type { DocumentMeta, DocumentRecord, Storage, User } from '../storage/types';
import { recordAudit, type AuditActor } from './recordAudit';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Whether a trashed document is past its retention period at `now`. */
export function isTrashExpired(document: Pick<DocumentRecord, 'deletedAt'>, now: Date): boolean {
  if (!document.deletedAt) return false;
  return now.getTime() - document.deletedAt.getTime() > TRASH_RETENTION_DAYS * DAY_MS;
}

/**
 * Audits a trash event. Each names the document's workspace and title in its details, as a
 * purged document can no longer be looked up from the log.
 */
async function auditTrashEvent(input: {
  storage: Storage;
  actor: AuditActor;
  action: 'document.trashed' | 'document.restored' | 'document.purged';
  document: DocumentMeta;
  ip: string | null;
}): Promise<void> {
  const { document } = input;
  await recordAudit({
    storage: input.storage,
    actor: input.actor,
    action: input.action,
    target: { type: 'document', id: document.id },
    details: { workspaceId: document.workspaceId, title: document.title },
    ip: input.ip,
  });
}

/** Moves a document to the trash and closes every open editor on it (close code 4404). */
export async function trashDocument(input: {
  storage: Storage;
  collab: Pick<CollabServer, 'disconnectDocument'>;
  actor: User;
  document: DocumentRecord;
  now?: Date;
  ip?: string | null;
}): Promise<DocumentRecord> {
  const { storage, document } = input;
  if (document.deletedAt)
    throw new ConflictError('The document is in the trash already.', 'already_trashed');
  const updated = await storage.updateDocument({
    id: document.id,
    patch: { deletedAt: input.now ?? new Date(), deletedById: input.actor.id },
  });
  input.collab.disconnectDocument({
    documentId: document.id,
    code: CLOSE_CODES.notFound,
    reason: 'The document was moved to the trash.',
  });
  await auditTrashEvent({
    storage,
    actor: input.actor,
    action: 'document.trashed',
    document,
    ip: input.ip ?? null,
  });
  return updated;
}

/** Brings a document back from the trash (410 `trash_expired` after the retention period). */
export async function restoreDocument(input: {
  storage: Storage;
  actor: User;
  document: DocumentRecord;
  now?: Date;
  ip?: string | null;
}): Promise<DocumentRecord> {
  const { storage, document } = input;
  const now = input.now ?? new Date();
  if (!document.deletedAt)
    throw new ConflictError('The document is not in the trash.', 'not_trashed');
  if (isTrashExpired(document, now)) {
    await purgeDocument({ storage, document });
    throw new AppError({
      status: 410,
      code: 'trash_expired',
      message: `Documents stay in the trash for ${TRASH_RETENTION_DAYS} days; this one is gone.`,
    });
  }
  const restored = await storage.updateDocument({
    id: document.id,
    patch: { deletedAt: null, deletedById: null },
  });
  await auditTrashEvent({
    storage,
    actor: input.actor,
    action: 'document.restored',
    document,
    ip: input.ip ?? null,
  });
  return restored;
}

async function purgeDocument(input: { storage: Storage; document: DocumentMeta }): Promise<void> {
  await input.storage.purgeDocument({ id: input.document.id });
  await auditTrashEvent({
    storage: input.storage,
    actor: null,
    action: 'document.purged',
    document: input.document,
    ip: null,
  });
}

/**
 * Deletes for good every document of the workspace (or of all workspaces) trashed more than
 * TRASH_RETENTION_DAYS ago. Called lazily, e.g. before listing the trash. Returns how many.
 */
export async function purgeExpiredTrash(input: {
  storage: Storage;
  workspaceId?: string;
  now?: Date;
}): Promise<number> {
  const now = input.now ?? new Date();
  const filter = input.workspaceId
    ? { workspaceId: input.workspaceId, trash: 'trashed' as const }
    : { trash: 'trashed' as const };
  const trashed = await input.storage.listDocuments({ filter });
  const expired = trashed.filter((document) => isTrashExpired(document, now));
  for (const document of expired) await purgeDocument({ storage: input.storage, document });
  return expired.length;
}
