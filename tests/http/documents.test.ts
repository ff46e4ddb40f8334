import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import type { CollabTokenDto, DocumentDto } from '../../shared/api/entities';
import { CLOSE_CODES } from '../../shared/closeCodes';
import { verifyCollabToken } from '../../server/auth/collabToken';
import { buildOrganization } from '../helpers/factories';
import { startTestServer, TEST_SESSION_SECRET, type TestServer } from '../helpers/server';
import {
  buildWorkspaceWorld,
  createDoc,
  expectStatus,
  type WorkspaceWorld,
} from './workspaceWorld';

let server: TestServer;
let world: WorkspaceWorld;
const DAY_MS = 86_400_000;

beforeAll(async () => {
  server = await startTestServer();
  world = await buildWorkspaceWorld(server.url);
});
afterAll(async () => {
  await server?.close();
});

function docsPath(query = ''): string {
  return `/api/workspaces/${world.workspace.id}/documents${query}`;
}

async function listTitles(query: string, client = world.viewer.client): Promise<string[]> {
  const res = await client.get<{ documents: DocumentDto[] }>(docsPath(query));
  return expectStatus(res, 200)
    .documents.map((d) => d.title)
    .sort();
}

describe('creating documents', () => {
  it('starts a case study from CLIP’s template, stored as Yjs content', async () => {
    const city = await buildOrganization(server.storage, {
      name: 'Stuttgart',
      type: 'city',
      country: 'DE',
    });
    const document = await createDoc(world, {
      title: 'Housing in Stuttgart',
      cityId: city.id,
      policyAreas: ['housing', 'housing', 'other'],
      stakeholders: ['ngos'],
    });
    expect(document).toMatchObject({
      title: 'Housing in Stuttgart',
      kind: 'case-study',
      status: 'draft',
      cityId: city.id,
      policyAreas: ['housing', 'other'],
      stakeholders: ['ngos'],
      createdById: world.editor.user.id,
      deletedAt: null,
    });
    expect(document.outline.map((h) => h.text)).toEqual([
      'City profile',
      'Policy context',
      'The practice',
      'Implementation and resources',
      'Role of stakeholders',
      'Evaluation and evidence',
      'Lessons and transferability',
    ]);
    expect(document.wordCount).toBeGreaterThan(50);

    const state = await server.storage.loadDocState({ documentId: document.id });
    const ydoc = new Y.Doc();
    if (state.snapshot) Y.applyUpdate(ydoc, state.snapshot);
    for (const update of state.updates) Y.applyUpdate(ydoc, update.data);
    const first = ydoc.getXmlFragment('default').get(0) as Y.XmlElement;
    expect(first.nodeName).toBe('heading');
    expect(first.getAttribute('level')).toBe(2);
  });

  it('rejects an invalid kind, a missing title and a city that is not a city', async () => {
    const kind = await world.editor.client.post(docsPath(), { title: 'x', kind: 'novel' });
    expect(kind.status).toBe(400);
    expect(kind.body.error?.code).toBe('validation_failed');
    expect((await world.editor.client.post(docsPath(), { kind: 'note' })).status).toBe(400);
    const research = await buildOrganization(server.storage, {
      name: 'COMPAS',
      type: 'research',
      country: 'GB',
    });
    for (const cityId of [research.id, '00000000-0000-4000-8000-000000000000']) {
      const res = await world.editor.client.post(docsPath(), {
        title: 'x',
        kind: 'case-study',
        cityId,
      });
      expect(res.status).toBe(400);
      expect(res.body.error?.code).toBe('invalid_city');
    }
  });

  it('answers 404 for documents of an unknown or malformed workspace id', async () => {
    const unknown = await world.owner.client.post(
      '/api/workspaces/00000000-0000-4000-8000-000000000000/documents',
      {
        title: 'x',
        kind: 'note',
      },
    );
    expect(unknown.status).toBe(404);
    expect((await world.owner.client.get('/api/workspaces/..%2F..%2Fetc/documents')).status).toBe(
      404,
    );
    expect((await world.owner.client.get('/api/documents/$where')).status).toBe(404);
  });
});

