/**
 * The Socket.IO handshake gate: the Origin must be this site (same host, PUBLIC_URL or
 * ALLOWED_ORIGINS), like the HTTP API's origin check, and the session cookie must name an
 * active user. A refused handshake reaches the client as `connect_error` with a stable message.
 */
import type { Socket } from 'socket.io';
import { HANDSHAKE_ERRORS, type SocketData } from '../../shared/realtime/events';
import { resolveSessionUser } from '../auth/sessions';
import type { Config } from '../env';
import type { Logger } from '../logger';
import type { Storage } from '../storage/types';

/**
 * Whether a handshake's Origin may open a socket. A missing Origin is allowed: browsers
 * always send one cross-site, so its absence means a same-origin request or a non-browser
 * client, neither of which can ride on someone else's cookie.
 */
export function isAllowedOrigin(input: {
  origin: string | undefined;
  host: string | undefined;
  config: Pick<Config, 'publicUrl' | 'allowedOrigins' | 'isHostHeaderTrusted'>;
}): boolean {
  const { origin, host, config } = input;
  if (origin === undefined) return true;
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false;
  }
  // Never in production: a client picks its Host header.
  if (config.isHostHeaderTrusted && host !== undefined && parsed.host === host) return true;
  if (config.publicUrl !== null && parsed.origin === new URL(config.publicUrl).origin) return true;
  return config.allowedOrigins.some((allowed) => allowed.replace(/\/$/, '') === parsed.origin);
}

type Middleware = (socket: Socket, next: (error?: Error) => void) => void;

/** Builds the `io.use` middleware that authenticates each connection once, at handshake. */
export function createHandshakeMiddleware(input: {
  config: Config;
  storage: Storage;
  logger: Logger;
}): Middleware {
  const { config, storage, logger } = input;
  return (socket, next) => {
    const { headers } = socket.handshake;
    if (!isAllowedOrigin({ origin: headers.origin, host: headers.host, config })) {
      logger.warn({ origin: headers.origin }, 'socket handshake from a foreign origin refused');
      next(new Error(HANDSHAKE_ERRORS.forbiddenOrigin));
      return;
    }
    resolveSessionUser({ storage, cookieHeader: headers.cookie })
      .then((user) => {
        if (!user?.isActive) {
          next(new Error(HANDSHAKE_ERRORS.unauthenticated));
          return;
        }
        const data: SocketData = {
          user: { id: user.id, name: user.name, isAdmin: user.role === 'admin' },
        };
        socket.data = data;
        next();
      })
      .catch((error: unknown) => {
        logger.error({ err: error }, 'socket session lookup failed');
        next(new Error(HANDSHAKE_ERRORS.unauthenticated));
      });
  };
}
