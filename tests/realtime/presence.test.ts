/**
 * Presence over Socket.IO against a real server (port 0, SQLite in a temp dir) with real
 * socket.io-client connections carrying real session cookies.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { PresenceSnapshot, PresenceUpdate } from '../../shared/realtime/events';
import { startSession } from '../../server/auth/sessions';
import type { DocumentRecord, User, Workspace } from '../../server/storage/types';
import { startTestServer, type TestServer } from '../helpers/server';
import {
  connected,
  connectError,
  createSignedInUser,
  openSocket,
  rawRequest,
  type ClientSocket,
} from './helpers';

let server: TestServer;
let ada: User;
let bo: User;
let carl: User;
let workspace: Workspace;
let document: DocumentRecord;
const cookies = new Map<string, string>();
const openSockets: ClientSocket[] = [];

async function makeUser(name: string): Promise<User> {
  const { user, cookie } = await createSignedInUser(server.storage, name);
  cookies.set(user.id, cookie);
  return user;
}

function connect(
  options: { cookie?: string; origin?: string; transport?: 'websocket' | 'polling' } = {},
): ClientSocket {
  const socket = openSocket(server.url, options);
  openSockets.push(socket);
  return socket;
}

function connectAs(user: User): Promise<ClientSocket> {
  return connected(connect({ cookie: cookies.get(user.id) }));
}

/** Resolves with the next `presence:update` for `documentId` that satisfies `isWanted`. */
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

function nextSnapshot(socket: ClientSocket): Promise<PresenceSnapshot> {
  return new Promise((resolve) => socket.once('presence:snapshot', resolve));
}

beforeAll(async () => {
  server = await startTestServer();
  ada = await makeUser('Ada');
  bo = await makeUser('Bo');
  carl = await makeUser('Carl');
  workspace = await server.storage.createWorkspace({
    name: 'Housing and integration',
    createdById: ada.id,
  });
  await server.storage.addMembership({ workspaceId: workspace.id, userId: ada.id, role: 'owner' });
  await server.storage.addMembership({ workspaceId: workspace.id, userId: bo.id, role: 'viewer' });
  document = await server.storage.createDocument({
    workspaceId: workspace.id,
    title: 'Guideline on housing',
    kind: 'guideline',
    createdById: ada.id,
  });
});

afterEach(() => {
  for (const socket of openSockets.splice(0)) socket.disconnect();
});

afterAll(async () => {
  await server?.close();
});

