/**
 * Per-IP rate limit for sign-in and registration. Built per app instance (never a
 * module-level limiter), so two servers in one test process count separately.
 */
import type { NextFunction, Request, Response } from 'express';
import { rateLimit } from 'express-rate-limit';
import type { Config } from '../env';
import { AppError } from '../errors';

/** Whether this refused request is the first one of its window (`used` counts refusals too). */
function isFirstRefusal(req: Request, limit: number): boolean {
  const info = (req as Request & { rateLimit?: { used: number } }).rateLimit;
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
}) {
  const { authRateLimit, authRateWindowSeconds } = options.config;
  const { onLimited } = options;
  return rateLimit({
    windowMs: authRateWindowSeconds * 1000,
    limit: authRateLimit,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (req: Request, _res: Response, next: NextFunction) => {
      const refusal = new AppError({
        status: 429,
        code: 'rate_limited',
        message: `Too many attempts. Try again in ${authRateWindowSeconds} seconds.`,
      });
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
