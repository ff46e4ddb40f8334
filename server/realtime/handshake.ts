/**
 * The Socket.IO handshake gate: the Origin must be this site (same host, PUBLIC_URL or
 * ALLOWED_ORIGINS), by the HTTP API's own rule (`isAllowedOrigin`), and the session cookie must name an
 * active user. A refused handshake reaches the client as `connect_error` with a stable message.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { HANDSHAKE_ERRORS, type SocketData } from '../../shared/realtime/events';
import { resolveSessionUser } from '../auth/sessions';
import { isAllowedOrigin, type OriginConfig } from '../http/originCheck';
import type { Logger } from '../logger';
import type { Storage } from '../storage/types';

/** What the gate reads and sets of a connecting Socket.IO socket. */
export interface HandshakeSocket {
  handshake: { headers: IncomingHttpHeaders };
  data: unknown;
}

type Middleware = (socket: HandshakeSocket, next: (error?: Error) => void) => void;

/** Builds the `io.use` middleware that authenticates each connection once, at handshake. */
export function createHandshakeMiddleware(input: {
  config: OriginConfig;
  storage: Storage;
  logger: Logger;
}): Middleware {
  const { config, storage, logger } = input;
  return (socket, next) => {
    const { headers } = socket.handshake;
    // A missing Origin is allowed: browsers always send one cross-site, so its absence means a
    // same-origin request or a non-browser client, neither of which rides on someone's cookie.
    const { origin } = headers;
    if (origin !== undefined && !isAllowedOrigin({ origin, host: headers.host, config })) {
      logger.warn({ origin: headers.origin }, 'socket handshake from a foreign origin refused');
      next(new Error(HANDSHAKE_ERRORS.forbiddenOrigin));
      return;
    }
    resolveSessionUser({ storage, cookieHeader: headers.cookie })
      .then((user) => {
        // Stryker disable next-line OptionalChaining: equivalent, without it a null user throws here and the catch below refuses the same way
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
