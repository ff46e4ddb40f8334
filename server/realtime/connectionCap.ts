/**
 * The cap on Socket.IO connections per account: one person's tabs are few, so a client
 * opening hundreds of sockets (each pinning rooms, presence and buffers) is refused at the
 * handshake with `connect_error` `too_many_connections`. Runs after the handshake middleware,
 * which has put the account on `socket.data`.
 */
import type { Socket } from 'socket.io';
import { HANDSHAKE_ERRORS, type SocketData } from '../../shared/realtime/events';
import type { Logger } from '../logger';

type Middleware = (socket: Socket, next: (error?: Error) => void) => void;

/** Builds the `io.use` middleware admitting at most `maxPerUser` sockets per account. */
export function createConnectionCapMiddleware(input: {
  maxPerUser: number;
  logger: Logger;
}): Middleware {
  const { maxPerUser, logger } = input;
  /** userId → admitted sockets that are still open. */
  const counts = new Map<string, number>();

  return (socket, next) => {
    const { user } = socket.data as SocketData;
    const count = counts.get(user.id) ?? 0;
    if (count >= maxPerUser) {
      logger.info({ userId: user.id, count }, 'socket refused: too many connections for this user');
      next(new Error(HANDSHAKE_ERRORS.tooManyConnections));
      return;
    }
    counts.set(user.id, count + 1);
    let isReleased = false;
    const release = (): void => {
      if (isReleased) return;
      isReleased = true;
      const left = (counts.get(user.id) ?? 1) - 1;
      if (left > 0) counts.set(user.id, left);
      else counts.delete(user.id);
    };
    // A socket admitted here may still be dropped before it connects (its transport closed
    // meanwhile), and then never emits `disconnect`: the transport's close frees the slot too.
    socket.conn.once('close', release);
    socket.once('disconnect', () => {
      // The transport may carry a later socket of the same client: no listener left behind.
      socket.conn.off('close', release);
      release();
    });
    next();
  };
}
