/**
 * The Socket.IO handshake gate (`server/realtime/handshake.ts`) called directly with a
 * handshake's headers, over real SQLite and real sessions: the origin rule, the session
 * cookie, and what it puts on the socket. The same gate behind real socket.io-client
 * connections: originDoors.test.ts, presence.test.ts.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import type { IncomingHttpHeaders } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE, startSession } from '../../server/auth/sessions';
import { createHandshakeMiddleware, type HandshakeSocket } from '../../server/realtime/handshake';
import { createSqliteStorage } from '../../server/storage/sqlite';
import type { Storage } from '../../server/storage/types';
import { HANDSHAKE_ERRORS } from '../../shared/realtime/events';
import { buildUser } from '../helpers/factories';
import { recordingLogger } from '../helpers/recordingLogger';

let dataDir: string;
let storage: Storage;
beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'clip-handshake-'));
  storage = await createSqliteStorage({ filename: path.join(dataDir, 'clip.sqlite') });
});
afterAll(async () => {
  await storage.close();
  await rm(dataDir, { recursive: true, force: true });
});

const config = {
  publicUrl: 'https://clip.example',
  allowedOrigins: [],
  isHostHeaderTrusted: true,
};

/** What the gate logged (pino levels: 40 warn, 50 error), newest last. */
const { logger, logged } = recordingLogger<{
  level: number;
  msg: string;
  origin?: string;
  err?: { message: string };
}>();

/** Runs the gate on a handshake with `headers`: the error it refused with, and the socket. */
async function handshake(headers: IncomingHttpHeaders, gateStorage = storage) {
  logged.length = 0;
  const gate = createHandshakeMiddleware({ config, storage: gateStorage, logger });
  const socket: HandshakeSocket = { handshake: { headers }, data: undefined };
  const error = await new Promise<Error | undefined>((resolve) => gate(socket, resolve));
  return { refusal: error?.message ?? null, data: socket.data };
}

async function cookieOf(role: 'member' | 'admin' = 'member') {
  const user = await buildUser(storage, { role });
  const { token } = await startSession({ storage, userId: user.id, ttlDays: 1 });
  return { user, cookie: `${SESSION_COOKIE}=${token}` };
}

describe('socket handshake gate', () => {
  it('puts the signed-in account on the socket, with or without an Origin of this site', async () => {
    const { user, cookie } = await cookieOf();
    const expected = {
      refusal: null,
      data: { user: { id: user.id, name: user.name, isAdmin: false } },
    };
    expect(await handshake({ cookie, host: 'clip.internal' })).toEqual(expected);
    expect(
      await handshake({ cookie, host: 'clip.internal', origin: 'http://clip.internal' }),
    ).toEqual(expected);
    expect(await handshake({ cookie, origin: 'https://clip.example' })).toEqual(expected);
    const admin = await cookieOf('admin');
    expect((await handshake({ cookie: admin.cookie })).data).toEqual({
      user: { id: admin.user.id, name: admin.user.name, isAdmin: true },
    });
  });

  it('refuses a foreign Origin before looking at the cookie', async () => {
    const { cookie } = await cookieOf();
    for (const origin of ['https://evil.example', 'null', 'http://clip.internal.evil']) {
      expect(await handshake({ cookie, host: 'clip.internal', origin }), origin).toEqual({
        refusal: HANDSHAKE_ERRORS.forbiddenOrigin,
        data: undefined,
      });
      expect(logged.map(({ level, msg, origin: from }) => ({ level, msg, from }))).toEqual([
        { level: 40, msg: 'socket handshake from a foreign origin refused', from: origin },
      ]);
    }
  });

  it('refuses a missing, forged or ended session, and a deactivated account', async () => {
    const refused = { refusal: HANDSHAKE_ERRORS.unauthenticated, data: undefined };
    expect(await handshake({})).toEqual(refused);
    expect(await handshake({ cookie: `${SESSION_COOKIE}=forged` })).toEqual(refused);
    const { user, cookie } = await cookieOf();
    await storage.updateUser({ id: user.id, patch: { isActive: false } });
    expect(await handshake({ cookie })).toEqual(refused);
    // A refusal, not a failure: nothing is logged as an error.
    expect(logged).toEqual([]);
  });

  it('refuses when the session cannot be looked up (storage down)', async () => {
    const { cookie } = await cookieOf();
    const down = await createSqliteStorage({ filename: path.join(dataDir, 'down.sqlite') });
    await down.close();
    expect(await handshake({ cookie }, down)).toEqual({
      refusal: HANDSHAKE_ERRORS.unauthenticated,
      data: undefined,
    });
    expect(logged.map(({ level, msg }) => ({ level, msg }))).toEqual([
      { level: 50, msg: 'socket session lookup failed' },
    ]);
    expect(logged[0]?.err?.message).toBeTruthy();
  });
});
