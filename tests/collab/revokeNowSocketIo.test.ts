/**
 * Revocations made through the HTTP API reach open Socket.IO connections at once: the access
 * subscriber's re-check takes the affected sockets out of the document's room, or disconnects
 * them, before the HTTP answer leaves. The periodic sweep is slowed to a minute here, so only
 * that direct re-check can explain it. The collab connections: `revokeNow.test.ts`.
 */
import { describe, expect, it } from 'vitest';
import type { DocumentDto } from '../../shared/api/entities';
import { connected, openSocket, rawRequest, type ClientSocket } from '../realtime/helpers';
import { sleep, waitFor } from './helpers';
import { AT_ONCE_MS, useRevokeWorld, type World } from './revokeWorld';

const { defer, world } = useRevokeWorld();

/** The ids of the documents whose `document:updated` `socket` hears from now on. */
function documentUpdatesHeard(socket: ClientSocket): string[] {
  const heard: string[] = [];
  socket.on('document:updated', ({ document }: { document: DocumentDto }) => {
    heard.push(document.id);
  });
  return heard;
}

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
