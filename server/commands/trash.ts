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
import type { EventBus } from '../events';
import type { DocumentMeta, DocumentRecord, Storage, User } from '../storage/types';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Whether a trashed document is past its retention period at `now`. */
export function isTrashExpired(document: Pick<DocumentRecord, 'deletedAt'>, now: Date): boolean {
  if (!document.deletedAt) return false;
  return now.getTime() - document.deletedAt.getTime() > TRASH_RETENTION_DAYS * DAY_MS;
}

/** Documents trashed before this moment are past their retention at `now`. */
function trashExpiryCutoff(now: Date): Date {
  return new Date(now.getTime() - TRASH_RETENTION_DAYS * DAY_MS);
}

/** How many expired documents one purge reads at a time. */
const PURGE_BATCH = 100;

/** Moves a document to the trash and closes every open editor on it (close code 4404). */
export async function trashDocument(input: {
  storage: Storage;
  events: EventBus;
  collab: Pick<CollabServer, 'disconnectDocument'>;
  actor: User;
  document: DocumentRecord;
  now?: Date;
  ip?: string | null;
}): Promise<DocumentRecord> {
  const { storage, document } = input;
  if (document.deletedAt)
    throw new ConflictError('The document is in the trash already.', 'already_trashed');
  // Against the version read: of two people trashing at once, one gets 409 version_conflict.
  const updated = await storage.updateDocument({
    id: document.id,
    patch: { deletedAt: input.now ?? new Date(), deletedById: input.actor.id },
    expectedVersion: document.version,
  });
  input.collab.disconnectDocument({
    documentId: document.id,
    code: CLOSE_CODES.notFound,
    reason: 'The document was moved to the trash.',
  });
  await input.events.emit('document.trashed', {
    context: { actor: input.actor, ip: input.ip ?? null },
    before: document,
    document: updated,
  });
  return updated;
}

/** Brings a document back from the trash (410 `trash_expired` after the retention period). */
export async function restoreDocument(input: {
  storage: Storage;
  events: EventBus;
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
    await purgeDocument({ storage, events: input.events, document });
    throw new AppError({
      status: 410,
      code: 'trash_expired',
      message: `Documents stay in the trash for ${TRASH_RETENTION_DAYS} days; this one is gone.`,
    });
  }
  const restored = await storage.updateDocument({
    id: document.id,
    patch: { deletedAt: null, deletedById: null },
    expectedVersion: document.version,
  });
  await input.events.emit('document.restored', {
    context: { actor: input.actor, ip: input.ip ?? null },
    before: document,
    document: restored,
  });
  return restored;
}

async function purgeDocument(input: {
  storage: Storage;
  events: EventBus;
  document: DocumentMeta;
}): Promise<void> {
  await input.storage.purgeDocument({ id: input.document.id });
  await input.events.emit('document.purged', {
    context: { actor: null, ip: null },
    document: input.document,
  });
}

/**
 * Deletes for good every document of the workspace (or of all workspaces) trashed more than
 * TRASH_RETENTION_DAYS ago. Run by the composition root's timer (`startTrashPurge`), never by
 * a GET. Returns how many.
 */
export async function purgeExpiredTrash(input: {
  storage: Storage;
  events: EventBus;
  workspaceId?: string;
  now?: Date;
}): Promise<number> {
  const now = input.now ?? new Date();
  const filter = {
    ...(input.workspaceId ? { workspaceId: input.workspaceId } : {}),
    trash: 'trashed' as const,
    trashedBefore: trashExpiryCutoff(now),
  };
  // Pages of PURGE_BATCH from the deleted_at index: never every trashed document at once.
  // A purged document leaves the query, so each page starts over; a failed one is skipped.
  const failed = new Set<string>();
  const failures: unknown[] = [];
  let purged = 0;
  for (;;) {
    const page = await input.storage.listDocuments({
      filter,
      limit: PURGE_BATCH + failed.size,
    });
    const expired = page.filter(
      (document) => !failed.has(document.id) && isTrashExpired(document, now),
    );
    if (expired.length === 0) break;
    for (const document of expired) {
      try {
        await purgeDocument({ storage: input.storage, events: input.events, document });
        purged += 1;
      } catch (error) {
        // One failure (e.g. another process purged it first) must not hold back the rest.
        failed.add(document.id);
        failures.push(error);
      }
    }
  }
  if (failures.length > 0)
    throw new AggregateError(failures, 'Some expired documents were not purged.');
  return purged;
}
