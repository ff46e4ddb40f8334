/**
 * SQLite search (FTS5, migration 6) at the storage port: the index follows every write that
 * changes what is searched (title, text, city and its renaming, policy areas, purge), and the
 * match expression quotes every term. (MongoDB's search is unit-tested by its query builder in
 * `mongoSearchQuery.test.ts`: the MongoDB emulator used in CI cannot run `$text`.)
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { searchTerms } from '../../server/search/terms';
import { createSqliteStorage } from '../../server/storage/sqlite';
import { ftsMatchExpression } from '../../server/storage/sqlite/search';
import type { Storage } from '../../server/storage/types';
import { buildDocument, buildOrganization, buildUser, buildWorkspace } from '../helpers/factories';

let dir: string;
let storage: Storage;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'clip-search-'));
  storage = await createSqliteStorage({ filename: path.join(dir, 'clip.sqlite') });
});
afterEach(async () => {
  await storage.close();
  await rm(dir, { recursive: true, force: true });
});

const find = async (q: string): Promise<string[]> =>
  (
    await storage.searchDocuments({ terms: searchTerms(q), scope: { kind: 'all' }, limit: 10 })
  ).hits.map((hit) => hit.document.title);

describe('sqlite search index', () => {
  it('follows title, text, city (and its renaming), policy areas and purge', async () => {
    const author = await buildUser(storage);
    const workspace = await buildWorkspace(storage, { owner: author });
    const city = await buildOrganization(storage, { name: 'Bologna' });
    const document = await buildDocument(storage, { workspace, createdBy: author, title: 'Alpha' });
    expect(await find('alpha')).toEqual(['Alpha']);
    await storage.updateDocument({ id: document.id, patch: { title: 'Beta' } });
    expect(await find('alpha')).toEqual([]);
    expect(await find('beta')).toEqual(['Beta']);
    await storage.updateDocument({ id: document.id, patch: { plainText: 'Wohnungsmarkt' } });
    expect(await find('wohnung')).toEqual(['Beta']);
    await storage.updateDocument({
      id: document.id,
      patch: { cityId: city.id, policyAreas: ['ethnic-entrepreneurship'] },
    });
    expect(await find('bologna entrepreneurship')).toEqual(['Beta']);
    await storage.updateOrganization({ id: city.id, patch: { name: 'Bolzano' } });
    expect(await find('bologna')).toEqual([]);
    expect(await find('bolzano')).toEqual(['Beta']);
    await storage.purgeDocument({ id: document.id });
    expect(await find('beta')).toEqual([]);
  });

  it('quotes every term with a prefix star, doubling quotes', () => {
    expect(ftsMatchExpression(['allocation', 'medi'])).toBe('"allocation"* "medi"*');
    expect(ftsMatchExpression(['a"b'])).toBe('"a""b"*');
    expect(searchTerms('c\'est AND NEAR( " x* title:y')).toEqual([
      'c',
      'est',
      'AND',
      'NEAR',
      'x',
      'title',
      'y',
    ]);
    expect(searchTerms('Länder länder LANDER')).toEqual(['Länder']);
    expect(searchTerms('')).toEqual([]);
  });
});
