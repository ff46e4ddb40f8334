/**
 * Revocations made through the HTTP API reach open collab connections at once: the commands
 * that take access away emit domain events, whose access subscriber re-checks the affected
 * collab and Socket.IO connections before the HTTP answer leaves. The periodic re-checks
 * are slowed to a minute here, so only that direct re-check can explain a close (or a switch
 * to read-only) within a second. The Socket.IO document rooms and sockets:
 * `revokeNowSocketIo.test.ts`.
 */
import { io as connectSocketIo } from 'socket.io-client';
import { describe, expect, it } from 'vitest';
import { CLOSE_CODES } from '../../shared/closeCodes';
import { isEditKept, requestCollabToken, waitFor, type TestClient } from './helpers';
import { AT_ONCE_MS, PASSWORD, useRevokeWorld } from './revokeWorld';

const { defer, world } = useRevokeWorld();

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
