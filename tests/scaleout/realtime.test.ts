/**
 * Live state across processes: two real servers (`startServer`, in this test process) on one
 * SQLite file and one real `redis-server`, real socket.io-client and WebsocketProvider clients
 * on each. Presence and comments reach people on the other process, the per-account caps and the sign-in
 * rate limit count both processes, and a revocation stored on one process closes
 * connections on the other at once (the periodic re-checks are slowed to a minute, so only the
 * published re-check explains it). Skipped with one line when `redis-server` is not on PATH.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLOSE_CODES } from '../../shared/closeCodes';
import * as Y from 'yjs';
import { EDITOR_FRAGMENT, EDITOR_ROOT_TYPES } from '../../shared/editor/schema';
import type { DocStored, PresenceUpdate, ServerToClientEvents } from '../../shared/realtime/events';
import { coversClock, mergeStoredVectors } from '../../shared/realtime/storedVector';
import type { DocumentRecord, User, Workspace } from '../../server/storage/types';
import {
  connectClient,
  makeDataDir,
  sleep,
  tokenFor,
  TEST_SECRET,
  useCollabScope,
  waitFor,
  waitSynced,
} from '../collab/helpers';
import { spawnServer } from '../collab/serverProcess';
import { buildDocument, buildMembership, buildWorkspace } from '../helpers/factories';
import { createApiClient, startTestServer, type TestServer } from '../helpers/server';
import {
  connected,
  connectError,
  createSignedInUser,
  openSocket,
  rawRequest,
  type ClientSocket,
} from '../realtime/helpers';
import { hasRedisServer, startTestRedis, type TestRedis } from './redisServer';

const { defer } = useCollabScope();
/** Far beyond every wait below: a close within a second cannot come from polling. */
const SLOW_POLL_MS = 60_000;
const SOCKET_CAP = 2;

type CommentCreated = Parameters<ServerToClientEvents['comment:created']>[0];
type ThreadUpdated = Parameters<ServerToClientEvents['thread:updated']>[0];
const AUTH_LIMIT = 3;

let redis: TestRedis;
let dataDir: string;
let servers: TestServer[];
let ada: { user: User; cookie: string };
let bo: { user: User; cookie: string };
let workspace: Workspace;
let document: DocumentRecord;

function socketOn(server: Pick<TestServer, 'url'>, cookie: string): ClientSocket {
  const socket = openSocket(server.url, { cookie });
  defer(() => socket.disconnect());
  return socket;
}

function nextUpdate(
  socket: ClientSocket,
  isWanted: (update: PresenceUpdate) => boolean,
): Promise<PresenceUpdate> {
  return new Promise((resolve) => {
    const listener = (update: PresenceUpdate): void => {
      if (!isWanted(update)) return;
      socket.off('presence:update', listener);
      resolve(update);
    };
    socket.on('presence:update', listener);
  });
}

function collabUrl(server: TestServer): string {
  return `${server.url.replace('http', 'ws')}/collab`;
}

const suite = hasRedisServer() ? describe : describe.skip;
if (!hasRedisServer()) console.log('Scale-out realtime suite skipped: redis-server is not on PATH');

