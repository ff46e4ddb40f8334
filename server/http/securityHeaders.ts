/**
 * Security headers (helmet) with a CSP that fits the built React client: scripts and
 * styles from our origin, WebSockets to our origin (/collab, /socket.io), images from
 * anywhere on https (pasted images) or data: URLs.
 */
import helmet from 'helmet';
import type { Config } from '../env';

/** Helmet configured for this deployment; HTTPS-only headers only when served over HTTPS. */
export function createSecurityHeaders(options: { config: Pick<Config, 'publicUrl'> }) {
  const isHttps = options.config.publicUrl?.startsWith('https://') ?? false;
  return helmet({
    contentSecurityPolicy: {
      useDefaults: true,
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'"],
        // Tiptap and the collaboration caret set inline styles.
        'style-src': ["'self'", "'unsafe-inline'"],
        'connect-src': ["'self'", 'ws:', 'wss:'],
        'img-src': ["'self'", 'data:', 'https:'],
        'font-src': ["'self'", 'data:'],
        'object-src': ["'none'"],
        'frame-ancestors': ["'none'"],
        // Upgrading would break a plain-http install (e.g. on a laptop or an intranet).
        'upgrade-insecure-requests': isHttps ? [] : null,
      },
    },
    strictTransportSecurity: isHttps,
  });
}
