/**
 * The setting of the revocation tests: a real server whose periodic access re-checks are
 * slowed to a minute, a workspace and a document of the signed-up admin, members and outsiders
 * with a real password, and the collab and Socket.IO connections they open the way the browser
 * does. Used by `revokeNow.test.ts` and `revokeNowSocketIo.test.ts`.
 */
import { expect } from 'vitest';
import { hashPassword } from '../../server/auth/passwords';
import type { User } from '../../server/storage/types';
import { EDITOR_ROOT_TYPES } from '../../shared/editor/schema';
import { buildDocument, buildMembership, buildUser, buildWorkspace } from '../helpers/factories';
import {
  createApiClient,
  signUpAdmin,
  startTestServer,
  type ApiClient,
  type TestServer,
} from '../helpers/server';
import { connected, openSocket, rawRequest, type ClientSocket } from '../realtime/helpers';
import {
  connectClient,
  requestCollabToken,
  TEST_TEXT_ROOT,
  useCollabScope,
  waitSynced,
  type CollabTestScope,
  type TestClient,
} from './helpers';

/** Far beyond every wait of the tests: a close within `AT_ONCE_MS` cannot come from polling. */
const SLOW_POLL_MS = 60_000;
/** How soon after the HTTP answer the connection must be closed or read-only. */
export const AT_ONCE_MS = 1_000;
export const PASSWORD = 'a-long-enough-passphrase-1';
const TEST_ROOT_TYPES = [...EDITOR_ROOT_TYPES, TEST_TEXT_ROOT];

export interface World {
  server: TestServer;
  admin: ApiClient;
  workspaceId: string;
  documentId: string;
  /** A member with a real password (so they can sign in over HTTP), in the workspace as `role`. */
  member(role?: 'owner' | 'editor' | 'viewer', overrides?: { role?: 'admin' }): Promise<User>;
  /** An account with a real password outside the workspace (to share the document with). */
  outsider(): Promise<User>;
  /** A Socket.IO connection on `api`'s session that has the document open (room `doc:<id>`). */
  openDocumentSocket(api: ApiClient): Promise<ClientSocket>;
  signIn(user: User): Promise<ApiClient>;
  /** Opens a collab connection the way the browser does: token from the HTTP route. */
  connect(api: ApiClient, documentId?: string): Promise<TestClient>;
  /** The server's copy of the document, unflushed edits included. */
  serverState(): Promise<Uint8Array>;
}

/** Builds the world of one test; what it opens is closed through `defer` after the test. */
async function openWorld(defer: CollabTestScope['defer']): Promise<World> {
  const server = await startTestServer(
    {},
    {
      tuning: {
        // The edits probe the plain `text` type the collab tests use, besides the editor's.
        collab: { accessRecheckMs: SLOW_POLL_MS, allowedRootTypes: TEST_ROOT_TYPES },
        accessSweepMs: SLOW_POLL_MS,
      },
    },
  );
  defer(() => server.close());
  const admin = createApiClient(server.url);
  const adminUser = await signUpAdmin(admin);
  const owner = await server.storage.getUserById({ id: adminUser.user.id });
  if (!owner) throw new Error('admin missing');
  const workspace = await buildWorkspace(server.storage, { owner });
  const document = await buildDocument(server.storage, { workspace, createdBy: owner });
  const passwordHash = await hashPassword(PASSWORD);
  const connect = async (api: ApiClient, documentId = document.id): Promise<TestClient> => {
    const answer = await requestCollabToken(api, documentId);
    const connected = connectClient({
      serverUrl: answer.serverUrl,
      documentId,
      token: answer.token,
    });
    defer(() => connected.destroy());
    await waitSynced(connected);
    return connected;
  };
  return {
    server,
    admin,
    workspaceId: workspace.id,
    documentId: document.id,
    async member(role = 'editor', overrides = {}) {
      const user = await buildUser(server.storage, { passwordHash, ...overrides });
      if (!overrides.role) await buildMembership(server.storage, { workspace, user, role });
      return user;
    },
    outsider: () => buildUser(server.storage, { passwordHash }),
    async openDocumentSocket(api) {
      const socket = openSocket(server.url, { cookie: api.cookieHeader() });
      defer(() => socket.disconnect());
      await connected(socket);
      const opened = await rawRequest(socket, 'presence:open', { documentId: document.id });
      expect(opened).toEqual({ ok: true });
      return socket;
    },
    async signIn(user) {
      const api = createApiClient(server.url);
      const answer = await api.post('/api/auth/login', { email: user.email, password: PASSWORD });
      expect(answer.status).toBe(200);
      return api;
    },
    connect,
    serverState: () => server.server.collab.encodeState({ documentId: document.id }),
  };
}

/**
 * Registers the calling test file's clean-up (`useCollabScope`) and returns its `defer`, with
 * `world()`, which builds a fresh world for one test.
 */
export function useRevokeWorld(): {
  defer: CollabTestScope['defer'];
  world: () => Promise<World>;
} {
  const { defer } = useCollabScope();
  return { defer, world: () => openWorld(defer) };
}
