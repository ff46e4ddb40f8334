/**
 * Revocations made through the HTTP API reach open connections at once: the commands that take
 * access away emit domain events, whose access subscriber re-checks the affected collab and
 * Socket.IO connections before the HTTP answer leaves. The periodic re-checks
 * are slowed to a minute here, so only that direct re-check can explain a close (or a switch
 * to read-only) within a second.
 */
import { io as connectSocketIo } from 'socket.io-client';
import { describe, expect, it } from 'vitest';
import { hashPassword } from '../../server/auth/passwords';
import type { User } from '../../server/storage/types';
import { CLOSE_CODES } from '../../shared/closeCodes';
import { EDITOR_ROOT_TYPES } from '../../shared/editor/schema';
import type { DocumentDto } from '../../shared/api/entities';
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
  isEditKept,
  requestCollabToken,
  sleep,
  TEST_TEXT_ROOT,
  useCollabScope,
  waitFor,
  waitSynced,
  type TestClient,
} from './helpers';

const { defer } = useCollabScope();

/** Far beyond every wait below: a close within `AT_ONCE_MS` cannot come from polling. */
const SLOW_POLL_MS = 60_000;
/** How soon after the HTTP answer the connection must be closed or read-only. */
const AT_ONCE_MS = 1_000;
const PASSWORD = 'a-long-enough-passphrase-1';
const TEST_ROOT_TYPES = [...EDITOR_ROOT_TYPES, TEST_TEXT_ROOT];

