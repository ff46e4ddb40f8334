/**
 * Test harness of the collab server: a real HTTP server on port 0 that routes `/collab/`
 * upgrades to a real `createCollabServer` over real SQLite in a temp DATA_DIR (or MongoDB
 * when the run sets MONGODB_URI), stock
 * `WebsocketProvider` clients (BroadcastChannel off, so every byte goes through the server),
 * raw `ws` clients for hostile input, and a seeded PRNG.
 */
import http from 'node:http';
import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import { afterAll, afterEach, expect } from 'vitest';
import * as Y from 'yjs';
import { signCollabToken } from '../../server/auth/collabToken';
import {
  createCollabServer,
  type CollabHook,
  type CollabOptions,
  type CollabServer,
} from '../../server/collab';
import { loadConfig, type Config } from '../../server/env';
import { createLogger } from '../../server/logger';
import { openStorage } from '../../server/storage';
import type { DocumentRecord, Storage, User, Workspace } from '../../server/storage/types';
import type { CollabTokenDto } from '../../shared/api/entities';
import { EDITOR_ROOT_TYPES } from '../../shared/editor/schema';
import { buildDocument, buildUser, buildWorkspace } from '../helpers/factories';
import { dropMongoTestDatabases, mongoEnvFor } from '../helpers/mongoTestDatabases';
import type { ApiClient } from '../helpers/server';

/** A fixed secret so tests (and child server processes) can mint tokens. */
export const TEST_SECRET = 'collab-tests-secret-0123456789abcdef-0123456789';

export function makeDataDir(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'clip-collab-'));
}

// With MONGODB_URI set, each data dir has its own database (see mongoTestDatabases.ts),
// dropped once the test file is done (restart tests reopen a dir within one test).
afterAll(dropMongoTestDatabases);

/** The server config for a data dir: SQLite in it, or its own MongoDB database. */
export function testConfig(dataDir: string): Config {
  return loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    ...mongoEnvFor(dataDir),
    SESSION_SECRET: TEST_SECRET,
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: (process.env.COLLAB_TEST_LOG_LEVEL as Config['logLevel'] | undefined) ?? 'silent',
  });
}

/**
 * The plain `Y.Text` most collab tests edit (`client.text()`): shorter to drive and read than
 * the editor's XmlFragment, and what sync, persistence and limits tests need. The test server
 * allows it next to the editor's types; the real server (`server/main.ts`) does not.
 */
export const TEST_TEXT_ROOT = 'text';

export interface CollabTestServer {
  /** `ws://127.0.0.1:<port>/collab`: the provider's serverUrl. */
  serverUrl: string;
  port: number;
  dataDir: string;
  config: Config;
  storage: Storage;
  collab: CollabServer;
  close(): Promise<void>;
}

/** Starts HTTP + collab on `port` (0 = any) over SQLite in `dataDir`. */
export async function startCollabTestServer(
  input: {
    dataDir?: string;
    port?: number;
    options?: Partial<CollabOptions>;
    /** Extra hooks, run after the built-in ones. */
    hooks?: readonly CollabHook[];
  } = {},
): Promise<CollabTestServer> {
  const dataDir = input.dataDir ?? makeDataDir();
  const config = testConfig(dataDir);
  const logger = createLogger(config);
  const storage = await openStorage({ config, logger });
  const collab = createCollabServer({
    config,
    storage,
    logger,
    options: {
      unloadGraceMs: 50,
      derivedDebounceMs: 50,
      accessRecheckMs: 60_000,
      allowedRootTypes: [...EDITOR_ROOT_TYPES, TEST_TEXT_ROOT],
      ...input.options,
    },
    hooks: input.hooks,
  });
  const httpServer = http.createServer((_request, response) => {
    response.statusCode = 404;
    response.end();
  });
  httpServer.on('upgrade', (request, socket, head) => collab.handleUpgrade(request, socket, head));
  await new Promise<void>((resolve) => httpServer.listen(input.port ?? 0, '127.0.0.1', resolve));
  const { port } = httpServer.address() as AddressInfo;
  let closing: Promise<void> | null = null;
  return {
    serverUrl: `ws://127.0.0.1:${port}/collab`,
    port,
    dataDir,
    config,
    storage,
    collab,
    close() {
      closing ??= (async () => {
        httpServer.close();
        await collab.close();
        httpServer.closeAllConnections();
        await storage.close();
      })();
      return closing;
    },
  };
}

export interface Seeded {
  owner: User;
  workspace: Workspace;
  document: DocumentRecord;
}

/** An owner, a workspace and an empty document. */
export async function seedDocument(storage: Storage): Promise<Seeded> {
  const owner = await buildUser(storage);
  const workspace = await buildWorkspace(storage, { owner });
  const document = await buildDocument(storage, { workspace, createdBy: owner });
  return { owner, workspace, document };
}

export function tokenFor(input: {
  userId: string;
  documentId: string;
  canWrite?: boolean;
  ttlSeconds?: number;
  now?: Date;
  /** Binds the token to a sign-in session, as `POST /api/documents/:id/collab-token` does. */
  sessionId?: string;
}): string {
  return signCollabToken({
    secret: TEST_SECRET,
    userId: input.userId,
    documentId: input.documentId,
    canWrite: input.canWrite ?? true,
    ttlSeconds: input.ttlSeconds ?? 300,
    ...(input.now ? { now: input.now } : {}),
    ...(input.sessionId ? { sessionId: input.sessionId } : {}),
  }).token;
}

export interface TestClient {
  ydoc: Y.Doc;
  provider: WebsocketProvider;
  /** Close codes the server sent to this client, in order. */
  closeCodes: number[];
  text(): string;
  destroy(): void;
}

