/**
 * The HTTP guards on a small real Express app with the real session loader over SQLite and
 * the real error handler. Who is calling (`server/http/authentication.ts`): the actor and
 * session a cookie resolves to, 401 and 403 from the user and admin guards. The rate limiters
 * (`server/http/rateLimit.ts`): who shares a budget (an IP, an account), what the refusal
 * says, the one audit call per window, and a shared store that is down letting requests
 * through. The same guards as the API applies them: auth.test.ts, admin.test.ts,
 * rateLimit.test.ts, creationRateLimit.test.ts.
 */
import http, { type Server } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import express, { type Request, type RequestHandler } from 'express';
import { MemoryStore } from 'express-rate-limit';
import { pino } from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE, startSession } from '../../server/auth/sessions';
import {
  createSessionLoader,
  findActor,
  findSession,
  getActor,
  requireAdmin,
  requireUser,
  setAuth,
} from '../../server/http/authentication';
import { createErrorHandler } from '../../server/http/errorHandler';
import {
  createAuthRateLimit,
  createExportRateLimit,
  createUserRateLimit,
} from '../../server/http/rateLimit';
import { createSqliteStorage } from '../../server/storage/sqlite';
import type { Storage } from '../../server/storage/types';
import { buildUser } from '../helpers/factories';

let dataDir: string;
let storage: Storage;
const servers: Server[] = [];

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'clip-ratelimit-'));
  storage = await createSqliteStorage({ filename: path.join(dataDir, 'clip.sqlite') });
});
afterEach(async () => {
  await Promise.all(
    servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))),
  );
});
afterAll(async () => {
  await storage.close();
  await rm(dataDir, { recursive: true, force: true });
});