describe('presence over Socket.IO', () => {
  it('shows who opens a document to workspace subscribers, and removes them on close and disconnect', async () => {
    const watcher = await connectAs(bo);
    const firstSnapshot = nextSnapshot(watcher);
    expect(await watcher.emitWithAck('workspace:subscribe', { workspaceId: workspace.id })).toEqual(
      { ok: true },
    );
    expect(await firstSnapshot).toEqual({ workspaceId: workspace.id, documents: {} });

    const tab1 = await connectAs(ada);
    const shown = nextUpdate(watcher, (u) => u.documentId === document.id && u.users.length === 1);
    expect(await tab1.emitWithAck('presence:open', { documentId: document.id })).toEqual({
      ok: true,
    });
    expect(await shown).toEqual({
      workspaceId: workspace.id,
      documentId: document.id,
      users: [{ id: ada.id, name: 'Ada' }],
    });

    // A late subscriber gets the current state in its snapshot.
    const late = await connectAs(bo);
    const lateSnapshot = nextSnapshot(late);
    await late.emitWithAck('workspace:subscribe', { workspaceId: workspace.id });
    expect((await lateSnapshot).documents).toEqual({
      [document.id]: [{ id: ada.id, name: 'Ada' }],
    });

    // Ada's second tab keeps her listed when the first one closes the document.
    const tab2 = await connectAs(ada);
    expect(await tab2.emitWithAck('presence:open', { documentId: document.id })).toEqual({
      ok: true,
    });
    expect(await tab1.emitWithAck('presence:close', { documentId: document.id })).toEqual({
      ok: true,
    });
    const stillThere = nextSnapshot(late);
    await late.emitWithAck('workspace:subscribe', { workspaceId: workspace.id });
    expect((await stillThere).documents[document.id]).toEqual([{ id: ada.id, name: 'Ada' }]);

    // Disconnecting the last tab removes her.
    const gone = nextUpdate(watcher, (u) => u.documentId === document.id && u.users.length === 0);
    tab2.disconnect();
    expect((await gone).users).toEqual([]);
  });

  it("applies one socket's requests in the order sent: open, close, open ends open", async () => {
    // What a React effect mounting twice sends. The close and the second open arrive
    // together: the open must not be answered from memory before the close took effect.
    const tab = await connectAs(ada);
    expect(await tab.emitWithAck('presence:open', { documentId: document.id })).toEqual({
      ok: true,
    });
    const answers = await Promise.all([
      tab.emitWithAck('presence:close', { documentId: document.id }),
      tab.emitWithAck('presence:open', { documentId: document.id }),
    ]);
    expect(answers).toEqual([{ ok: true }, { ok: true }]);
    const watcher = await connectAs(bo);
    const snapshot = nextSnapshot(watcher);
    await watcher.emitWithAck('workspace:subscribe', { workspaceId: workspace.id });
    expect((await snapshot).documents[document.id]).toEqual([{ id: ada.id, name: 'Ada' }]);
  });

  it('sends updates to the document room too, with one entry per person', async () => {
    const reader = await connectAs(bo);
    const readerSees = nextUpdate(reader, (u) => u.users.length === 1);
    await reader.emitWithAck('presence:open', { documentId: document.id });
    expect((await readerSees).users).toEqual([{ id: bo.id, name: 'Bo' }]);

    const writer = await connectAs(ada);
    const both = nextUpdate(reader, (u) => u.users.length === 2);
    await writer.emitWithAck('presence:open', { documentId: document.id });
    expect((await both).users).toEqual([
      { id: ada.id, name: 'Ada' },
      { id: bo.id, name: 'Bo' },
    ]);
  });

  it('answers a non-member exactly as it answers an unknown id (not_found), like HTTP 404', async () => {
    const outsider = await connectAs(carl);
    const hidden = await outsider.emitWithAck('workspace:subscribe', {
      workspaceId: workspace.id,
    });
    const unknownWorkspace = await outsider.emitWithAck('workspace:subscribe', {
      workspaceId: 'no-such-workspace',
    });
    expect(hidden).toEqual({
      ok: false,
      error: { code: 'not_found', message: expect.any(String) },
    });
    expect(hidden).toEqual(unknownWorkspace);

    const refused = await outsider.emitWithAck('presence:open', { documentId: document.id });
    const unknown = await outsider.emitWithAck('presence:open', { documentId: 'no-such-document' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(refused).toEqual(unknown);
  });

  it('keeps presence inside its rooms: an outsider hears nothing', async () => {
    const outsider = await connectAs(carl);
    const heard: PresenceUpdate[] = [];
    outsider.on('presence:update', (update) => heard.push(update));
    const opener = await connectAs(ada);
    expect(await opener.emitWithAck('presence:open', { documentId: document.id })).toEqual({
      ok: true,
    });
    // Messages on one connection arrive in order: a leaked broadcast would precede this ack.
    expect(await outsider.emitWithAck('presence:close', { documentId: document.id })).toEqual({
      ok: true,
    });
    expect(heard).toEqual([]);
  });

  it('lets a network admin follow any workspace, and checks access afresh on every request', async () => {
    const admin = await server.storage.createUser({
      name: 'Dana',
      email: 'dana@example.org',
      role: 'admin',
      passwordHash: 'not-used-here',
    });
    const { token } = await startSession({ storage: server.storage, userId: admin.id, ttlDays: 1 });
    const adminSocket = connect({ cookie: `clip_session=${token}` });
    await new Promise((resolve) => adminSocket.once('connect', () => resolve(null)));
    expect(
      await adminSocket.emitWithAck('workspace:subscribe', { workspaceId: workspace.id }),
    ).toEqual({ ok: true });

    // Bo is removed from the workspace while connected: his next request is refused.
    const member = await connectAs(bo);
    expect(await member.emitWithAck('presence:open', { documentId: document.id })).toEqual({
      ok: true,
    });
    await server.storage.removeMembership({ workspaceId: workspace.id, userId: bo.id });
    try {
      expect(
        await member.emitWithAck('workspace:subscribe', { workspaceId: workspace.id }),
      ).toMatchObject({
        ok: false,
        error: { code: 'not_found' },
      });
    } finally {
      await server.storage.addMembership({
        workspaceId: workspace.id,
        userId: bo.id,
        role: 'viewer',
      });
    }
  });

  it('ends an open socket at its next request once the session is gone, and picks up a new name', async () => {
    const eve = await makeUser('Eve');
    await server.storage.addMembership({
      workspaceId: workspace.id,
      userId: eve.id,
      role: 'editor',
    });
    const socket = await connectAs(eve);
    await server.storage.updateUser({ id: eve.id, patch: { name: 'Eve Renamed' } });
    const renamed = nextUpdate(socket, (u) => u.users.some((user) => user.id === eve.id));
    expect(await socket.emitWithAck('presence:open', { documentId: document.id })).toEqual({
      ok: true,
    });
    expect((await renamed).users).toContainEqual({ id: eve.id, name: 'Eve Renamed' });

    await server.storage.deleteSessionsForUser({ userId: eve.id });
    const disconnected = new Promise<string>((resolve) => socket.once('disconnect', resolve));
    expect(
      await socket.emitWithAck('workspace:subscribe', { workspaceId: workspace.id }),
    ).toMatchObject({
      ok: false,
      error: { code: 'unauthenticated' },
    });
    expect(await disconnected).toBe('io server disconnect');
  });

  it('answers not_found for a document in the trash', async () => {
    const trashed = await server.storage.createDocument({
      workspaceId: workspace.id,
      title: 'Old minutes',
      kind: 'minutes',
      createdById: ada.id,
    });
    await server.storage.updateDocument({
      id: trashed.id,
      patch: { deletedAt: new Date(), deletedById: ada.id },
    });
    const socket = await connectAs(ada);
    expect(await socket.emitWithAck('presence:open', { documentId: trashed.id })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });

  it('answers bad payloads with validation_failed and keeps serving the socket', async () => {
    const socket = await connectAs(ada);
    const badPayloads: unknown[] = [
      undefined,
      null,
      42,
      'doc',
      {},
      { documentId: 42 },
      { documentId: '' },
      { documentId: 'x'.repeat(1000) },
      { documentId: '../etc/passwd' },
      { documentId: document.id, extra: true },
    ];
    for (const payload of badPayloads) {
      expect(await rawRequest(socket, 'presence:open', payload)).toMatchObject({
        ok: false,
        error: { code: 'validation_failed' },
      });
    }
    expect(await rawRequest(socket, 'workspace:subscribe', { workspaceId: ['a'] })).toMatchObject({
      ok: false,
      error: { code: 'validation_failed' },
    });
    expect(await socket.emitWithAck('presence:open', { documentId: document.id })).toEqual({
      ok: true,
    });
  });

  it('refuses a handshake without a valid session cookie with unauthenticated', async () => {
    expect(await connectError(connect())).toBe('unauthenticated');
    expect(await connectError(connect({ cookie: `clip_session=${'a'.repeat(43)}` }))).toBe(
      'unauthenticated',
    );
  });

  it('works over HTTP long-polling too, with the same cookie check', async () => {
    const polling = connect({ cookie: cookies.get(ada.id), transport: 'polling' });
    await new Promise<void>((resolve, reject) => {
      polling.once('connect', resolve);
      polling.once('connect_error', reject);
    });
    expect(await polling.emitWithAck('workspace:subscribe', { workspaceId: workspace.id })).toEqual(
      {
        ok: true,
      },
    );
    expect(await connectError(connect({ transport: 'polling' }))).toBe('unauthenticated');
  });

  it('refuses a handshake from a foreign origin', async () => {
    const socket = connect({ cookie: cookies.get(ada.id), origin: 'https://evil.example' });
    expect(await connectError(socket)).toBe('forbidden_origin');
  });
});
