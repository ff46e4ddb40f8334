/**
 * Open Socket.IO connections follow the account: deactivation, sign-out and removal from a
 * workspace reach sockets that are already open (real server, real socket.io-client).
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { DocumentDto, InvitationDto } from '../../shared/api/entities';
import type { PresenceUpdate } from '../../shared/realtime/events';
import { registerWithInvitation, type ApiClient, type TestServer } from '../helpers/server';
import {
  addMember,
  createDoc,
  expectStatus,
  useWorkspaceWorld,
  type WorkspaceWorld,
} from '../http/workspaceWorld';
import { connected, openSocket, type ClientSocket } from './helpers';

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
  const socket = openSocket(server.url, { cookie: client.cookieHeader() });
  openSockets.push(socket);
  return connected(socket);
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

/** A note created by the owner. */
async function createDocument(): Promise<DocumentDto> {
  return createDoc(
    world,
    { title: `Review ${Math.random().toString(36).slice(2, 8)}`, kind: 'note' },
    world.owner.client,
  );
}

describe('open sockets follow the account', () => {
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