interface World {
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

async function world(): Promise<World> {
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

/** The ids of the documents whose `document:updated` `socket` hears from now on. */
function documentUpdatesHeard(socket: ClientSocket): string[] {
  const heard: string[] = [];
  socket.on('document:updated', ({ document }: { document: DocumentDto }) => {
    heard.push(document.id);
  });
  return heard;
}

async function expectClosedAtOnce(client: TestClient, code: number, who: string): Promise<void> {
  await waitFor(() => client.closeCodes.includes(code), `${who} closed with ${code}`, AT_ONCE_MS);
}

describe('revocations through the API reach open connections at once', () => {
  it('deactivation, removal, demotion and an admin losing admin rights', async () => {
    const w = await world();
    const [deactivated, removed, demoted, formerAdmin] = [
      await w.member(),
      await w.member(),
      await w.member(),
      await w.member('editor', { role: 'admin' }),
    ];
    const ownerClient = await w.connect(w.admin);
    const clients = {
      deactivated: await w.connect(await w.signIn(deactivated)),
      removed: await w.connect(await w.signIn(removed)),
      demoted: await w.connect(await w.signIn(demoted)),
      formerAdmin: await w.connect(await w.signIn(formerAdmin)),
    };

    expect((await w.admin.post(`/api/users/${deactivated.id}/deactivate`)).status).toBe(200);
    await expectClosedAtOnce(clients.deactivated, CLOSE_CODES.unauthenticated, 'deactivated');

    const removal = await w.admin.delete(`/api/workspaces/${w.workspaceId}/members/${removed.id}`);
    expect(removal.status).toBe(204);
    await expectClosedAtOnce(clients.removed, CLOSE_CODES.forbidden, 'removed member');

    const demotion = await w.admin.patch(`/api/workspaces/${w.workspaceId}/members/${demoted.id}`, {
      role: 'viewer',
    });
    expect(demotion.status).toBe(200);
    const probe = { serverState: w.serverState, observer: ownerClient };
    expect(await isEditKept({ ...probe, writer: clients.demoted, text: 'demoted' })).toBe(false);

    const roleChange = await w.admin.patch(`/api/users/${formerAdmin.id}`, { role: 'member' });
    expect(roleChange.status).toBe(200);
    await expectClosedAtOnce(clients.formerAdmin, CLOSE_CODES.forbidden, 'former admin');

    const ownerEdit = { ...probe, writer: ownerClient, observer: clients.demoted, text: 'owner' };
    expect(await isEditKept(ownerEdit)).toBe(true);
    expect(ownerClient.closeCodes).toEqual([]);
    expect(clients.demoted.closeCodes).toEqual([]);
  });

  it('a role downgrade through the HTTP API takes effect within 200 ms of the answer', async () => {
    const w = await world();
    const [demoted, removed] = [await w.member(), await w.member()];
    const ownerClient = await w.connect(w.admin);
    const demotedClient = await w.connect(await w.signIn(demoted));
    const removedClient = await w.connect(await w.signIn(removed));
    const membersPath = `/api/workspaces/${w.workspaceId}/members`;

    // Downgrade: an edit sent the moment the answer arrives is already refused.
    const demotion = await w.admin.patch(`${membersPath}/${demoted.id}`, { role: 'viewer' });
    expect(demotion.status).toBe(200);
    const probe = { serverState: w.serverState, observer: ownerClient };
    expect(await isEditKept({ ...probe, writer: demotedClient, text: 'too late' })).toBe(false);

    // Removal (a downgrade to no role): closed with 4403 within 200 ms of the answer.
    const removal = await w.admin.delete(`${membersPath}/${removed.id}`);
    const answeredAt = performance.now();
    expect(removal.status).toBe(204);
    await waitFor(
      () => removedClient.closeCodes.includes(CLOSE_CODES.forbidden),
      'removed member closed with 4403',
      200,
    );
    expect(performance.now() - answeredAt).toBeLessThan(200);
    expect(demotedClient.closeCodes).toEqual([]);
    expect(ownerClient.closeCodes).toEqual([]);
  });

  it('signing out, and a password change ending the other sessions', async () => {
    const w = await world();
    const [signingOut, changing] = [await w.member(), await w.member()];
    const signedOutApi = await w.signIn(signingOut);
    const signedOut = await w.connect(signedOutApi);
    const [thisDevice, otherDevice] = [await w.signIn(changing), await w.signIn(changing)];
    const kept = await w.connect(thisDevice);
    const ended = await w.connect(otherDevice);

    expect((await signedOutApi.post('/api/auth/logout')).status).toBe(204);
    await expectClosedAtOnce(signedOut, CLOSE_CODES.unauthenticated, 'signed out');

    const changed = await thisDevice.post('/api/auth/password', {
      currentPassword: PASSWORD,
      newPassword: 'another-long-passphrase-2',
    });
    expect(changed.status).toBe(204);
    await expectClosedAtOnce(ended, CLOSE_CODES.unauthenticated, 'other session');
    expect(kept.closeCodes).toEqual([]);
  });

  it('archiving the workspace makes open connections read-only at once; unarchiving restores writing', async () => {
    const w = await world();
    const editorApi = await w.signIn(await w.member('editor'));
    const ownerClient = await w.connect(w.admin);
    // Two writers: a dropped edit leaves later edits of the same client pending on the server
    // (Yjs needs them in order), so the one that writes after unarchiving writes nothing before.
    const [archivedWriter, laterWriter] = [await w.connect(editorApi), await w.connect(editorApi)];
    const probe = { serverState: w.serverState, observer: ownerClient };
    const archive = (isArchived: boolean) =>
      w.admin.patch(`/api/workspaces/${w.workspaceId}`, { isArchived });

    expect((await archive(true)).status).toBe(200);
    const whileArchived = { ...probe, writer: archivedWriter, text: 'while archived' };
    expect(await isEditKept(whileArchived)).toBe(false);
    expect((await requestCollabToken(editorApi, w.documentId)).canWrite).toBe(false);

    expect((await archive(false)).status).toBe(200);
    const afterwards = { ...probe, writer: laterWriter, text: 'after unarchiving' };
    expect(await isEditKept(afterwards)).toBe(true);
    expect((await requestCollabToken(editorApi, w.documentId)).canWrite).toBe(true);
    expect([...archivedWriter.closeCodes, ...laterWriter.closeCodes]).toEqual([]);
  });

  it('a connection opened while the workspace is archived can write once it is unarchived', async () => {
    const w = await world();
    const editorApi = await w.signIn(await w.member('editor'));
    const ownerClient = await w.connect(w.admin);
    expect(
      (await w.admin.patch(`/api/workspaces/${w.workspaceId}`, { isArchived: true })).status,
    ).toBe(200);
    // Opened read-only: the token says what the role allows, the server applies the archive.
    const openedWhileArchived = await w.connect(editorApi);
    expect(
      (await w.admin.patch(`/api/workspaces/${w.workspaceId}`, { isArchived: false })).status,
    ).toBe(200);
    const probe = { serverState: w.serverState, observer: ownerClient };
    expect(await isEditKept({ ...probe, writer: openedWhileArchived, text: 'back to work' })).toBe(
      true,
    );
    expect(openedWhileArchived.closeCodes).toEqual([]);
  });

  it('trashing closes collab with 4404, and signing out disconnects Socket.IO at once', async () => {
    const w = await world();
    const editorClient = await w.connect(w.admin);
    expect((await w.admin.delete(`/api/documents/${w.documentId}`)).status).toBe(204);
    await expectClosedAtOnce(editorClient, CLOSE_CODES.notFound, 'trashed document');

    const member = await w.member();
    const api = await w.signIn(member);
    const socket = connectSocketIo(w.server.url, {
      path: '/socket.io',
      transports: ['websocket'],
      extraHeaders: { origin: w.server.url, cookie: api.cookieHeader() },
      reconnection: false,
      forceNew: true,
    });
    defer(() => socket.disconnect());
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('connect_error', reject);
    });
    const reasons: string[] = [];
    socket.on('disconnect', (reason) => reasons.push(reason));
    expect((await api.post('/api/auth/logout')).status).toBe(204);
    await waitFor(
      () => reasons.includes('io server disconnect'),
      'socket disconnected',
      AT_ONCE_MS,
    );
  });
});

