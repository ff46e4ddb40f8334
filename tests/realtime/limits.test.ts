/**
 * The limits of `/socket.io` against a real server (port 0, SQLite in a temp dir) with real
 * socket.io-client connections: a flood is refused with `rate_limited` while the server keeps
 * answering HTTP, a socket cannot have more than the in-flight cap served at once, an account
 * cannot open more sockets than its cap, and re-opening an open document reads no storage.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { HANDSHAKE_ERRORS, type AckResult } from '../../shared/realtime/events';
import { DEFAULT_REALTIME_OPTIONS } from '../../server/realtime/options';
import type { DocumentRecord, User } from '../../server/storage/types';
import { startTestServer, type TestServer } from '../helpers/server';
import {
  connected,
  connectError,
  createSignedInUser,
  openSocket,
  type ClientSocket,
} from './helpers';

const openSockets: ClientSocket[] = [];

afterEach(() => {
  for (const socket of openSockets.splice(0)) socket.disconnect();
  vi.restoreAllMocks();
});

function track(socket: ClientSocket): ClientSocket {
  openSockets.push(socket);
  return socket;
}

/** Counts answers by outcome: `ok` or the error code. */
function tally(results: AckResult[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const result of results) {
    const key = result.ok ? 'ok' : result.error.code;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

describe('Socket.IO request limits', () => {
  let server: TestServer;
  let owner: User;
  let cookie: string;
  let largeDocument: DocumentRecord;

  beforeAll(async () => {
    server = await startTestServer();
    ({ user: owner, cookie } = await createSignedInUser(server.storage, 'Flo'));
    const workspace = await server.storage.createWorkspace({
      name: 'Flooded',
      createdById: owner.id,
    });
    await server.storage.addMembership({
      workspaceId: workspace.id,
      userId: owner.id,
      role: 'owner',
    });
    largeDocument = await server.storage.createDocument({
      workspaceId: workspace.id,
      title: 'A very long document',
      kind: 'note',
      createdById: owner.id,
    });
    // The largest plain text a document row carries: every full-row read copies it.
    await server.storage.updateDocument({
      id: largeDocument.id,
      patch: { plainText: 'integration '.repeat(85_000) },
    });
  });

  afterAll(async () => {
    await server?.close();
  });

  const connectOwner = (): Promise<ClientSocket> =>
    connected(track(openSocket(server.url, { cookie })));

  it('refuses a flood with rate_limited acks while /api/health keeps answering', async () => {
    const sockets = await Promise.all([connectOwner(), connectOwner(), connectOwner()]);
    const perSocket = 300;
    const answers: Promise<AckResult>[] = [];
    for (const socket of sockets) {
      for (let i = 0; i < perSocket; i += 1) {
        const event = i % 2 === 0 ? 'presence:open' : 'presence:close';
        answers.push(socket.timeout(30_000).emitWithAck(event, { documentId: largeDocument.id }));
      }
    }
    const health = await fetch(`${server.url}/api/health`, {
      signal: AbortSignal.timeout(10_000),
    });
    expect(health.status).toBe(200);

    const counts = tally(await Promise.all(answers));
    // Every request is answered; beyond each socket's burst they are refused, not queued.
    expect(Object.keys(counts).sort()).toEqual(['ok', 'rate_limited']);
    expect(counts.rate_limited).toBeGreaterThan((sockets.length * perSocket) / 2);

    // Refusals do not end the socket: once the bucket refills, requests are served again.
    const [socket] = sockets;
    await vi.waitFor(
      async () => {
        const result = await socket.emitWithAck('presence:open', { documentId: largeDocument.id });
        expect(result).toEqual({ ok: true });
      },
      { timeout: 5_000, interval: 100 },
    );
  });

  it('answers requests beyond the in-flight cap with rate_limited', async () => {
    const socket = await connectOwner();
    const cap = DEFAULT_REALTIME_OPTIONS.maxRequestsInFlight;
    // Fewer than the token bucket's burst, so only the in-flight cap can refuse them; unknown
    // ids are never answered from memory, so each one is a storage lookup.
    const count = cap * 2;
    expect(count).toBeLessThan(DEFAULT_REALTIME_OPTIONS.requestBurst);
    const results = await Promise.all(
      Array.from({ length: count }, (_, i) =>
        socket.emitWithAck('presence:open', { documentId: `no-such-document-${i}` }),
      ),
    );
    const counts = tally(results);
    expect(counts.not_found).toBeGreaterThanOrEqual(cap);
    expect(counts.rate_limited).toBeGreaterThan(0);
    expect(results.find((result) => !result.ok && result.error.code === 'rate_limited')).toEqual({
      ok: false,
      error: { code: 'rate_limited', message: expect.stringMatching(/at once/) },
    });
  });

  it('answers a repeated presence:open of an open document from memory, without storage reads', async () => {
    const socket = await connectOwner();
    expect(await socket.emitWithAck('presence:open', { documentId: largeDocument.id })).toEqual({
      ok: true,
    });
    // Spies observe the real storage (calls pass through): sessions and memberships are read
    // by every access check, so a repeat that checked again would show up here.
    const sessionReads = vi.spyOn(server.storage, 'getSession');
    const membershipReads = vi.spyOn(server.storage, 'getMembership');
    const listSent = new Promise<string[]>((resolve) =>
      socket.once('presence:update', (update) => resolve(update.users.map((user) => user.id))),
    );
    for (let i = 0; i < 20; i += 1) {
      expect(await socket.emitWithAck('presence:open', { documentId: largeDocument.id })).toEqual({
        ok: true,
      });
    }
    // The opener still gets the current list, as on a first open.
    expect(await listSent).toEqual([owner.id]);
    // At most one round of the 2 s access sweep may have fallen inside the loop.
    expect(sessionReads.mock.calls.length).toBeLessThanOrEqual(1);
    expect(membershipReads.mock.calls.length).toBeLessThanOrEqual(1);
  });
});

describe('Socket.IO connections per account', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ REALTIME_MAX_CONNECTIONS_PER_USER: '2' });
  });

  afterAll(async () => {
    await server?.close();
  });

  it('refuses connections beyond the cap with too_many_connections, and frees slots on disconnect', async () => {
    const { cookie } = await createSignedInUser(server.storage, 'Tabby');
    const first = await connected(track(openSocket(server.url, { cookie })));
    await connected(track(openSocket(server.url, { cookie })));
    expect(await connectError(track(openSocket(server.url, { cookie })))).toBe(
      HANDSHAKE_ERRORS.tooManyConnections,
    );

    // The cap is per account: someone else still connects.
    const other = await createSignedInUser(server.storage, 'Other');
    await connected(track(openSocket(server.url, { cookie: other.cookie })));

    // Closing a tab frees its slot (once the server has seen the disconnect).
    first.disconnect();
    await vi.waitFor(() => connected(track(openSocket(server.url, { cookie }))), {
      timeout: 5_000,
      interval: 50,
    });
  });
});
