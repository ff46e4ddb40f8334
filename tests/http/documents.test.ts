import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { DocumentDto } from '../../shared/api/entities';
import { buildOrganization } from '../helpers/factories';
import type { TestServer } from '../helpers/server';
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

useWorkspaceWorld((started) => {
  ({ server, world } = started);
});

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
    // Headings only: each section's guidance is a placeholder, not text.
    expect(document.wordCount).toBe(18);

    const state = await server.storage.loadDocState({ documentId: document.id });
    const ydoc = new Y.Doc();
    if (state.snapshot) Y.applyUpdate(ydoc, state.snapshot);
    for (const update of state.updates) Y.applyUpdate(ydoc, update.data);
    const first = ydoc.getXmlFragment('default').get(0) as Y.XmlElement;
    expect(first.nodeName).toBe('heading');
    expect(first.getAttribute('level')).toBe(2);
  });

  it('rejects an invalid kind, a missing title and a city that is not a city', async () => {
    const docsPath = documentsPath(world);
    const kind = await world.editor.client.post(docsPath, { title: 'x', kind: 'novel' });
    expect(kind.status).toBe(400);
    expect(kind.body.error?.code).toBe('validation_failed');
    expect((await world.editor.client.post(docsPath, { kind: 'note' })).status).toBe(400);
    const research = await buildOrganization(server.storage, {
      name: 'COMPAS',
      type: 'research',
      country: 'GB',
    });
    for (const cityId of [research.id, '00000000-0000-4000-8000-000000000000']) {
      const res = await world.editor.client.post(docsPath, {
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

    const titles = (query: string) => listDocumentTitles(world, query);
    expect(await titles('?kind=minutes')).toEqual(['Filter: minutes of Vienna meeting']);
    expect(await titles(`?cityId=${bologna.id}`)).toEqual(['Filter: Bologna housing']);
    expect(await titles('?status=in-review')).toEqual(['Filter: guideline']);
    expect(await titles('?policyArea=intercultural-relations')).toEqual(['Filter: guideline']);
    expect(await titles('?q=VIENNA')).toEqual(['Filter: minutes of Vienna meeting']);
    expect(await titles('?kind=case-study&q=filter')).toEqual(['Filter: Bologna housing']);
    expect((await world.viewer.client.get(documentsPath(world, '?kind=novel'))).status).toBe(400);
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

  it('starts from the template in the document’s language, and changes the language as a detail', async () => {
    const created = await world.editor.client.post<{ document: DocumentDto }>(
      documentsPath(world),
      { title: 'Étude de cas : Lyon', kind: 'case-study', language: 'fr' },
    );
    const document = expectStatus(created, 201).document;
    expect(document.language).toBe('fr');
    expect(document.outline.map((heading) => heading.text)).toContain('Rôle des parties prenantes');

    // A language without a template keeps its own language and starts from the English one.
    const croatian = expectStatus(
      await world.editor.client.post<{ document: DocumentDto }>(documentsPath(world), {
        title: 'Studija slučaja: Zagreb',
        kind: 'case-study',
        language: 'hr',
      }),
      201,
    ).document;
    expect(croatian.language).toBe('hr');
    expect(croatian.outline.map((heading) => heading.text)).toContain('Role of stakeholders');

    const patched = await world.editor.client.patch<{ document: DocumentDto }>(
      `/api/documents/${document.id}`,
      { language: 'it' },
    );
    expect(expectStatus(patched, 200).document.language).toBe('it');
    const refused = await world.editor.client.patch(`/api/documents/${document.id}`, {
      language: 'klingon',
    });
    expect(refused.status).toBe(400);
    expect(
      (
        await world.editor.client.post(documentsPath(world), {
          title: 'x',
          kind: 'note',
          language: 'xx',
        })
      ).status,
    ).toBe(400);
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