describe('revocations through the API reach open Socket.IO connections at once', () => {
  /** Renames the document; `listener` (still in the room) must hear it within `AT_ONCE_MS`. */
  async function renameHeardBy(w: World, listener: string[], title: string): Promise<void> {
    const renamed = await w.admin.patch(`/api/documents/${w.documentId}`, { title });
    expect(renamed.status).toBe(200);
    await waitFor(() => listener.includes(w.documentId), 'the owner hears it', AT_ONCE_MS);
  }

  it('a removed member and a revoked sharee leave the document room before the answer', async () => {
    const w = await world();
    const removed = await w.member('viewer');
    const sharee = await w.outsider();
    const shared = await w.admin.post<{ share: { id: string } }>(
      `/api/documents/${w.documentId}/shares`,
      { email: sharee.email, role: 'viewer' },
    );
    expect(shared.status).toBe(201);
    const owner = documentUpdatesHeard(await w.openDocumentSocket(w.admin));
    const removedHeard = documentUpdatesHeard(await w.openDocumentSocket(await w.signIn(removed)));
    const shareeHeard = documentUpdatesHeard(await w.openDocumentSocket(await w.signIn(sharee)));

    const removal = await w.admin.delete(`/api/workspaces/${w.workspaceId}/members/${removed.id}`);
    expect(removal.status).toBe(204);
    const revoke = await w.admin.delete(
      `/api/documents/${w.documentId}/shares/${shared.body.share.id}`,
    );
    expect(revoke.status).toBe(204);
    // The sweep runs once a minute here: only the event's re-check can have pruned the room.
    await renameHeardBy(w, owner, 'Renamed after the revocations');
    expect(removedHeard).toEqual([]);
    expect(shareeHeard).toEqual([]);
  });

  it('a trashed document’s room is emptied at once: its restore is not heard there', async () => {
    const w = await world();
    const member = await w.signIn(await w.member('editor'));
    const memberHeard = documentUpdatesHeard(await w.openDocumentSocket(member));
    // The owner follows the workspace list, which hears the restore too.
    const ownerSocket = openSocket(w.server.url, { cookie: w.admin.cookieHeader() });
    defer(() => ownerSocket.disconnect());
    await connected(ownerSocket);
    const subscribed = await rawRequest(ownerSocket, 'workspace:subscribe', {
      workspaceId: w.workspaceId,
    });
    expect(subscribed).toEqual({ ok: true });
    const ownerHeard = documentUpdatesHeard(ownerSocket);

    expect((await w.admin.delete(`/api/documents/${w.documentId}`)).status).toBe(204);
    // The trash itself is told to the room (broadcast before the re-check), then it is left.
    await waitFor(() => memberHeard.length === 1, 'the member hears the trash', AT_ONCE_MS);
    const restored = await w.admin.post(`/api/documents/${w.documentId}/restore`);
    expect(restored.status).toBe(200);
    await waitFor(() => ownerHeard.length === 2, 'the owner hears trash and restore', AT_ONCE_MS);
    await sleep(200);
    expect(memberHeard).toEqual([w.documentId]);
  });

  it('deactivating an account disconnects its sockets before the answer', async () => {
    const w = await world();
    const socket = await w.openDocumentSocket(await w.signIn(await w.member()));
    const reasons: string[] = [];
    socket.on('disconnect', (reason) => reasons.push(reason));
    const target = await w.member();
    const deactivatedSocket = await w.openDocumentSocket(await w.signIn(target));
    const deactivatedReasons: string[] = [];
    deactivatedSocket.on('disconnect', (reason) => deactivatedReasons.push(reason));

    expect((await w.admin.post(`/api/users/${target.id}/deactivate`)).status).toBe(200);
    await waitFor(
      () => deactivatedReasons.includes('io server disconnect'),
      'the deactivated account’s socket disconnected',
      AT_ONCE_MS,
    );
    expect(reasons).toEqual([]);
  });
});

describe('share changes reach open collab connections at once', () => {
  it('a revoked share closes with 4403, a lowered one turns read-only', async () => {
    const w = await world();
    const [revoked, lowered] = [await w.outsider(), await w.outsider()];
    const shareIds = new Map<string, string>();
    for (const sharee of [revoked, lowered]) {
      const shared = await w.admin.post<{ share: { id: string } }>(
        `/api/documents/${w.documentId}/shares`,
        { email: sharee.email, role: 'editor' },
      );
      expect(shared.status).toBe(201);
      shareIds.set(sharee.id, shared.body.share.id);
    }
    const ownerClient = await w.connect(w.admin);
    const revokedClient = await w.connect(await w.signIn(revoked));
    const loweredClient = await w.connect(await w.signIn(lowered));
    const probe = { serverState: w.serverState, observer: ownerClient };
    expect(await isEditKept({ ...probe, writer: loweredClient, text: 'as editor' })).toBe(true);

    const revoke = await w.admin.delete(
      `/api/documents/${w.documentId}/shares/${shareIds.get(revoked.id) ?? ''}`,
    );
    expect(revoke.status).toBe(204);
    await expectClosedAtOnce(revokedClient, CLOSE_CODES.forbidden, 'revoked sharee');

    const lowering = await w.admin.post(`/api/documents/${w.documentId}/shares`, {
      email: lowered.email,
      role: 'viewer',
    });
    expect(lowering.status).toBe(201);
    expect(await isEditKept({ ...probe, writer: loweredClient, text: 'as viewer' })).toBe(false);
    expect(loweredClient.closeCodes).toEqual([]);
  });
});
