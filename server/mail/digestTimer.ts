/**
 * The shared low-frequency timer of the notification digest (composition root). Every
 * process runs one; the claims in storage keep them from mailing anything twice.
 */
import { sendDueDigests, type DigestDeps } from './notificationDigest';

/** The longest wait between two rounds: a digest leaves at most this long after its delay. */
export const DIGEST_MAX_INTERVAL_MS = 30_000;

/** A running digest timer. */
export interface DigestTimer {
  /** Runs a round now (tests; the timer's own rounds are the same call). Resolves with how many mails. */
  runNow(): Promise<number>;
  /** Stops the timer and waits for a round under way (before storage closes). */
  stop(): Promise<void>;
}

/**
 * Starts the rounds: every `delayMs`, but at most every 30 s (a tiny delay in tests gives
 * quick rounds). Unref'd, so it never keeps the process alive; rounds never overlap.
 */
export function startDigestTimer(deps: DigestDeps): DigestTimer {
  let running: Promise<number> | null = null;
  const runNow = (): Promise<number> => {
    running ??= sendDueDigests(deps)
      .catch((error: unknown) => {
        deps.logger.warn({ err: error }, 'notification digest round failed');
        return 0;
      })
      .finally(() => {
        running = null;
      });
    return running;
  };
  const intervalMs = Math.min(Math.max(deps.delayMs, 1000), DIGEST_MAX_INTERVAL_MS);
  const timer = setInterval(() => void runNow(), intervalMs);
  timer.unref();
  return {
    runNow,
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
