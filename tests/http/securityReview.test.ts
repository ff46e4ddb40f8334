/**
 * Findings of the security review, each pinned by a test against a real server (port 0,
 * SQLite in a temp dir) with real HTTP clients and real socket.io-client connections.
 */
import { io as connectClient, type Socket } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import type { AuditEventDto, DocumentDto, InvitationDto } from '../../shared/api/entities';
import type {
  ClientToServerEvents,
  PresenceUpdate,
  ServerToClientEvents,
} from '../../shared/realtime/events';
import {
  createApiClient,
  registerWithInvitation,
  signUpAdmin,
  startTestServer,
  type ApiClient,
  type TestServer,
} from '../helpers/server';
import { addMember, expectStatus, useWorkspaceWorld, type WorkspaceWorld } from './workspaceWorld';

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

let server: TestServer;
let world: WorkspaceWorld;

useWorkspaceWorld((started) => {
  ({ server, world } = started);
});

const openSockets: ClientSocket[] = [];
afterEach(() => {
  for (const socket of openSockets.splice(0)) socket.disconnect();
});

/** A browser-like Socket.IO connection carrying `client`'s session cookie. */
async function connectAs(client: ApiClient): Promise<ClientSocket> {
  const socket: ClientSocket = connectClient(server.url, {
    path: '/socket.io',
    transports: ['websocket'],
    extraHeaders: { origin: server.url, cookie: client.cookieHeader() },
    reconnection: false,
    forceNew: true,
  });
  openSockets.push(socket);
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('connect_error', reject);
  });
  return socket;
}

/** Resolves with the disconnect reason, or 'still connected' after `ms`. */
function disconnectWithin(socket: ClientSocket, ms: number): Promise<string> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve('still connected'), ms);
    socket.once('disconnect', (reason) => {
      clearTimeout(timer);
      resolve(reason);
    });
  });
}