describe('listing and filtering', () => {
  it('combines kind, status, city, policy area and text filters', async () => {
    const bologna = await buildOrganization(server.storage, {
      name: 'Bologna',
      type: 'city',
      country: 'IT',
    });
    await createDoc(world, {
      title: 'Filter: Bologna housing',
      cityId: bologna.id,
      policyAreas: ['housing'],
    });
    const guide = await createDoc(world, {
      title: 'Filter: guideline',
      kind: 'guideline',
      policyAreas: ['intercultural-relations'],
    });
    await createDoc(world, { title: 'Filter: minutes of Vienna meeting', kind: 'minutes' });
    expectStatus(
      await world.editor.client.post(`/api/documents/${guide.id}/status`, { status: 'in-review' }),
      200,
    );

    expect(await listTitles('?kind=minutes')).toEqual(['Filter: minutes of Vienna meeting']);
    expect(await listTitles(`?cityId=${bologna.id}`)).toEqual(['Filter: Bologna housing']);
    expect(await listTitles('?status=in-review')).toEqual(['Filter: guideline']);
    expect(await listTitles('?policyArea=intercultural-relations')).toEqual(['Filter: guideline']);
    expect(await listTitles('?q=VIENNA')).toEqual(['Filter: minutes of Vienna meeting']);
    expect(await listTitles('?kind=case-study&q=filter')).toEqual(['Filter: Bologna housing']);
    expect((await world.viewer.client.get(docsPath('?kind=novel'))).status).toBe(400);
  });

  it('lists recent documents across the caller’s workspaces, newest first, with a limit', async () => {
    const res = await world.viewer.client.get<{ documents: DocumentDto[] }>(
      '/api/documents?limit=2',
    );
    const { documents } = expectStatus(res, 200);
    expect(documents).toHaveLength(2);
    expect(documents[0]!.updatedAt >= documents[1]!.updatedAt).toBe(true);
    expect(
      expectStatus(
        await world.outsider.client.get<{ documents: DocumentDto[] }>('/api/documents'),
        200,
      ).documents,
    ).toEqual([]);
    expect((await world.viewer.client.get('/api/documents?limit=0')).status).toBe(400);
  });
});

describe('metadata and workflow', () => {
  it('updates metadata and validates it', async () => {
    const document = await createDoc(world, { title: 'Draft title', kind: 'note' });
    const res = await world.editor.client.patch<{ document: DocumentDto }>(
      `/api/documents/${document.id}`,
      {
        title: 'Better title',
        policyAreas: ['ethnic-entrepreneurship'],
      },
    );
    expect(expectStatus(res, 200).document).toMatchObject({
      title: 'Better title',
      policyAreas: ['ethnic-entrepreneurship'],
    });
    expect(
      (await world.editor.client.patch(`/api/documents/${document.id}`, { status: 'published' }))
        .status,
    ).toBe(400);
    expect(
      (await world.editor.client.patch(`/api/documents/${document.id}`, { title: '' })).status,
    ).toBe(400);
    expect(
      (await world.reviewer.client.patch(`/api/documents/${document.id}`, { title: 'Mine' }))
        .status,
    ).toBe(403);
  });

  it('walks draft → in-review → approved → published, with 409 for moves the workflow lacks', async () => {
    const document = await createDoc(world, { title: 'Workflow', kind: 'guideline' });
    const move = (client: typeof world.owner.client, status: string) =>
      client.post<{ document: DocumentDto; error?: { code: string } }>(
        `/api/documents/${document.id}/status`,
        { status },
      );

    const skip = await move(world.owner.client, 'published');
    expect(skip.status).toBe(409);
    expect(skip.body.error?.code).toBe('invalid_transition');
    expect(expectStatus(await move(world.editor.client, 'in-review'), 200).document.status).toBe(
      'in-review',
    );
    expect((await move(world.editor.client, 'approved')).status).toBe(403);
    expect((await move(world.reviewer.client, 'draft')).status).toBe(403);
    expect(expectStatus(await move(world.owner.client, 'approved'), 200).document.status).toBe(
      'approved',
    );
    expect((await move(world.owner.client, 'in-review')).status).toBe(409);
    expect(expectStatus(await move(world.owner.client, 'published'), 200).document.status).toBe(
      'published',
    );
    expect((await move(world.owner.client, 'nonsense')).status).toBe(400);

    const audit = await world.admin.client.get<{
      events: { action: string; details: Record<string, unknown> }[];
    }>('/api/audit?limit=200');
    const changes = expectStatus(audit, 200).events.filter(
      (e) => e.action === 'document.status_changed' && e.details.to === 'published',
    );
    expect(changes).toHaveLength(1);
  });
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
    expect(await listTitles('')).not.toContain('Trash me');
    expect(await listTitles('?trash=1', world.owner.client)).toContain('Trash me');
    expect((await world.editor.client.get(docsPath('?trash=1'))).status).toBe(403);
    expect((await world.editor.client.delete(`/api/documents/${document.id}`)).status).toBe(404);
    expect(
      (await world.editor.client.post(`/api/documents/${document.id}/collab-token`)).status,
    ).toBe(404);

    expect((await world.editor.client.post(`/api/documents/${document.id}/restore`)).status).toBe(
      403,
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

  it('refuses to restore after 30 days (410 trash_expired, then 404) and purges expired trash when listing it', async () => {
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

    const trash = await listTitles('?trash=1', world.owner.client);
    expect(trash).toContain('Recently trashed');
    expect(trash).not.toContain('Even longer gone');
    expect(await server.storage.getDocument({ id: older.id })).toBeNull();
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