/** Serves GET /try behind `guards` (after the session loader); returns a GET helper. */
async function serve(...guards: RequestHandler[]) {
  const app = express();
  app.use(createSessionLoader({ storage }));
  app.get('/try', ...guards, (_req, res) => {
    res.json({ ok: true });
  });
  app.use(createErrorHandler({ logger: pino({ level: 'silent' }) }));
  const server = await new Promise<Server>((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  servers.push(server);
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/try`;
  const get = async (cookie?: string) => {
    const res = await fetch(url, cookie ? { headers: { cookie } } : {});
    const body = (await res.json()) as { ok?: boolean; error?: { code: string; message: string } };
    return { status: res.status, body, headers: res.headers };
  };
  return Object.assign(get, { url });
}

/** The status of GET `url` sent from another loopback address (`localAddress`), signed out. */
function statusFrom(localAddress: string, url: string): Promise<number | undefined> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { localAddress }, (res) => {
        res.resume();
        resolve(res.statusCode);
      })
      .on('error', reject);
  });
}

/** A signed-in account's Cookie header (a member unless `role` says otherwise). */
async function signedIn(role: 'member' | 'admin' = 'member'): Promise<string> {
  return (await signIn(role)).cookie;
}

async function signIn(role: 'member' | 'admin' = 'member') {
  const user = await buildUser(storage, { role });
  const { token, session } = await startSession({ storage, userId: user.id, ttlDays: 1 });
  return { user, session, cookie: `${SESSION_COOKIE}=${token}` };
}

/** A memory store that remembers which keys were counted. */
class RecordingStore extends MemoryStore {
  readonly keys: string[] = [];
  override increment(key: string) {
    this.keys.push(key);
    return super.increment(key);
  }
}

/** A shared store that is unreachable (Redis down). */
class DownStore extends MemoryStore {
  override increment(): never {
    throw new Error('store unreachable');
  }
}

describe('who is calling', () => {
  it('resolves the cookie to the account and its session; nobody without one', async () => {
    const get = await serve((_req, res) => {
      res.json({ actor: findActor(res)?.id ?? null, session: findSession(res)?.id ?? null });
    });
    const { user, session, cookie } = await signIn();
    expect((await get(cookie)).body).toEqual({ actor: user.id, session: session.id });
    expect((await get()).body).toEqual({ actor: null, session: null });
    expect((await get(`${SESSION_COOKIE}=forged`)).body).toEqual({ actor: null, session: null });
  });

  it('getActor refuses nobody with 401; setAuth replaces who the request is from', async () => {
    const get = await serve((_req, res) => {
      res.json({ actor: getActor(res).id });
    });
    const { user, cookie } = await signIn();
    expect((await get(cookie)).body).toEqual({ actor: user.id });
    expect((await get()).status).toBe(401);
    expect((await get()).body.error?.code).toBe('unauthenticated');
    const signedOut = await serve((_req, res, next) => {
      setAuth(res, null);
      next();
    }, requireUser);
    expect((await signedOut(cookie)).status).toBe(401);
  });

  it('requireUser lets any signed-in account through; requireAdmin only network admins', async () => {
    const user = await serve(requireUser);
    const admin = await serve(requireAdmin);
    const [member, networkAdmin] = [await signedIn(), await signedIn('admin')];
    expect((await user()).status).toBe(401);
    expect((await user(member)).status).toBe(200);
    expect((await admin()).status).toBe(401);
    const forbidden = await admin(member);
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.error).toEqual({
      code: 'forbidden',
      message: 'Only a network admin may do that.',
    });
    expect((await admin(networkAdmin)).status).toBe(200);
  });
});

const authConfig = { authRateLimit: 2, authRateWindowSeconds: 60 };

describe('createAuthRateLimit', () => {
  it('refuses the attempt after the limit with 429 rate_limited, saying when to retry', async () => {
    const get = await serve(createAuthRateLimit({ config: authConfig }));
    expect((await get()).status).toBe(200);
    const second = await get();
    expect(second.status).toBe(200);
    expect(second.headers.get('ratelimit-policy')).toMatch(/q=2; w=60/);
    expect(second.headers.get('x-ratelimit-limit')).toBeNull();
    const refused = await get();
    expect(refused.status).toBe(429);
    expect(refused.body.error).toEqual({
      code: 'rate_limited',
      message: 'Too many attempts. Try again in 60 seconds.',
    });
  });

  it('calls onLimited for the first refusal of a window only, and refuses even when it fails', async () => {
    const limited: string[] = [];
    const get = await serve(
      createAuthRateLimit({
        config: authConfig,
        onLimited: async (req: Request) => {
          limited.push(req.path);
          throw new Error('audit write failed');
        },
      }),
    );
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 5; attempt++) statuses.push((await get()).status);
    expect(statuses).toEqual([200, 200, 429, 429, 429]);
    expect(limited).toEqual(['/try']);
    const audited = await serve(
      createAuthRateLimit({ config: authConfig, onLimited: () => Promise.resolve() }),
    );
    statuses.length = 0;
    for (let attempt = 0; attempt < 3; attempt++) statuses.push((await audited()).status);
    expect(statuses).toEqual([200, 200, 429]);
  });

  it('counts in the shared store when given one, and lets requests through while it is down', async () => {
    const store = new RecordingStore();
    const counted = await serve(createAuthRateLimit({ config: authConfig, store }));
    expect((await counted()).status).toBe(200);
    expect(store.keys).toHaveLength(1);
    const down = await serve(createAuthRateLimit({ config: authConfig, store: new DownStore() }));
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 4; attempt++) statuses.push((await down()).status);
    expect(statuses).toEqual([200, 200, 200, 200]);
  });
});

describe('createUserRateLimit', () => {
  const config = {
    creationRateLimits: { invitations: 1, workspaces: 2, documents: 3 },
    creationRateWindowSeconds: 600,
  };

  it('gives each account its own budget of its bucket, even behind one address', async () => {
    const get = await serve(requireUser, createUserRateLimit({ config, bucket: 'workspaces' }));
    const [alice, bob] = [await signedIn(), await signedIn()];
    expect([(await get(alice)).status, (await get(alice)).status]).toEqual([200, 200]);
    const refused = await get(alice);
    expect(refused.status).toBe(429);
    expect(refused.body.error).toEqual({
      code: 'rate_limited',
      message: 'You created too many workspaces in a short time. Try again within 600 seconds.',
    });
    expect(refused.headers.get('ratelimit-policy')).toMatch(/q=2; w=600/);
    expect(refused.headers.get('x-ratelimit-limit')).toBeNull();
    expect((await get(bob)).status).toBe(200);
  });

  it('names the bucket it counts and uses its own limit', async () => {
    const invitations = await serve(
      requireUser,
      createUserRateLimit({ config, bucket: 'invitations' }),
    );
    const documents = await serve(
      requireUser,
      createUserRateLimit({ config, bucket: 'documents' }),
    );
    const carol = await signedIn();
    expect((await invitations(carol)).status).toBe(200);
    expect((await invitations(carol)).body.error?.message).toContain('too many invitations');
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 4; attempt++) statuses.push((await documents(carol)).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    expect((await documents(carol)).body.error?.message).toContain('too many documents');
  });

  it('counts in the shared store when given one, and lets requests through while it is down', async () => {
    const store = new RecordingStore();
    const dave = await signedIn();
    const counted = await serve(
      requireUser,
      createUserRateLimit({ config, bucket: 'invitations', store }),
    );
    expect((await counted(dave)).status).toBe(200);
    expect(store.keys).toEqual([expect.stringMatching(/^user:/)]);
    const down = await serve(
      requireUser,
      createUserRateLimit({ config, bucket: 'invitations', store: new DownStore() }),
    );
    expect([(await down(dave)).status, (await down(dave)).status]).toEqual([200, 200]);
  });
});

describe('createExportRateLimit', () => {
  it('counts per account when signed in and per address otherwise, per minute', async () => {
    const get = await serve(createExportRateLimit({ config: { exportRateLimit: 2 } }));
    const erin = await signedIn();
    expect([(await get()).status, (await get()).status]).toEqual([200, 200]);
    const refused = await get();
    expect(refused.status).toBe(429);
    expect(refused.body.error).toEqual({
      code: 'rate_limited',
      message: 'Too many downloads in a short time. Try again within 60 seconds.',
    });
    expect(refused.headers.get('ratelimit-policy')).toMatch(/q=2; w=60/);
    expect(refused.headers.get('x-ratelimit-limit')).toBeNull();
    // The signed-in account has its own budget, though it comes from the same address.
    expect([(await get(erin)).status, (await get(erin)).status]).toEqual([200, 200]);
    expect((await get(erin)).status).toBe(429);
    // So has every other account, and every other address.
    expect((await get(await signedIn())).status).toBe(200);
    expect(await statusFrom('127.0.0.2', get.url)).toBe(200);
  });
});
