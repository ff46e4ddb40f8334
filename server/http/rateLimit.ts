/**
 * Per-IP rate limit for sign-in and registration. Built per app instance (never a
 * module-level limiter), so two servers in one test process count separately.
 */
import type { NextFunction, Request, Response } from 'express';
import { rateLimit } from 'express-rate-limit';
import type { Config } from '../env';
import { AppError } from '../errors';

/** A limiter answering 429 `rate_limited` in our error shape once the IP is over the limit. */
export function createAuthRateLimit(options: {
  config: Pick<Config, 'authRateLimit' | 'authRateWindowSeconds'>;
}) {
  const { authRateLimit, authRateWindowSeconds } = options.config;
  return rateLimit({
    windowMs: authRateWindowSeconds * 1000,
    limit: authRateLimit,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_req: Request, _res: Response, next: NextFunction) => {
      next(
        new AppError({
          status: 429,
          code: 'rate_limited',
          message: `Too many attempts. Try again in ${authRateWindowSeconds} seconds.`,
        }),
      );
    },
  });
}
