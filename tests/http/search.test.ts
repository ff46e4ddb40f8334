/**
 * `GET /api/search` through the real app over SQLite FTS5: ranking (title first), all words
 * (not the phrase), accents and case folded, prefixes while typing, snippets with highlight
 * ranges, facets, and permissions: nobody finds, counts or quotes what they cannot read.
 * Operator input never breaks a query.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchAnswerDto } from '../../shared/api/search';
import { buildOrganization } from '../helpers/factories';
import {
  createApiClient,
  registerWithInvitation,
  signUpAdmin,
  startTestServer,
  type ApiClient,
  type SignedUpUser,
  type TestServer,
} from '../helpers/server';

let server: TestServer;
let admin: SignedUpUser;
let reader: SignedUpUser;
let outsider: SignedUpUser;
const ids: Record<string, string> = {};

async function createDocument(
  api: ApiClient,
  workspaceId: string,
  input: { key: string; title: string; text: string; kind?: string },
): Promise<void> {
  const created = await api.post<{ document: { id: string } }>(
    `/api/workspaces/${workspaceId}/documents`,
    { title: input.title, kind: input.kind ?? 'note' },
  );
  expect(created.status).toBe(201);
  const id = created.body.document.id;
  ids[input.key] = id;
  // The derived plain text, as the collab server writes it after edits.
  await server.storage.updateDocument({ id, patch: { plainText: input.text } });
}

async function search(api: ApiClient, q: string, extra = ''): Promise<SearchAnswerDto> {
  const answer = await api.get<SearchAnswerDto>(`/api/search?q=${encodeURIComponent(q)}${extra}`);
  expect(answer.status).toBe(200);
  return answer.body;
}

const keysOf = (answer: SearchAnswerDto): string[] =>
  answer.results.map((r) => Object.keys(ids).find((key) => ids[key] === r.document.id) ?? '?');

beforeAll(async () => {
  server = await startTestServer();
  admin = await signUpAdmin(createApiClient(server.url));
  const shared = await admin.client.post<{ workspace: { id: string } }>('/api/workspaces', {
    name: 'Housing and integration',
  });
  const hidden = await admin.client.post<{ workspace: { id: string } }>('/api/workspaces', {
    name: 'Confidential module',
  });
  const invite = async (workspaceId: string, email: string, role: string) => {
    const invited = await admin.client.post<{ invitation: { token: string } }>(
      `/api/workspaces/${workspaceId}/members`,
      { email, role },
    );
    return registerWithInvitation({
      baseUrl: server.url,
      token: invited.body.invitation.token,
      email,
    });
  };
  reader = await invite(shared.body.workspace.id, 'reader@example.test', 'viewer');
  outsider = await invite(hidden.body.workspace.id, 'outsider@example.test', 'owner');
  const w = shared.body.workspace.id;
  await createDocument(admin.client, w, {
    key: 'titleHit',
    title: 'Allocation mediation guideline',
    text: 'How cities assign social housing.',
    kind: 'guideline',
  });
  await createDocument(admin.client, w, {
    key: 'bodyHit',
    title: 'Housing notes',
    text: 'A note on allocation and mediation between landlords and tenants.',
  });
  await createDocument(admin.client, w, {
    key: 'laender',
    title: 'Länder coordination',
    text: 'The federal Länder coordinate integration courses. C’est la vie.',
  });
  await createDocument(admin.client, w, {
    key: 'trashed',
    title: 'Allocation mediation draft (trashed)',
    text: 'allocation mediation',
  });
  expect((await admin.client.delete(`/api/documents/${ids.trashed}`)).status).toBe(204);
  const stuttgart = await buildOrganization(server.storage, { name: 'Stuttgart' });
  await createDocument(admin.client, w, {
    key: 'city',
    title: 'Case study',
    text: 'Welcome centres.',
    kind: 'case-study',
  });
  await server.storage.updateDocument({
    id: ids.city!,
    patch: { cityId: stuttgart.id, policyAreas: ['housing', 'intercultural-relations'] },
  });
  await createDocument(outsider.client, hidden.body.workspace.id, {
    key: 'secret',
    title: 'Allocation mediation secret plan',
    text: 'Zanzibar allocation mediation budget.',
  });
});

afterAll(async () => {
  await server?.close();
});

describe('search', () => {
  it('matches all words anywhere (not the phrase), title hits first, prefixes while typing', async () => {
    const answer = await search(reader.client, 'mediation allocation');
    expect(keysOf(answer)).toEqual(['titleHit', 'bodyHit']);
    expect(answer.total).toBe(2);
    expect(keysOf(await search(reader.client, 'alloc medi'))).toEqual(['titleHit', 'bodyHit']);
    expect(keysOf(await search(reader.client, 'allocation zebra'))).toEqual([]);
  });

  it('folds accents and case both ways', async () => {
    expect(keysOf(await search(reader.client, 'Lander'))).toEqual(['laender']);
    expect(keysOf(await search(reader.client, 'LÄNDER coord'))).toEqual(['laender']);
    expect(keysOf(await search(reader.client, 'cest'))).toEqual([]);
    expect(keysOf(await search(reader.client, "c'est"))).toEqual(['laender']);
  });

  it('finds by city name and policy area, with facets over every match', async () => {
    expect(keysOf(await search(reader.client, 'stuttg'))).toEqual(['city']);
    expect(keysOf(await search(reader.client, 'intercultural'))).toEqual(['city']);
    const housing = await search(reader.client, 'housing');
    expect(keysOf(housing).sort()).toEqual(['bodyHit', 'city', 'titleHit']);
    expect(housing.facets.kind).toEqual([
      { value: 'case-study', count: 1 },
      { value: 'guideline', count: 1 },
      { value: 'note', count: 1 },
    ]);
    expect(housing.facets.policyArea).toContainEqual({ value: 'housing', count: 1 });
    const narrowed = await search(reader.client, 'housing', '&kind=guideline');
    expect(keysOf(narrowed)).toEqual(['titleHit']);
    expect(narrowed.total).toBe(1);
  });

  it('sends plain-text snippets with the matched words’ ranges', async () => {
    const [hit] = (await search(reader.client, 'landl')).results;
    expect(hit).toBeDefined();
    const marked = hit!.highlights.map((h) => hit!.snippet.slice(h.start, h.end));
    expect(marked).toEqual(['landlords']);
    expect(hit!.snippet).toContain('between landlords and tenants');
    expect(hit!.snippet).not.toMatch(/[<>\uE000\uE001]/);
  });

  it('never shows what the caller cannot read: results, snippets, counts and facets', async () => {
    for (const q of ['zanzibar', 'secret plan', 'allocation mediation']) {
      const answer = await search(reader.client, q);
      expect(keysOf(answer)).not.toContain('secret');
      expect(JSON.stringify(answer)).not.toMatch(/zanzibar|secret/i);
    }
    const none = await search(reader.client, 'zanzibar');
    expect(none.total).toBe(0);
    expect(none.facets).toEqual({ kind: [], status: [], policyArea: [], city: [] });
    // Its member finds it; the network admin reads everything; the trash is nobody's result.
    expect(keysOf(await search(outsider.client, 'zanzibar'))).toEqual(['secret']);
    expect(keysOf(await search(outsider.client, 'housing'))).toEqual([]);
    expect(keysOf(await search(admin.client, 'zanzibar'))).toEqual(['secret']);
    expect(keysOf(await search(admin.client, 'trashed'))).toEqual([]);
    expect((await createApiClient(server.url).get('/api/search?q=housing')).status).toBe(401);
  });

  it('treats operators, quotes and stray symbols as words, never as syntax', async () => {
    const inputs = [
      '"',
      'AND',
      'NEAR(',
      'OR',
      'NOT housing',
      'housing OR zebra',
      'title:housing',
      '*',
      '^housing',
      '-housing',
      'housing"',
      '""""',
      '(housing',
      "c'est",
      '\\',
      '🙂',
      '',
      '   ',
      'a'.repeat(400),
    ];
    for (const q of inputs) {
      const answer = await admin.client.get<SearchAnswerDto>(
        `/api/search?q=${encodeURIComponent(q)}`,
      );
      expect(answer.status, q).toBe(200);
    }
    // `housing OR zebra` means both words: nothing has zebra.
    expect(keysOf(await search(reader.client, 'housing OR zebra'))).toEqual([]);
    // `NOT` is a word too (here the beginning of "note"), not a negation.
    expect(keysOf(await search(reader.client, 'NOT housing'))).toEqual(['bodyHit']);
    expect(keysOf(await search(reader.client, 'title:housing')).length).toBe(0);
    const tooLong = await reader.client.get(`/api/search?q=${'x'.repeat(501)}`);
    expect(tooLong.status).toBe(400);
    const badFacet = await reader.client.get('/api/search?q=housing&kind=novel');
    expect(badFacet.status).toBe(400);
  });
});
