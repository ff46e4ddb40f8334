/**
 * Contract: full-text search at the port (SQLite FTS5; MongoDB folded words ranked by its text
 * index). The index follows every write that changes what is searched, accents and case fold,
 * a word's beginning matches, every word must match (not the phrase), comments are searched,
 * and a scope finds, counts and facets only what it may read.
 */
import { describe, expect, it } from 'vitest';
import { searchTerms } from '../../../server/search/terms';
import type { SearchScope } from '../../../server/storage/types';
import {
  buildDocument,
  buildOrganization,
  buildUser,
  buildWorkspace,
} from '../../helpers/factories';
import type { GetStorage, StorageCapabilities } from '../contract';

/** Registers the search tests. */
export function describeSearchContract(
  getStorage: GetStorage,
  capabilities: StorageCapabilities,
): void {
  describe('search', () => {
    const find = async (q: string, scope: SearchScope = { kind: 'all' }): Promise<string[]> =>
      (await getStorage().searchDocuments({ terms: searchTerms(q), scope, limit: 10 })).hits.map(
        (hit) => hit.document.title,
      );

    it('follows title, text, city (renamed, deleted), policy areas, trash and purge', async () => {
      const storage = getStorage();
      const author = await buildUser(storage);
      const workspace = await buildWorkspace(storage, { owner: author });
      const city = await buildOrganization(storage, { name: 'Bologna' });
      const document = await buildDocument(storage, {
        workspace,
        createdBy: author,
        title: 'Alpha',
      });
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
      expect(await find('bologna')).toEqual(['Beta']);
      expect(await find('entrepreneurship')).toEqual(['Beta']);
      await storage.updateOrganization({ id: city.id, patch: { name: 'Bolzano' } });
      expect(await find('bologna')).toEqual([]);
      expect(await find('bolzano')).toEqual(['Beta']);
      await storage.deleteOrganization({ id: city.id });
      expect(await find('bolzano')).toEqual([]);
      await storage.updateDocument({ id: document.id, patch: { deletedAt: new Date() } });
      expect(await find('beta')).toEqual([]);
      await storage.updateDocument({ id: document.id, patch: { deletedAt: null } });
      expect(await find('beta')).toEqual(['Beta']);
      await storage.purgeDocument({ id: document.id });
      expect(await find('beta')).toEqual([]);
    });

    it('folds accents and case both ways, and matches the beginning of a word', async () => {
      const storage = getStorage();
      const author = await buildUser(storage);
      const workspace = await buildWorkspace(storage, { owner: author });
      const document = await buildDocument(storage, {
        workspace,
        createdBy: author,
        title: 'Länder coordination',
      });
      await storage.updateDocument({
        id: document.id,
        patch: { plainText: 'Die Länder koordinieren Integrationskurse für Geflüchtete.' },
      });
      for (const q of ['Lander', 'LÄNDER', 'länder', 'land', 'integrationsk', 'GEFLUCHTETE']) {
        expect(await find(q), q).toEqual(['Länder coordination']);
      }
      // A prefix is a word's beginning, not any part of it.
      expect(await find('ander')).toEqual([]);
      expect(await find('kurse')).toEqual([]);
    });

    it('searches the text of comments, and forgets a comment edited or deleted away', async () => {
      const storage = getStorage();
      const author = await buildUser(storage);
      const workspace = await buildWorkspace(storage, { owner: author });
      const document = await buildDocument(storage, {
        workspace,
        createdBy: author,
        title: 'Gamma',
      });
      const thread = await storage.createThread({
        documentId: document.id,
        authorId: author.id,
        quote: 'q',
        anchorStart: 'a',
        anchorEnd: 'b',
      });
      const comment = await storage.createComment({
        threadId: thread.id,
        authorId: author.id,
        body: 'Ask the Ombudsstelle',
        mentions: [],
      });
      expect(await find('ombudsst')).toEqual(['Gamma']);
      await storage.updateComment({ id: comment.id, body: 'Ask the mayor', mentions: [] });
      expect(await find('ombudsstelle')).toEqual([]);
      expect(await find('mayor')).toEqual(['Gamma']);
      await storage.deleteComment({ id: comment.id });
      expect(await find('mayor')).toEqual([]);
    });

    // MongoDB ranks complete words with `$text`, which the emulator (mongomock) cannot run.
    it.skipIf(!capabilities.hasTextSearch)(
      'needs every word, anywhere and in any order, not the phrase; ranks title hits first',
      async () => {
        const storage = getStorage();
        const author = await buildUser(storage);
        const workspace = await buildWorkspace(storage, { owner: author });
        const inText = await buildDocument(storage, {
          workspace,
          createdBy: author,
          title: 'Housing notes',
        });
        await storage.updateDocument({
          id: inText.id,
          patch: { plainText: 'A note on allocation and mediation between landlords.' },
        });
        await buildDocument(storage, {
          workspace,
          createdBy: author,
          title: 'Allocation mediation guideline',
        });
        await buildDocument(storage, { workspace, createdBy: author, title: 'Allocation only' });
        const both = ['Allocation mediation guideline', 'Housing notes'];
        expect(await find('mediation allocation')).toEqual(both);
        expect(await find('allocation medi')).toEqual(both);
        expect(await find('allocation zebra')).toEqual([]);
      },
    );

    it('finds, counts and facets only the documents the scope may read', async () => {
      const storage = getStorage();
      const member = await buildUser(storage);
      const stranger = await buildUser(storage);
      const mine = await buildWorkspace(storage, { owner: member });
      const theirs = await buildWorkspace(storage, { owner: stranger });
      const city = await buildOrganization(storage, { name: 'Stuttgart' });
      await buildDocument(storage, {
        workspace: mine,
        createdBy: member,
        title: 'Zanzibar open',
        kind: 'guideline',
      });
      await buildDocument(storage, {
        workspace: theirs,
        createdBy: stranger,
        title: 'Zanzibar secret',
        kind: 'case-study',
        cityId: city.id,
        policyAreas: ['housing'],
      });
      const scoped = await storage.searchDocuments({
        terms: ['zanzibar'],
        scope: { kind: 'member', userId: member.id },
        limit: 10,
      });
      expect(scoped.hits.map((hit) => hit.document.title)).toEqual(['Zanzibar open']);
      expect(scoped.total).toBe(1);
      expect(scoped.facets).toEqual({
        kind: [{ value: 'guideline', count: 1 }],
        status: [{ value: 'draft', count: 1 }],
        policyArea: [],
        city: [],
      });
      const all = await storage.searchDocuments({
        terms: ['zanzibar'],
        scope: { kind: 'all' },
        filter: { kind: 'case-study' },
        limit: 10,
      });
      expect(all.hits.map((hit) => hit.document.title)).toEqual(['Zanzibar secret']);
      expect(all.facets.city).toEqual([{ value: city.id, count: 1 }]);
      expect(all.facets.policyArea).toEqual([{ value: 'housing', count: 1 }]);
      const stray = await storage.searchDocuments({
        terms: ['zanzibar'],
        scope: { kind: 'member', userId: 'no-such-user' },
        limit: 10,
      });
      expect(stray.total).toBe(0);
    });
  });
}
