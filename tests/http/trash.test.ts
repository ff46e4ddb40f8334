import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { CollabTokenDto, DocumentDto } from '../../shared/api/entities';
import { CLOSE_CODES } from '../../shared/closeCodes';
import { verifyCollabToken } from '../../server/auth/collabToken';
import { TEST_SESSION_SECRET, type TestServer } from '../helpers/server';
import {
  createDoc,
  documentsPath,
  expectStatus,
  listDocumentTitles,
  useWorkspaceWorld,
  type WorkspaceWorld,
} from './workspaceWorld';

let server: TestServer;
let world: WorkspaceWorld;
const DAY_MS = 86_400_000;

useWorkspaceWorld((started) => {
  ({ server, world } = started);
});

describe('trash', () => {
  it('moves to the trash, hides it, shows it to owners only, and restores it', async () => {
    const document = await createDoc(world, { title: 'Trash me', kind: 'note' });
    expect((await world.reviewer.client.delete(`/api/documents/${document.id}`)).status).toBe(403);
    expect((await world.editor.client.delete(`/api/documents/${document.id}`)).status).toBe(204);

    expect((await world.editor.client.get(`/api/documents/${document.id}`)).status).toBe(404);
    expect(
      (await world.editor.client.get(`/api/documents/${document.id}?includeTrashed=1`)).status,
    ).toBe(404);
    const seen = await world.owner.client.get<{ document: DocumentDto }>(
      `/api/documents/${document.id}?includeTrashed=1`,
    );
    expect(expectStatus(seen, 200).document.deletedAt).toEqual(expect.any(String));
    expect(await listDocumentTitles(world, '')).not.toContain('Trash me');
    expect(await listDocumentTitles(world, '?trash=1', world.owner.client)).toContain('Trash me');
    expect((await world.editor.client.get(documentsPath(world, '?trash=1'))).status).toBe(403);
    expect((await world.editor.client.delete(`/api/documents/${document.id}`)).status).toBe(404);
    expect(
      (await world.editor.client.post(`/api/documents/${document.id}/collab-token`)).status,
    ).toBe(404);

    // Like GET: the editor cannot see the trashed document, so it is not found.
    expect((await world.editor.client.post(`/api/documents/${document.id}/restore`)).status).toBe(
      404,
    );
    const restored = await world.owner.client.post<{ document: DocumentDto }>(
      `/api/documents/${document.id}/restore`,
    );
    expect(expectStatus(restored, 200).document.deletedAt).toBeNull();
    expect((await world.viewer.client.get(`/api/documents/${document.id}`)).status).toBe(200);
    const again = await world.owner.client.post(`/api/documents/${document.id}/restore`);
    expect(again.status).toBe(409);
    expect(again.body.error?.code).toBe('not_trashed');
  });

  it('refuses to restore after 30 days (410 trash_expired, then 404) and purges expired trash on its timer, never on a GET', async () => {
    const old = await createDoc(world, { title: 'Long gone', kind: 'note' });
    const older = await createDoc(world, { title: 'Even longer gone', kind: 'note' });
    const recent = await createDoc(world, { title: 'Recently trashed', kind: 'note' });
    for (const doc of [old, older, recent])
      expectStatus(await world.owner.client.delete(`/api/documents/${doc.id}`), 204);
    const longAgo = new Date(Date.now() - 31 * DAY_MS);
    await server.storage.updateDocument({ id: old.id, patch: { deletedAt: longAgo } });
    await server.storage.updateDocument({ id: older.id, patch: { deletedAt: longAgo } });

    const expired = await world.owner.client.post(`/api/documents/${old.id}/restore`);
    expect(expired.status).toBe(410);
    expect(expired.body.error?.code).toBe('trash_expired');
    expect((await world.owner.client.post(`/api/documents/${old.id}/restore`)).status).toBe(404);

    const trash = await listDocumentTitles(world, '?trash=1', world.owner.client);
    expect(trash).toContain('Recently trashed');
    expect(trash).not.toContain('Even longer gone');
    // Listing hid the expired document but wrote nothing; the purge timer deletes it.
    expect(await server.storage.getDocument({ id: older.id })).not.toBeNull();
    expect(await server.server.trashPurge.purgeNow()).toBe(1);
    expect(await server.storage.getDocument({ id: older.id })).toBeNull();
    const audit = await server.storage.listAudit({ action: 'document.purged', limit: 10 });
    expect(audit.map((event) => event.targetId)).toEqual(
      expect.arrayContaining([old.id, older.id]),
    );
  });

  it('purges more expired documents than one page (the purge reads 100 at a time)', async () => {
    const author = await server.storage.getUserByEmail({ email: world.owner.user.email });
    expect(author).not.toBeNull();
    const longAgo = new Date(Date.now() - 31 * DAY_MS);
    const ids: string[] = [];
    for (let index = 0; index < 130; index++) {
      const created = await server.storage.createDocument({
        workspaceId: world.workspace.id,
        title: `Bulk ${index}`,
        kind: 'note',
        createdById: author!.id,
        cityId: null,
        policyAreas: [],
        stakeholders: [],
      });
      await server.storage.updateDocument({
        id: created.id,
        patch: { deletedAt: longAgo, deletedById: author!.id },
      });
      ids.push(created.id);
    }
    expect(await server.server.trashPurge.purgeNow()).toBeGreaterThanOrEqual(130);
    for (const id of ids) expect(await server.storage.getDocument({ id })).toBeNull();
  });

  it('closes open editors of a trashed document with close code 4404', async () => {
    const document = await createDoc(world, { title: 'Open in an editor', kind: 'note' });
    const ticket = expectStatus(
      await world.viewer.client.post<CollabTokenDto>(`/api/documents/${document.id}/collab-token`),
      200,
    );
    const socket = new WebSocket(
      `${ticket.serverUrl}/${ticket.room}?token=${encodeURIComponent(ticket.token)}`,
    );
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
    expectStatus(await world.owner.client.delete(`/api/documents/${document.id}`), 204);
    expect(await closed).toBe(CLOSE_CODES.notFound);
  });
});

describe('collab tokens', () => {
  it('gives writers a writable token and readers a read-only one that verifies', async () => {
    const document = await createDoc(world, { title: 'Token test', kind: 'note' });
    const path = `/api/documents/${document.id}/collab-token`;
    const forEditor = expectStatus(await world.editor.client.post<CollabTokenDto>(path), 200);
    expect(forEditor).toMatchObject({
      room: document.id,
      canWrite: true,
      serverUrl: `ws://127.0.0.1:${server.server.port}/collab`,
    });
    const verified = verifyCollabToken({ secret: TEST_SESSION_SECRET, token: forEditor.token });
    expect(verified).toEqual({
      isValid: true,
      claims: {
        userId: world.editor.user.id,
        documentId: document.id,
        canWrite: true,
        expiresAt: Date.parse(forEditor.expiresAt) / 1000,
        // Bound to the editor's sign-in session (a stored hash, not the cookie token).
        sessionId: expect.stringMatching(/^[0-9a-f]{64}$/),
      },
    });
    const forReviewer = expectStatus(await world.reviewer.client.post<CollabTokenDto>(path), 200);
    expect(forReviewer.canWrite).toBe(false);
    const claims = verifyCollabToken({ secret: TEST_SESSION_SECRET, token: forReviewer.token });
    expect(claims.isValid && claims.claims.canWrite).toBe(false);
    expect((await world.outsider.client.post(path)).status).toBe(404);
    expect((await world.anonymous.post(path)).status).toBe(401);
  });
});

describe('the workflow cannot be bypassed through the trash', () => {
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
