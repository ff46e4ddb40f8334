/**
 * CSRF defence in depth (the session cookie is also SameSite=Lax): a state-changing
 * request whose Origin (or, failing that, Referer) is a foreign site is refused with 403
 * `origin_mismatch`. A request with neither header (curl, server-to-server) is allowed:
 * browsers always send Origin on cross-site POST/PUT/PATCH/DELETE.
 */
import type { NextFunction, Request, Response } from 'express';
import type { Config } from '../env';
import { ForbiddenError } from '../errors';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function originOf(value: string): string | null {
  try {
    const url = new URL(value);
    return url.origin === 'null' ? null : url.origin;
  } catch {
    return null;
  }
}

/** Whether `origin` may make state-changing calls to a server reached at `host`. */
export function isAllowedOrigin(options: {
  origin: string;
  host: string | undefined;
  publicUrl: string | null;
  allowedOrigins: readonly string[];
}): boolean {
  const origin = originOf(options.origin);
  if (!origin) return false;
  if (options.host && new URL(origin).host === options.host.toLowerCase()) return true;
  const trusted = [options.publicUrl, ...options.allowedOrigins]
    .filter((value): value is string => Boolean(value))
    .map(originOf);
  return trusted.includes(origin);
}

/**
 * Express middleware enforcing `isAllowedOrigin` on POST/PUT/PATCH/DELETE. The same-host
 * rule uses the Host header only where `config.isHostHeaderTrusted` (never in production).
 */
export function createOriginCheck(options: {
  config: Pick<Config, 'publicUrl' | 'allowedOrigins' | 'isHostHeaderTrusted'>;
}) {
  const { publicUrl, allowedOrigins, isHostHeaderTrusted } = options.config;
  return (req: Request, _res: Response, next: NextFunction): void => {
    if (!STATE_CHANGING.has(req.method)) return next();
    const claimed = req.get('origin') ?? req.get('referer');
    if (claimed === undefined) return next();
    const isAllowed = isAllowedOrigin({
      origin: claimed,
      host: isHostHeaderTrusted ? req.get('host') : undefined,
      publicUrl,
      allowedOrigins,
    });
    if (isAllowed) return next();
    next(new ForbiddenError('Requests from another site are not accepted.', 'origin_mismatch'));
  };
}