suite('live state over two processes sharing Redis', () => {
  beforeAll(async () => {
    redis = await startTestRedis();
    dataDir = makeDataDir();
    const env = {
      DATA_DIR: dataDir,
      REDIS_URL: redis.url,
      SESSION_SECRET: TEST_SECRET,
      REALTIME_MAX_CONNECTIONS_PER_USER: String(SOCKET_CAP),
      COLLAB_MAX_CONNECTIONS_PER_USER: String(SOCKET_CAP),
      AUTH_RATE_LIMIT: String(AUTH_LIMIT),
    };
    const tuning = {
      accessSweepMs: SLOW_POLL_MS,
      collab: {
        accessRecheckMs: SLOW_POLL_MS,
        allowedRootTypes: EDITOR_ROOT_TYPES,
      },
    };
    servers = [];
    // One after the other: the first migrates the database the second opens.
    for (let index = 0; index < 2; index++) servers.push(await startTestServer(env, { tuning }));
    const storage = servers[0]!.storage;
    ada = await createSignedInUser(storage, 'Ada');
    bo = await createSignedInUser(storage, 'Bo');
    workspace = await buildWorkspace(storage, { owner: ada.user });
    await buildMembership(storage, { workspace, user: bo.user });
    document = await buildDocument(storage, { workspace, createdBy: ada.user });
  });

  afterAll(async () => {
    for (const server of servers ?? []) await server.close();
    await redis?.stop();
  });

  it('presence reaches people connected to the other process', async () => {
    const adaSocket = await connected(socketOn(servers[0]!, ada.cookie));
    const boSocket = await connected(socketOn(servers[1]!, bo.cookie));
    expect(
      await rawRequest(boSocket, 'workspace:subscribe', { workspaceId: workspace.id }),
    ).toEqual({ ok: true });

    const boHearsAda = nextUpdate(boSocket, (update) =>
      update.users.some((user) => user.id === ada.user.id),
    );
    expect(await rawRequest(adaSocket, 'presence:open', { documentId: document.id })).toEqual({
      ok: true,
    });
    expect((await boHearsAda).documentId).toBe(document.id);

    // Bo opens it on the other process: Ada's process lists both.
    const adaHearsBoth = nextUpdate(adaSocket, (update) => update.users.length === 2);
    await rawRequest(boSocket, 'presence:open', { documentId: document.id });
    expect((await adaHearsBoth).users.map((user) => user.name)).toEqual(['Ada', 'Bo']);

    // Ada leaves: Bo's list on the other process drops her.
    const boSeesAdaLeave = nextUpdate(boSocket, (update) =>
      update.users.every((user) => user.id !== ada.user.id),
    );
    adaSocket.disconnect();
    expect((await boSeesAdaLeave).users.map((user) => user.name)).toEqual(['Bo']);
  });

  it("a killed process's presence disappears from the other processes' lists", async () => {
    // A third, real process (SIGKILL needs one) on the same storage and Redis.
    const doomed = await spawnServer({ dataDir, env: { REDIS_URL: redis.url } });
    defer(() => {
      if (doomed.child.exitCode === null && doomed.child.signalCode === null)
        doomed.child.kill('SIGKILL');
    });
    const adaSocket = await connected(
      socketOn({ url: `http://127.0.0.1:${doomed.port}` }, ada.cookie),
    );
    const boSocket = await connected(socketOn(servers[1]!, bo.cookie));
    await rawRequest(boSocket, 'workspace:subscribe', { workspaceId: workspace.id });
    const boHearsAda = nextUpdate(boSocket, (update) =>
      update.users.some((user) => user.id === ada.user.id),
    );
    await rawRequest(adaSocket, 'presence:open', { documentId: document.id });
    await boHearsAda;

    const boSeesAdaGone = nextUpdate(boSocket, (update) =>
      update.users.every((user) => user.id !== ada.user.id),
    );
    doomed.child.kill('SIGKILL');
    await doomed.exited;
    // Heartbeats every 2 s; a process silent for 6 s is dropped.
    const update = await Promise.race([boSeesAdaGone, sleep(15_000).then(() => null)]);
    expect(update?.users ?? 'no update within 15 s').toEqual([]);
  });

  it('the per-account socket cap counts the sockets on every process', async () => {
    await connected(socketOn(servers[0]!, bo.cookie));
    await connected(socketOn(servers[1]!, bo.cookie));
    expect(await connectError(socketOn(servers[0]!, bo.cookie))).toBe('too_many_connections');
  });

  it('the per-account collab connection cap counts the connections on every process', async () => {
    const connect = (server: TestServer): ReturnType<typeof connectClient> => {
      const client = connectClient({
        serverUrl: collabUrl(server),
        documentId: document.id,
        token: tokenFor({ userId: ada.user.id, documentId: document.id }),
      });
      defer(() => client.destroy());
      return client;
    };
    await Promise.all([connect(servers[0]!), connect(servers[1]!)].map((each) => waitSynced(each)));
    const third = connect(servers[0]!);
    await waitFor(() => third.closeCodes.includes(CLOSE_CODES.rateLimited), 'third refused');
  });

  it('the sign-in rate limit counts attempts on every process', async () => {
    const attempt = { email: 'someone@example.test', password: 'guess-guess' };
    const statuses: number[] = [];
    for (let index = 0; index <= AUTH_LIMIT; index++) {
      const api = createApiClient(servers[index % 2]!.url);
      statuses.push((await api.post('/api/auth/login', attempt)).status);
    }
    expect(statuses).toEqual([401, 401, 401, 429]);
  });

  it('doc:stored reaches a socket on another process and, merged, covers an edit stored there', async () => {
    // Ada's editor: the text goes to process 0, Socket.IO (the pill) to process 1.
    const socket = await connected(socketOn(servers[1]!, ada.cookie));
    let stored: Map<number, number> | null = null;
    socket.on('doc:stored', (notice: DocStored) => {
      if (notice.documentId !== document.id) return;
      stored = mergeStoredVectors(
        stored,
        Y.decodeStateVector(Buffer.from(notice.stateVector, 'base64')),
      );
    });
    expect(await rawRequest(socket, 'presence:open', { documentId: document.id })).toEqual({
      ok: true,
    });
    const writer = connectClient({
      serverUrl: collabUrl(servers[0]!),
      documentId: document.id,
      token: tokenFor({ userId: ada.user.id, documentId: document.id }),
    });
    defer(() => writer.destroy());
    await waitSynced(writer);
    const fragment = writer.ydoc.getXmlFragment(EDITOR_FRAGMENT);
    for (let index = 0; index < 20; index++) {
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText(`stored across processes ${index}`)]);
      fragment.insert(fragment.length, [paragraph]);
    }
    const ownClock = Y.getState(writer.ydoc.store, writer.ydoc.clientID);
    await waitFor(
      () => coversClock(stored, writer.ydoc.clientID, ownClock),
      'doc:stored on process 1 covers the edit stored by process 0',
      5_000,
    );
    // And it is true: storage (shared by both processes) holds every one of those edits.
    const state = await servers[1]!.storage.loadDocState({ documentId: document.id });
    const fromStorage = new Y.Doc();
    if (state.snapshot) Y.applyUpdate(fromStorage, state.snapshot);
    for (const update of state.updates) Y.applyUpdate(fromStorage, update.data);
    expect(Y.getState(fromStorage.store, writer.ydoc.clientID)).toBeGreaterThanOrEqual(ownClock);
  });

  it('comments posted through one process reach sockets on the other', async () => {
    const socket = await connected(socketOn(servers[1]!, bo.cookie));
    expect(await rawRequest(socket, 'presence:open', { documentId: document.id })).toEqual({
      ok: true,
    });
    const thread = await servers[0]!.storage.createThread({
      documentId: document.id,
      authorId: ada.user.id,
      quote: 'social housing',
      anchorStart: 'AAAA',
      anchorEnd: 'BBBB',
    });
    const heard = {
      comment: new Promise<CommentCreated>((resolve) => socket.once('comment:created', resolve)),
      thread: new Promise<ThreadUpdated>((resolve) => socket.once('thread:updated', resolve)),
    };
    // Ada's requests go to process 0 (its cookie, as her browser would send it).
    const api = createApiClient(servers[0]!.url);
    const headers = { Cookie: ada.cookie };
    const replied = await api.request<{ comment: { id: string } }>({
      method: 'POST',
      path: `/api/threads/${thread.id}/comments`,
      body: { body: 'Heard on every process' },
      headers,
    });
    expect(replied.status).toBe(201);
    const comment = await heard.comment;
    expect(comment.threadId).toBe(thread.id);
    expect(comment.comment).toMatchObject({
      id: replied.body.comment.id,
      body: 'Heard on every process',
    });
    const resolved = await api.request({
      method: 'PATCH',
      path: `/api/threads/${thread.id}`,
      body: { status: 'resolved' },
      headers,
    });
    expect(resolved.status).toBe(200);
    expect((await heard.thread).thread).toMatchObject({ id: thread.id, status: 'resolved' });
  });

  it('a revocation stored on one process closes collab connections on the other at once', async () => {
    const client = connectClient({
      serverUrl: collabUrl(servers[1]!),
      documentId: document.id,
      token: tokenFor({ userId: bo.user.id, documentId: document.id }),
    });
    defer(() => client.destroy());
    await waitSynced(client);

    // What the remove-member command does on process 0: store, then emit the domain event.
    const { storage, server } = servers[0]!;
    await storage.removeMembership({ workspaceId: workspace.id, userId: bo.user.id });
    await server.events.emit('membership.removed', {
      context: { actor: { id: ada.user.id }, ip: '127.0.0.1' },
      workspaceId: workspace.id,
      userId: bo.user.id,
      role: 'editor',
    });
    await waitFor(
      () => client.closeCodes.includes(CLOSE_CODES.forbidden),
      'closed on the other process',
      1_000,
    );
  });
});
