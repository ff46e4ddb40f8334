/**
 * The one way a Socket.IO request is served (`server/realtime/requests.ts`), on a real
 * Socket.IO server (port 0) with real socket.io-client connections and real SQLite sessions,
 * but with request specs of the test's own, so each step can be made to fail: rate limit →
 * validate → in-flight cap → answer from memory → re-check the session (granting requests) →
 * run → acknowledge, exactly once, whatever the handler does. The real events over the whole
 * server: presence.test.ts, limits.test.ts.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Server } from 'socket.io';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { REALTIME_ERROR_CODES, type RealtimeErrorCode } from '../../shared/realtime/events';
import { createSocketRequests, refusal, type RequestSpec } from '../../server/realtime/requests';
import { createSqliteStorage } from '../../server/storage/sqlite';
import type { Storage, User } from '../../server/storage/types';
import type { RealtimeServer, RealtimeSocket } from '../../server/realtime/types';
import { waitFor } from '../collab/helpers';
import {
  connected,
  createSignedInUser,
  openSocket,
  rawRequest,
  type ClientSocket,
} from './helpers';
import { recordingLogger } from '../helpers/recordingLogger';

let dataDir: string;
let storage: Storage;
const closers: Array<() => Promise<void>> = [];

/** What the request handling logged (pino level 50: error). */
const { logger, logged } = recordingLogger<{
  level: number;
  msg: string;
  event?: string;
  userId?: string;
}>();

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'clip-requests-'));
  storage = await createSqliteStorage({ filename: path.join(dataDir, 'clip.sqlite') });
});
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
  logged.length = 0;
});
afterAll(async () => {
  await storage.close();
  await rm(dataDir, { recursive: true, force: true });
});

const EVENT = 'presence:open';
const payloadSchema = z.strictObject({ n: z.number() });
type Spec = RequestSpec<typeof payloadSchema>;

/** A spec that runs `run` (default: answers ok), not granting access. */
const spec = (overrides: Partial<Spec> = {}): Spec => ({
  schema: payloadSchema,
  isGranting: false,
  run: () => Promise.resolve({ ok: true }),
  ...overrides,
});

const limits = { requestsPerSecond: 0.001, requestBurst: 100, maxRequestsInFlight: 32 };

/**
 * A Socket.IO server whose sockets are opened for `user` (as the handshake would set it) and
 * serve EVENT with `served`; `sockets` holds the server-side sockets.
 */
