/**
 * Facts about a request that commands need but must not read from `req` themselves:
 * the caller's IP (for the audit log), the public base URL (for links), and whether the
 * connection is HTTPS (for the cookie's Secure flag).
 */
import type { Request } from 'express';
import type { Config } from '../env';

/** The caller's IP as Express sees it, or null. */
export function clientIp(req: Request): string | null {
  return req.ip ?? null;
}

/**
 * Where people reach the product: PUBLIC_URL when set, else (development and tests only:
 * production refuses to start without PUBLIC_URL) this request's origin.
 */
export function publicBaseUrl(
  req: Request,
  config: Pick<Config, 'publicUrl' | 'isHostHeaderTrusted'>,
): string {
  if (config.publicUrl) return config.publicUrl;
  if (!config.isHostHeaderTrusted) {
    throw new Error('PUBLIC_URL is required where the Host header is not trusted');
  }
  return `${req.protocol}://${req.get('host') ?? 'localhost'}`;
}

/** Whether cookies must be `Secure`: served over HTTPS directly or behind an https PUBLIC_URL. */
export function isSecureRequest(req: Request, config: Pick<Config, 'publicUrl'>): boolean {
  return req.secure || (config.publicUrl?.startsWith('https://') ?? false);
}