/** Collects the presence updates `socket` hears. */
function listen(socket: ClientSocket): PresenceUpdate[] {
  const heard: PresenceUpdate[] = [];
  socket.on('presence:update', (update) => heard.push(update));
  return heard;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** The sweep runs every 2 s; this leaves room for one full round on a busy machine. */
const SWEEP_WAIT_MS = 6_000;

async function auditEvents(action: string): Promise<AuditEventDto[]> {
  const res = await world.admin.client.get<{ events: AuditEventDto[] }>(
    `/api/audit?limit=200&action=${action}`,
  );
  return expectStatus(res, 200).events;
}

async function createDocument(): Promise<DocumentDto> {
  const res = await world.owner.client.post<{ document: DocumentDto }>(
    `/api/workspaces/${world.workspace.id}/documents`,
    { title: `Review ${Math.random().toString(36).slice(2, 8)}`, kind: 'note' },
  );
  return expectStatus(res, 201).document;
}

describe('security review: open sockets follow the account', () => {
  it('deactivating an account ends its open Socket.IO connections', async () => {
    const person = await (async () => {
      const invited = await world.owner.client.post<{ invitation: InvitationDto }>(
        `/api/workspaces/${world.workspace.id}/members`,
        { email: `leaver-${Date.now()}@example.test`, role: 'viewer' },
      );
      const { invitation } = expectStatus(invited, 201);
      // A non-admin owner's invitation admits a new person once an admin approves it.
      expectStatus(await world.admin.client.post(`/api/invitations/${invitation.id}/approve`), 200);
      return registerWithInvitation({
        baseUrl: server.url,
        token: invitation.token ?? '',
        email: invitation.email,
      });
    })();
    const socket = await connectAs(person.client);
    await socket.emitWithAck('workspace:subscribe', { workspaceId: world.workspace.id });

    // Listening first: the route disconnects the socket before it answers.
    const disconnected = disconnectWithin(socket, SWEEP_WAIT_MS);
    expectStatus(await world.admin.client.post(`/api/users/${person.user.id}/deactivate`), 200);
    expect(await disconnected).toBe('io server disconnect');
  });

  it('signing out ends the Socket.IO connections that rode on that session', async () => {
    const socket = await connectAs(world.reviewer.client);
    const cookie = world.reviewer.client.cookieHeader();
    const disconnected = disconnectWithin(socket, SWEEP_WAIT_MS);
    expectStatus(await world.reviewer.client.post('/api/auth/logout'), 204);
    try {
      expect(await disconnected).toBe('io server disconnect');
    } finally {
      // Sign the reviewer back in for the other tests (the world shares one client).
      expectStatus(
        await world.reviewer.client.post('/api/auth/login', {
          email: world.reviewer.email,
          password: world.reviewer.password,
        }),
        200,
      );
      expect(world.reviewer.client.cookieHeader()).not.toBe(cookie);
    }
  });

  it('a member removed from a workspace stops hearing its presence', async () => {
    const document = await createDocument();
    const removedSocket = await connectAs(world.viewer.client);
    const editorSocket = await connectAs(world.editor.client);
    for (const socket of [removedSocket, editorSocket]) {
      expect(
        await socket.emitWithAck('workspace:subscribe', { workspaceId: world.workspace.id }),
      ).toEqual({ ok: true });
    }
    const removedHeard = listen(removedSocket);
    const editorHeard = listen(editorSocket);

    expectStatus(
      await world.owner.client.delete(
        `/api/workspaces/${world.workspace.id}/members/${world.viewer.user.id}`,
      ),
      204,
    );
    try {
      await sleep(SWEEP_WAIT_MS);
      const ownerSocket = await connectAs(world.owner.client);
      expect(await ownerSocket.emitWithAck('presence:open', { documentId: document.id })).toEqual({
        ok: true,
      });
      await expect
        .poll(() => editorHeard.some((update) => update.documentId === document.id))
        .toBe(true);
      await sleep(300);
      expect(removedHeard.filter((update) => update.documentId === document.id)).toEqual([]);
    } finally {
      await addMember({
        owner: world.owner.client,
        workspaceId: world.workspace.id,
        person: world.viewer,
        role: 'viewer',
      });
    }
  });
});

describe('security review: audit log completeness', () => {
  it('records joining a workspace through an invitation as membership.added', async () => {
    const email = `joiner-${Date.now()}@example.test`;
    const invited = await world.owner.client.post<{ invitation: InvitationDto }>(
      `/api/workspaces/${world.workspace.id}/members`,
      { email, role: 'editor' },
    );
    const { invitation } = expectStatus(invited, 201);
    expectStatus(await world.admin.client.post(`/api/invitations/${invitation.id}/approve`), 200);
    const joiner = await registerWithInvitation({
      baseUrl: server.url,
      token: invitation.token ?? '',
      email,
    });

    const added = await auditEvents('membership.added');
    expect(added).toContainEqual(
      expect.objectContaining({
        actorId: joiner.user.id,
        targetType: 'workspace',
        targetId: world.workspace.id,
        details: expect.objectContaining({
          userId: joiner.user.id,
          role: 'editor',
          invitationId: invitation.id,
        }) as unknown,
      }),
    );
  });

  it('records a password change refused for a wrong current password', async () => {
    const res = await world.editor.client.post('/api/auth/password', {
      currentPassword: 'not-the-password',
      newPassword: 'whatever-new-password',
    });
    expect(res.status).toBe(400);
    expect(res.body.error?.code).toBe('wrong_password');

    const failed = await auditEvents('auth.password_change_failed');
    expect(failed).toContainEqual(
      expect.objectContaining({
        actorId: world.editor.user.id,
        targetType: 'user',
        targetId: world.editor.user.id,
      }),
    );
  });
});

describe('security review: display names', () => {
  it.each([
    ['only invisible characters', '\u200B\u200B\u2060'],
    ['a control character', 'Olga\u0000Owner'],
    ['a line break', 'Olga\nOwner'],
    ['a right-to-left override', 'Olga \u202Erenwo'],
  ])('refuses a name with %s (400)', async (_label, name) => {
    const res = await world.editor.client.patch(`/api/users/${world.editor.user.id}`, { name });
    expect(res.status).toBe(400);
    expect(res.body.error?.code).toBe('validation_failed');
  });

  it('still accepts names in any script, with accents and joiners', async () => {
    for (const name of ['Zoë Ø. Łukasiewicz-Müller', 'Ἀλέξανδρος', 'محمد علي', '山田 太郎']) {
      const res = await world.editor.client.patch(`/api/users/${world.editor.user.id}`, { name });
      expect(res.status, name).toBe(200);
      expect(res.body.user?.name).toBe(name);
    }
    await world.editor.client.patch(`/api/users/${world.editor.user.id}`, { name: 'Emil Editor' });
  });
});

describe('security review: rate limits', () => {
  it('audits a guessing attack once per window as auth.rate_limited, not once per request', async () => {
    const limited = await startTestServer({ AUTH_RATE_LIMIT: '3', AUTH_RATE_WINDOW_SECONDS: '60' });
    try {
      const admin = await signUpAdmin(createApiClient(limited.url));
      const guesser = createApiClient(limited.url);
      const guess = { email: admin.email.toUpperCase(), password: 'wrong-guess-1' };
      const statuses: number[] = [];
      for (let attempt = 0; attempt < 5; attempt += 1) {
        statuses.push((await guesser.post('/api/auth/login', guess)).status);
      }
      expect(statuses).toEqual([401, 401, 429, 429, 429]);

      const res = await admin.client.get<{ events: AuditEventDto[] }>(
        '/api/audit?action=auth.rate_limited',
      );
      const events = expectStatus(res, 200).events;
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ actorId: null, details: { path: '/auth/login' } });
    } finally {
      await limited.close();
    }
  });
});