async function serve(input: { user: User; served: Spec; options?: Partial<typeof limits> }) {
  const http: HttpServer = createServer();
  const io: RealtimeServer = new Server(http, { path: '/socket.io' });
  const sockets: RealtimeSocket[] = [];
  io.on('connection', (socket) => {
    socket.data.user = { id: input.user.id, name: input.user.name, isAdmin: false };
    sockets.push(socket);
    createSocketRequests({
      socket,
      storage,
      logger,
      options: { ...limits, ...input.options },
    }).on(EVENT, input.served);
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  closers.push(() => new Promise<void>((resolve) => io.close(() => resolve())));
  const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  return {
    sockets,
    async connect(cookie: string): Promise<ClientSocket> {
      const socket = await connected(openSocket(url, { cookie }));
      closers.push(async () => {
        socket.disconnect();
      });
      return socket;
    },
  };
}

/** A promise and the function that resolves it. */
function gate(): { opened: Promise<void>; open: () => void } {
  let open = (): void => {};
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

describe('refusal', () => {
  it('carries each code with its standard message, or the one given', () => {
    const messages: Record<RealtimeErrorCode, string> = {
      validation_failed: 'The request is malformed.',
      unauthenticated: 'Your session has ended; sign in again.',
      forbidden: 'You are not allowed to do that.',
      not_found: 'Not found.',
      rate_limited: 'Too many requests; slow down.',
      internal_error: 'Something went wrong on the server.',
    };
    for (const code of REALTIME_ERROR_CODES) {
      expect(refusal(code)).toEqual({ ok: false, error: { code, message: messages[code] } });
    }
    expect(refusal('forbidden', 'Not yours.')).toEqual({
      ok: false,
      error: { code: 'forbidden', message: 'Not yours.' },
    });
  });
});

describe('socket requests', () => {
  it('answers a malformed payload with validation_failed, without running the handler', async () => {
    const { user, cookie } = await createSignedInUser(storage, 'Vera');
    const runs: number[] = [];
    const { connect } = await serve({
      user,
      served: spec({
        run: ({ n }) => {
          runs.push(n);
          return Promise.resolve({ ok: true });
        },
      }),
    });
    const socket = await connect(cookie);
    expect(await rawRequest(socket, EVENT, { n: 'one' })).toEqual(refusal('validation_failed'));
    expect(await rawRequest(socket, EVENT, { n: 1 })).toEqual({ ok: true });
    expect(runs).toEqual([1]);
  });

  it('answers a failing handler with internal_error, logs it, and keeps serving the socket', async () => {
    const { user, cookie } = await createSignedInUser(storage, 'Fred');
    const { connect } = await serve({
      user,
      served: spec({
        run: ({ n }) =>
          n === 0 ? Promise.reject(new Error('handler broke')) : Promise.resolve({ ok: true }),
      }),
    });
    const socket = await connect(cookie);
    expect(await rawRequest(socket, EVENT, { n: 0 })).toEqual(refusal('internal_error'));
    expect(logged.map(({ level, msg, event, userId }) => ({ level, msg, event, userId }))).toEqual([
      { level: 50, msg: 'realtime handler failed', event: EVENT, userId: user.id },
    ]);
    expect(await rawRequest(socket, EVENT, { n: 1 })).toEqual({ ok: true });
  });

  it('serves a request sent without an acknowledgement, and keeps serving the socket', async () => {
    const { user, cookie } = await createSignedInUser(storage, 'Nina');
    const runs: number[] = [];
    const { connect } = await serve({
      user,
      served: spec({
        run: ({ n }) => {
          runs.push(n);
          return Promise.resolve(n === 0 ? { ok: true } : refusal('not_found'));
        },
      }),
    });
    const socket = await connect(cookie);
    (socket as unknown as { emit(event: string, payload: unknown): void }).emit(EVENT, { n: 0 });
    (socket as unknown as { emit(event: string, payload: unknown): void }).emit(EVENT, 'junk');
    expect(await rawRequest(socket, EVENT, { n: 1 })).toEqual(refusal('not_found'));
    expect(runs).toEqual([0, 1]);
  });

  it('answers from memory when it can, without running the handler', async () => {
    const { user, cookie } = await createSignedInUser(storage, 'Mona');
    const runs: number[] = [];
    const { connect } = await serve({
      user,
      served: spec({
        answerFromMemory: ({ n }) => (n === 0 ? { ok: true } : null),
        run: ({ n }) => {
          runs.push(n);
          return Promise.resolve(refusal('forbidden'));
        },
      }),
    });
    const socket = await connect(cookie);
    expect(await rawRequest(socket, EVENT, { n: 0 })).toEqual({ ok: true });
    expect(await rawRequest(socket, EVENT, { n: 1 })).toEqual(refusal('forbidden'));
    expect(runs).toEqual([1]);
  });

  it('answers in the order sent, even when a later request is answered from memory', async () => {
    const { user, cookie } = await createSignedInUser(storage, 'Otto');
    const slow = gate();
    const { connect } = await serve({
      user,
      served: spec({
        answerFromMemory: ({ n }) => (n === 1 ? refusal('not_found') : null),
        run: async () => {
          await slow.opened;
          return { ok: true };
        },
      }),
    });
    const socket = await connect(cookie);
    const answered: number[] = [];
    const first = rawRequest(socket, EVENT, { n: 0 }).then(() => answered.push(0));
    const second = rawRequest(socket, EVENT, { n: 1 }).then(() => answered.push(1));
    slow.open();
    await Promise.all([first, second]);
    expect(answered).toEqual([0, 1]);
  });

  it('refuses requests beyond the in-flight cap, and serves again once answers went out', async () => {
    const { user, cookie } = await createSignedInUser(storage, 'Cleo');
    const slow = gate();
    let started = 0;
    const { connect } = await serve({
      user,
      options: { maxRequestsInFlight: 2 },
      served: spec({
        run: async () => {
          started += 1;
          await slow.opened;
          return { ok: true };
        },
      }),
    });
    const socket = await connect(cookie);
    const waiting = [rawRequest(socket, EVENT, { n: 0 }), rawRequest(socket, EVENT, { n: 1 })];
    await waitFor(() => started === 1, 'the first request is running');
    expect(await rawRequest(socket, EVENT, { n: 2 })).toEqual(
      refusal('rate_limited', 'Too many requests at once; wait for the answers.'),
    );
    slow.open();
    expect(await Promise.all(waiting)).toEqual([{ ok: true }, { ok: true }]);
    expect(
      await Promise.all([rawRequest(socket, EVENT, { n: 3 }), rawRequest(socket, EVENT, { n: 4 })]),
    ).toEqual([{ ok: true }, { ok: true }]);
  });

  it('spends the rate budget on every request, malformed ones too', async () => {
    const { user, cookie } = await createSignedInUser(storage, 'Rita');
    const { connect } = await serve({ user, options: { requestBurst: 2 }, served: spec() });
    const socket = await connect(cookie);
    expect(await rawRequest(socket, EVENT, 'junk')).toEqual(refusal('validation_failed'));
    expect(await rawRequest(socket, EVENT, { n: 1 })).toEqual({ ok: true });
    expect(await rawRequest(socket, EVENT, { n: 2 })).toEqual(refusal('rate_limited'));
  });

  it('re-checks the session before a granting request: a fresh name and admin role are picked up', async () => {
    const { user, cookie } = await createSignedInUser(storage, 'Gina');
    const { connect, sockets } = await serve({ user, served: spec({ isGranting: true }) });
    await connect(cookie);
    await storage.updateUser({ id: user.id, patch: { name: 'Gina Renamed', role: 'admin' } });
    expect(await rawRequest(await connect(cookie), EVENT, { n: 1 })).toEqual({ ok: true });
    expect(sockets[1]?.data.user).toEqual({ id: user.id, name: 'Gina Renamed', isAdmin: true });
    // A socket that made no granting request still shows what it was opened with.
    expect(sockets[0]?.data.user).toEqual({ id: user.id, name: 'Gina', isAdmin: false });
  });

  it('refuses a granting request once the session is gone, and disconnects the socket; other requests are still served', async () => {
    const { user, cookie } = await createSignedInUser(storage, 'Sven');
    const { connect } = await serve({
      user,
      served: spec({ isGranting: false }),
    });
    const granting = await serve({ user, served: spec({ isGranting: true }) });
    const plain = await connect(cookie);
    const socket = await granting.connect(cookie);
    await storage.deleteSessionsForUser({ userId: user.id });
    // Served: only requests that grant access re-read the session.
    expect(await rawRequest(plain, EVENT, { n: 1 })).toEqual({ ok: true });
    const disconnected = new Promise<string>((resolve) => socket.once('disconnect', resolve));
    // The server closes the connection itself, not only the namespace: a client that kept the
    // connection open would otherwise hold it.
    const connectionClosed = new Promise<string>((resolve) =>
      granting.sockets[0]!.conn.once('close', resolve),
    );
    expect(await rawRequest(socket, EVENT, { n: 1 })).toEqual(refusal('unauthenticated'));
    expect(await disconnected).toBe('io server disconnect');
    expect(await connectionClosed).toBe('forced close');
  });

  it('refuses a granting request whose cookie names another account than the socket’s', async () => {
    const { user } = await createSignedInUser(storage, 'Ida');
    const { cookie: othersCookie } = await createSignedInUser(storage, 'Other');
    const { connect } = await serve({ user, served: spec({ isGranting: true }) });
    const socket = await connect(othersCookie);
    expect(await rawRequest(socket, EVENT, { n: 1 })).toEqual(refusal('unauthenticated'));
  });
});
