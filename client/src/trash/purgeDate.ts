/** When a trashed document is deleted for good: the server's retention rule, read from shared/. */
import { TRASH_RETENTION_DAYS } from '../../../shared/domain';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The moment a document trashed at `deletedAt` can no longer be restored. */
export function purgeDate(deletedAt: Date): Date {
  return new Date(deletedAt.getTime() + TRASH_RETENTION_DAYS * DAY_MS);
}
