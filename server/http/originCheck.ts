/**
 * CSRF defence in depth (the session cookie is also SameSite=Lax): a state-changing
 * request whose Origin (or, failing that, Referer) is a foreign site is refused with 403
 * `origin_mismatch`. A request with neither header (curl, server-to-server) is allowed:
 * browsers always send Origin on cross-site POST/PUT/PATCH/DELETE. `isAllowedOrigin` is
 * also the Socket.IO handshake's rule (realtime/handshake.ts), so the two doors agree.
 */
import type { NextFunction, Request, Response } from 'express';
import type { Config } from '../env';
import { ForbiddenError } from '../errors';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function originOf(value: string): string | null {
  if (!URL.canParse(value)) return null;
  const { origin } = new URL(value);
  return origin === 'null' ? null : origin;
}

/** The settings that say which origins are this site. */
export type OriginConfig = Pick<Config, 'publicUrl' | 'allowedOrigins' | 'isHostHeaderTrusted'>;

/**
 * Whether a browser at `origin` (an Origin or Referer value) may act on this server with the
 * caller's cookie: its origin is the request's own host (only where `isHostHeaderTrusted`,
 * never in production: a client picks its Host header), PUBLIC_URL or one of ALLOWED_ORIGINS,
 * compared as normalised origins (scheme, lower-case host, port; no path or trailing slash).
 * The one rule for both doors: the HTTP API and the Socket.IO handshake.
 */
export function isAllowedOrigin(input: {
  origin: string;
  host: string | undefined;
  config: OriginConfig;
}): boolean {
  const { config } = input;
  const origin = originOf(input.origin);
  if (!origin) return false;
  const host = config.isHostHeaderTrusted ? input.host : undefined;
  if (host && new URL(origin).host === host.toLowerCase()) return true;
  // Stryker disable next-line MethodExpression: equivalent, without the filter a null PUBLIC_URL reads as origin null, never trusted
  const trusted = [config.publicUrl, ...config.allowedOrigins]
    .filter((value): value is string => Boolean(value))
    .map(originOf);
  return trusted.includes(origin);
}

/**
 * Express middleware enforcing `isAllowedOrigin` on POST/PUT/PATCH/DELETE. The same-host
 * rule uses the Host header only where `config.isHostHeaderTrusted` (never in production).
 */
export function createOriginCheck(options: { config: OriginConfig }) {
  const { config } = options;
  return (req: Request, _res: Response, next: NextFunction): void => {
    if (!STATE_CHANGING.has(req.method)) return next();
    const claimed = req.get('origin') ?? req.get('referer');
    if (claimed === undefined) return next();
    const isAllowed = isAllowedOrigin({ origin: claimed, host: req.get('host'), config });
    if (isAllowed) return next();
    next(new ForbiddenError('Requests from another site are not accepted.', 'origin_mismatch'));
  };
}
