/**
 * Rate limits: per IP for sign-in and registration, per account for creating invitations,
 * workspaces and documents (so one account cannot mint hundreds of invitations or flood
 * storage). Built per app instance (never a module-level limiter), so two servers in one
 * test process count separately. Both answer 429 `rate_limited` in our error shape.
 */
import type { NextFunction, Request, Response } from 'express';
import { ipKeyGenerator, rateLimit, type Store } from 'express-rate-limit';
import type { Config, CreationBucket } from '../env';
import { AppError } from '../errors';
import { findActor, getActor } from './authentication';

/** 429 `rate_limited` saying when to try again. */
function rateLimited(message: string): AppError {
  return new AppError({ status: 429, code: 'rate_limited', message });
}

/** Whether this refused request is the first one of its window (`used` counts refusals too). */
function isFirstRefusal(req: Request, limit: number): boolean {
  const info = (req as Request & { rateLimit?: { used: number } }).rateLimit;
  // Stryker disable next-line OptionalChaining: equivalent, express-rate-limit sets req.rateLimit before it calls the handler
  return info?.used === limit + 1;
}

/**
 * A limiter answering 429 `rate_limited` in our error shape once the IP is over the limit.
 * `onLimited` runs for the first refused request of each IP and window only (a guessing
 * attack is worth one audit event, but must not write one row per request it floods us with).
 */
export function createAuthRateLimit(options: {
  config: Pick<Config, 'authRateLimit' | 'authRateWindowSeconds'>;
  onLimited?: (req: Request) => Promise<void>;
  /** Where hits are counted (Redis, shared by every process); default this process's memory. */
  store?: Store;
}) {
  const { authRateLimit, authRateWindowSeconds } = options.config;
  const { onLimited } = options;
  return rateLimit({
    windowMs: authRateWindowSeconds * 1000,
    limit: authRateLimit,
    ...storeOptions(options.store),
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (req: Request, _res: Response, next: NextFunction) => {
      const refusal = rateLimited(
        `Too many attempts. Try again in ${authRateWindowSeconds} seconds.`,
      );
      if (!onLimited || !isFirstRefusal(req, authRateLimit)) {
        next(refusal);
        return;
      }
      // The refusal stands whether or not the audit write succeeds.
      onLimited(req).then(
        () => next(refusal),
        () => next(refusal),
      );
    },
  });
}

/** A shared store lets requests through while it is unreachable (Redis down: docs/SCALING.md). */
function storeOptions(store: Store | undefined): { store?: Store; passOnStoreError?: boolean } {
  return store ? { store, passOnStoreError: true } : {};
}

/** What each creation bucket counts, for the refusal message. */
const BUCKET_NOUNS: Record<CreationBucket, string> = {
  invitations: 'invitations',
  workspaces: 'workspaces',
  documents: 'documents',
};

/**
 * Per-account limit on creating one kind of thing (`config.creationRateLimits[bucket]` per
 * `config.creationRateWindowSeconds`). Mount it after `requireUser`/`requireAdmin`: the key
 * is the signed-in account, so several people behind one address do not share a budget.
 */
export function createUserRateLimit(options: {
  config: Pick<Config, 'creationRateLimits' | 'creationRateWindowSeconds'>;
  bucket: CreationBucket;
  /** Where hits are counted (Redis, shared by every process); default this process's memory. */
  store?: Store;
}) {
  const { creationRateLimits, creationRateWindowSeconds } = options.config;
  const noun = BUCKET_NOUNS[options.bucket];
  return rateLimit({
    windowMs: creationRateWindowSeconds * 1000,
    limit: creationRateLimits[options.bucket],
    ...storeOptions(options.store),
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: (_req: Request, res: Response) => `user:${getActor(res).id}`,
    handler: (_req: Request, _res: Response, next: NextFunction) => {
      next(
        rateLimited(
          `You created too many ${noun} in a short time. Try again within ${creationRateWindowSeconds} seconds.`,
        ),
      );
    },
  });
}

/** The window of the export limit: a minute, so a reader downloading a few formats never waits. */
const EXPORT_RATE_WINDOW_SECONDS = 60;

/**
 * Limit on document exports (`config.exportRateLimit` per minute): per account when signed
 * in, per IP otherwise. Rendering a DOCX or PDF costs real CPU, and published documents are
 * exportable without an account, so the limit keeps one caller from occupying the server.
 */
export function createExportRateLimit(options: { config: Pick<Config, 'exportRateLimit'> }) {
  return rateLimit({
    windowMs: EXPORT_RATE_WINDOW_SECONDS * 1000,
    limit: options.config.exportRateLimit,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: (req: Request, res: Response) => {
      const actor = findActor(res);
      if (actor) return `user:${actor.id}`;
      // Stryker disable next-line StringLiteral: equivalent, req.ip is undefined only once the connection is gone
      const address = req.ip ?? '';
      return `ip:${ipKeyGenerator(address)}`;
    },
    handler: (_req: Request, _res: Response, next: NextFunction) => {
      next(
        rateLimited(
          `Too many downloads in a short time. Try again within ${EXPORT_RATE_WINDOW_SECONDS} seconds.`,
        ),
      );
    },
  });
}
