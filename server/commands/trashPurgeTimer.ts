/**
 * The trash's retention, enforced by a timer in the composition root (a GET never writes):
 * every `intervalMs`, documents trashed longer than TRASH_RETENTION_DAYS are purged.
 */
import type { EventBus } from '../events';
import type { Logger } from '../logger';
import type { Storage } from '../storage/types';
import { purgeExpiredTrash } from './trash';

/** How often expired trash is purged by default: retention is counted in days. */
export const TRASH_PURGE_MS = 60 * 60 * 1000;

/** A running purge timer. */
export interface TrashPurgeTimer {
  /** Purges now (tests; the timer's own rounds are the same call). Resolves with how many. */
  purgeNow(): Promise<number>;
  stop(): void;
}

/** Starts the periodic purge; unref'd, so it never keeps the process alive. */
export function startTrashPurge(input: {
  storage: Storage;
  events: EventBus;
  logger: Logger;
  intervalMs?: number;
}): TrashPurgeTimer {
  const purgeNow = (): Promise<number> =>
    purgeExpiredTrash({ storage: input.storage, events: input.events }).catch((error: unknown) => {
      input.logger.warn({ err: error }, 'trash purge failed');
      return 0;
    });
  const timer = setInterval(() => void purgeNow(), input.intervalMs ?? TRASH_PURGE_MS);
  timer.unref();
  return { purgeNow, stop: () => clearInterval(timer) };
}
