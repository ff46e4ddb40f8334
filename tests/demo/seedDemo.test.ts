import { afterEach, describe, expect, it } from 'vitest';
import type { DocumentDto, UserDto, WorkspaceDto } from '../../shared/api/entities';
import { seedDemo } from '../../server/demo/seedDemo';
import { buildOrganization } from '../helpers/factories';
import { createApiClient, startTestServer, type TestServer } from '../helpers/server';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('demo seed', () => {
  it('fills an empty database with the CLIP network, usable through the API', async () => {
    server = await startTestServer();
    const result = await seedDemo({ storage: server.storage });
    if (!result.isSeeded) throw new Error(result.reason);
    expect(result.credentials.map((c) => c.email)).toEqual([
      'coordinator@clip-demo.example',
      'm.schneider@stuttgart.clip-demo.example',
      'g.rossi@bologna.clip-demo.example',
      'j.becker@efms.clip-demo.example',
    ]);
    expect(new Set(result.credentials.map((c) => c.password)).size).toBe(4);
    const cities = await server.storage.listOrganizations({ type: 'city' });
    expect(cities.map((c) => c.name)).toEqual(
      expect.arrayContaining([
        'City of Stuttgart',
        'City of Bologna',
        'City of Vienna',
        'City of Liège',
      ]),
    );
    expect(await server.storage.listOrganizations({ type: 'research' })).toHaveLength(5);

    const [coordinator, , bologna] = result.credentials;
    const admin = createApiClient(server.url);
    const login = await admin.post<{ user: UserDto }>('/api/auth/login', {
      email: coordinator!.email,
      password: coordinator!.password,
    });
    expect(login.status).toBe(200);
    expect(login.body.user.role).toBe('admin');

    const official = createApiClient(server.url);
    expect(
      (
        await official.post('/api/auth/login', {
          email: bologna!.email,
          password: bologna!.password,
        })
      ).status,
    ).toBe(200);
    const { workspaces } = (await official.get<{ workspaces: WorkspaceDto[] }>('/api/workspaces'))
      .body;
    expect(workspaces.map((w) => [w.name, w.role])).toEqual([
      ['Housing and integration', 'reviewer'],
    ]);
    const listed = await official.get<{ documents: DocumentDto[] }>(
      `/api/workspaces/${workspaces[0]!.id}/documents`,
    );
    const documents = listed.body.documents;
    expect(documents.map((d) => [d.kind, d.status]).sort()).toEqual([
      ['case-study', 'draft'],
      ['case-study', 'in-review'],
      ['guideline', 'draft'],
    ]);
    const stuttgart = documents.find((d) => d.status === 'in-review');
    expect(stuttgart?.cityId).toBe(cities.find((c) => c.name === 'City of Stuttgart')?.id);
    expect(stuttgart?.outline.map((h) => h.text)).toContain('Role of stakeholders');
    for (const document of documents)
      expect(document.wordCount, document.title).toBeGreaterThan(200);
    const search = await official.get<{ documents: DocumentDto[] }>(
      `/api/workspaces/${workspaces[0]!.id}/documents?q=social%20rental%20agency`,
    );
    expect(search.body.documents.map((d) => d.title).sort()).toEqual([
      'Bologna: social rental agency and support for newcomers',
      'Housing and integration of migrants: guidance for cities (draft)',
    ]);
  });

  it('refuses a database that already has accounts or organisations, changing nothing', async () => {
    server = await startTestServer();
    const first = await seedDemo({ storage: server.storage });
    expect(first.isSeeded).toBe(true);
    const again = await seedDemo({ storage: server.storage });
    expect(again).toEqual({ isSeeded: false, reason: 'the database already has 4 account(s)' });
    expect(await server.storage.countUsers()).toBe(4);
    await server.close();

    server = await startTestServer();
    await buildOrganization(server.storage, { name: 'Somewhere' });
    const refused = await seedDemo({ storage: server.storage });
    expect(refused.isSeeded).toBe(false);
    expect(await server.storage.countUsers()).toBe(0);
    expect(await server.storage.listOrganizations({})).toHaveLength(1);
  });
});