/** A stock WebsocketProvider client (no BroadcastChannel: all traffic goes through the server). */
export function connectClient(input: {
  serverUrl: string;
  documentId: string;
  token: string;
}): TestClient {
  const ydoc = new Y.Doc();
  const provider = new WebsocketProvider(input.serverUrl, input.documentId, ydoc, {
    params: { token: input.token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 300,
  });
  const closeCodes: number[] = [];
  provider.on('connection-close', (event) => {
    if (event) closeCodes.push(event.code);
  });
  return {
    ydoc,
    provider,
    closeCodes,
    text: () => ydoc.getText(TEST_TEXT_ROOT).toString(),
    destroy: () => {
      provider.destroy();
      ydoc.destroy();
    },
  };
}

/** What one collab test opened, closed again after it: servers, clients, anything deferred. */
export interface CollabTestScope {
  /** Runs `cleanup` after the current test (newest first, so clients go before servers). */
  defer(cleanup: () => unknown): void;
  /** `startCollabTestServer`, closed after the test. */
  server(input?: Parameters<typeof startCollabTestServer>[0]): Promise<CollabTestServer>;
  /** `connectClient` on `target`, destroyed after the test. */
  client(target: CollabTestServer, documentId: string, token: string): TestClient;
  /** `client` with a default (writable) token for `userId`: the usual way a member connects. */
  clientAs(target: CollabTestServer, documentId: string, userId: string): TestClient;
}

/**
 * Registers an `afterEach` in the calling test file that closes what its tests opened, so
 * every file does not repeat the same bookkeeping. The methods are plain functions and may be
 * destructured.
 */
export function useCollabScope(): CollabTestScope {
  const cleanups: Array<() => unknown> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  const defer = (cleanup: () => unknown): void => {
    cleanups.push(cleanup);
  };
  const client = (target: CollabTestServer, documentId: string, token: string): TestClient => {
    const connected = connectClient({ serverUrl: target.serverUrl, documentId, token });
    defer(() => connected.destroy());
    return connected;
  };
  return {
    defer,
    client,
    async server(input = {}) {
      const started = await startCollabTestServer(input);
      defer(() => started.close());
      return started;
    },
    clientAs: (target, documentId, userId) =>
      client(target, documentId, tokenFor({ userId, documentId })),
  };
}

/** Polls `predicate` until true; fails with `message` after `timeoutMs`. */
export async function waitFor(
  predicate: () => boolean | Promise<boolean>,
  message: string,
  timeoutMs = 5000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await predicate())) {
    if (Date.now() > deadline) throw new Error(`timed out: ${message}`);
    await sleep(10);
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export function waitSynced(client: TestClient, timeoutMs = 5000): Promise<void> {
  return waitFor(() => client.provider.synced, 'provider synced', timeoutMs);
}

/** A raw `ws` client for hostile input: records the close code. */
export interface RawClient {
  ws: WebSocket;
  opened: Promise<void>;
  closed: Promise<{ code: number; reason: string }>;
  messages: Uint8Array[];
}

export function connectRaw(input: {
  serverUrl: string;
  documentId: string;
  token: string;
}): RawClient {
  const ws = new WebSocket(
    `${input.serverUrl}/${input.documentId}?token=${encodeURIComponent(input.token)}`,
  );
  const messages: Uint8Array[] = [];
  ws.on('message', (data: Buffer) => messages.push(new Uint8Array(data)));
  ws.on('error', () => {});
  const opened = new Promise<void>((resolve) => ws.once('open', () => resolve()));
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  return { ws, opened, closed, messages };
}

/** mulberry32: a tiny seeded PRNG, so a failing random run can be replayed from its seed. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The seed of a randomized test: `envName` from the environment, else derived from the clock. */
export function seedFrom(envName: string): number {
  const fromEnv = process.env[envName];
  if (fromEnv && /^\d+$/.test(fromEnv)) return Number(fromEnv);
  return Date.now() % 2_147_483_647;
}

/** Asks the real HTTP route for a collab token, as the browser does (expects 200). */
export async function requestCollabToken(
  api: ApiClient,
  documentId: string,
): Promise<CollabTokenDto> {
  const res = await api.post<CollabTokenDto>(`/api/documents/${documentId}/collab-token`);
  expect(res.status).toBe(200);
  return res.body;
}

/**
 * Whether `writer`'s edit reaches the server's copy (`serverState`), e.g. to tell a read-only
 * connection from a writer. An awareness change sent after the edit on the same socket, seen
 * by `observer` (another client), proves the server has handled the edit by then.
 */
export async function isEditKept(input: {
  writer: TestClient;
  observer: TestClient;
  serverState: () => Promise<Uint8Array>;
  text: string;
}): Promise<boolean> {
  const { writer, observer } = input;
  writer.ydoc.getText('text').insert(0, input.text);
  await waitHandled({ sender: writer.provider, observer: observer.provider });
  const serverCopy = new Y.Doc();
  Y.applyUpdate(serverCopy, await input.serverState());
  return serverCopy.getText('text').toString().includes(input.text);
}

/**
 * Resolves once the server has handled everything `sender` sent so far: an awareness change
 * sent now on the same (ordered) socket has reached `observer`. The positive signal to wait
 * for before asserting that something sent earlier had no effect.
 */
export async function waitHandled(input: {
  sender: WebsocketProvider;
  observer: WebsocketProvider;
}): Promise<void> {
  const probe = `probe-${Math.random()}`;
  input.sender.awareness.setLocalStateField('probe', probe);
  await waitFor(
    () => [...input.observer.awareness.getStates().values()].some((state) => state.probe === probe),
    'awareness sent after the earlier messages reaches the observer',
  );
}
