/**
 * The cap on Socket.IO connections per account: one person's tabs are few, so a client
 * opening hundreds of sockets (each pinning rooms, presence and buffers) is refused at the
 * handshake with `connect_error` `too_many_connections`. Runs after the handshake middleware,
 * which has put the account on `socket.data`.
 */
import type { Socket } from 'socket.io';
import { HANDSHAKE_ERRORS, type SocketData } from '../../shared/realtime/events';
import type { Logger } from '../logger';
import type { ConnectionCounter } from '../scaleout/connectionCounter';

type Middleware = (socket: Socket, next: (error?: Error) => void) => void;

/**
 * Builds the `io.use` middleware admitting at most `maxPerUser` sockets per account (counted
 * by `connections`: this process, or every process sharing Redis).
 */
export function createConnectionCapMiddleware(input: {
  maxPerUser: number;
  connections: ConnectionCounter;
  logger: Logger;
}): Middleware {
  const { maxPerUser, connections, logger } = input;

  return (socket, next) => {
    const { user } = socket.data as SocketData;
    const slot = { kind: 'realtime', userId: user.id } as const;
    void connections.tryAcquire({ ...slot, max: maxPerUser }).then((isAdmitted) => {
      if (!isAdmitted) {
        logger.info({ userId: user.id }, 'socket refused: too many connections for this user');
        next(new Error(HANDSHAKE_ERRORS.tooManyConnections));
        return;
      }
      let isReleased = false;
      const release = (): void => {
        if (isReleased) return;
        isReleased = true;
        connections.release(slot);
      };
      // A socket admitted here may still be dropped before it connects (its transport closed
      // meanwhile), and then never emits `disconnect`: the transport's close frees the slot too.
      socket.conn.once('close', release);
      socket.once('disconnect', () => {
        // The transport may carry a later socket of the same client: no listener left behind.
        socket.conn.off('close', release);
        release();
      });
      // The transport closed while the count was being taken: give the slot back now.
      if (socket.conn.readyState === 'closed') release();
      next();
    });
  };
}
