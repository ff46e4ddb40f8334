/**
 * Socket.IO test helpers: signed-in accounts written through the storage port, and real
 * socket.io-client connections carrying their session cookie (as a browser would).
 */
import { io as connectClient, type Socket } from 'socket.io-client';
import type {
  AckResult,
  ClientToServerEvents,
  ServerToClientEvents,
} from '../../shared/realtime/events';
import { startSession } from '../../server/auth/sessions';
import type { Storage, User } from '../../server/storage/types';

/** The typed client socket. */
export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** Creates an account with a live session; `cookie` is the header value to connect with. */
export async function createSignedInUser(
  storage: Storage,
  name: string,
): Promise<{ user: User; cookie: string }> {
  const user = await storage.createUser({
    name,
    email: `${name.toLowerCase().replace(/\W+/g, '-')}-${Date.now()}@example.org`,
    role: 'member',
    passwordHash: 'not-used-here',
  });
  const { token } = await startSession({ storage, userId: user.id, ttlDays: 1 });
  return { user, cookie: `clip_session=${token}` };
}

/** Opens a socket (no reconnection) with the given cookie and Origin (default: the server). */
export function openSocket(
  url: string,
  options: { cookie?: string; origin?: string; transport?: 'websocket' | 'polling' } = {},
): ClientSocket {
  const headers: Record<string, string> = { origin: options.origin ?? url };
  if (options.cookie) headers.cookie = options.cookie;
  return connectClient(url, {
    path: '/socket.io',
    transports: [options.transport ?? 'websocket'],
    extraHeaders: headers,
    reconnection: false,
    forceNew: true,
  });
}

/** Resolves once the socket is connected; rejects with the server's `connect_error`. */
export function connected(socket: ClientSocket): Promise<ClientSocket> {
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

/** Resolves with the `connect_error` message of a handshake the server must refuse. */
export function connectError(socket: ClientSocket): Promise<string> {
  return new Promise((resolve, reject) => {
    socket.once('connect', () => reject(new Error('connected unexpectedly')));
    socket.once('connect_error', (error) => resolve(error.message));
  });
}

/** Sends any payload, as a hostile or buggy client would, and waits for the ack. */
export function rawRequest(
  socket: ClientSocket,
  event: string,
  payload: unknown,
): Promise<AckResult> {
  const loose = socket as unknown as {
    timeout(ms: number): { emitWithAck(e: string, p: unknown): Promise<AckResult> };
  };
  return loose.timeout(5000).emitWithAck(event, payload);
}