describe('security review: role escalation (regression guards, these held already)', () => {
  it('an editor can neither promote themselves nor invite an owner', async () => {
    const { workspace, editor } = world;
    const self = await editor.client.patch(
      `/api/workspaces/${workspace.id}/members/${editor.user.id}`,
      { role: 'owner' },
    );
    expect(self.status).toBe(403);
    const invite = await editor.client.post(`/api/workspaces/${workspace.id}/members`, {
      email: `accomplice-${Date.now()}@example.test`,
      role: 'owner',
    });
    expect(invite.status).toBe(403);
  });

  it("owning workspace B gives no hold on workspace A's members, invitations or documents", async () => {
    const other = expectStatus(
      await world.outsider.client.post<{ workspace: { id: string } }>('/api/workspaces', {
        name: 'Outsider module',
      }),
      201,
    ).workspace;
    const document = await createDocument();
    const { outsider, workspace, editor } = world;
    const attempts = [
      outsider.client.patch(`/api/workspaces/${workspace.id}/members/${editor.user.id}`, {
        role: 'viewer',
      }),
      outsider.client.delete(`/api/workspaces/${workspace.id}/members/${editor.user.id}`),
      outsider.client.get(`/api/workspaces/${workspace.id}/invitations`),
      outsider.client.get(`/api/documents/${document.id}`),
      outsider.client.post(`/api/documents/${document.id}/collab-token`),
      outsider.client.post(`/api/documents/${document.id}/status`, { status: 'in-review' }),
      // A's member through B's URL: not a member of B, so nothing to change.
      outsider.client.patch(`/api/workspaces/${other.id}/members/${editor.user.id}`, {
        role: 'viewer',
      }),
    ];
    const statuses = (await Promise.all(attempts)).map((res) => res.status);
    expect(statuses).toEqual([404, 404, 404, 404, 404, 404, 404]);
  });
});

describe('security review: the workflow cannot be bypassed through the trash', () => {
  it('an editor cannot trash their own published document (withdrawing is for owners)', async () => {
    const created = await world.editor.client.post<{ document: DocumentDto }>(
      `/api/workspaces/${world.workspace.id}/documents`,
      { title: 'Editor-written guideline', kind: 'guideline' },
    );
    const { document } = expectStatus(created, 201);
    for (const status of ['in-review', 'approved', 'published']) {
      expectStatus(
        await world.owner.client.post(`/api/documents/${document.id}/status`, { status }),
        200,
      );
    }
    // Withdrawing is refused to the editor…
    const withdraw = await world.editor.client.post(`/api/documents/${document.id}/status`, {
      status: 'draft',
    });
    expect(withdraw.status).toBe(403);
    // …and so is the back door of trashing it.
    const trash = await world.editor.client.delete(`/api/documents/${document.id}`);
    expect(trash.status).toBe(403);
    const still = await world.viewer.client.get<{ document: DocumentDto }>(
      `/api/documents/${document.id}`,
    );
    expect(expectStatus(still, 200).document).toMatchObject({
      status: 'published',
      deletedAt: null,
    });
    // The owner still may.
    expect((await world.owner.client.delete(`/api/documents/${document.id}`)).status).toBe(204);
  });
});
