/** Contract: every filter of `listDocuments`, alone and combined. */
import { beforeEach, describe, expect, it } from 'vitest';
import type { DocumentFilter, DocumentRecord, Storage } from '../../../server/storage/types';
import {
  buildDocument,
  buildOrganization,
  buildUser,
  buildWorkspace,
} from '../../helpers/factories';
import type { GetStorage } from '../contract';

/** Registers the document-filter tests on one shared fixture per test. */
export function describeDocumentFilterContract(getStorage: GetStorage): void {
  describe('document filters', () => {
    let storage: Storage;
    let docs: Record<
      'guideline' | 'stuttgart' | 'bologna' | 'minutes' | 'trashed' | 'elsewhere',
      DocumentRecord
    >;
    let ids: { workspace: string; other: string; stuttgart: string; bologna: string };

    beforeEach(async () => {
      storage = getStorage();
      const author = await buildUser(storage);
      const workspace = await buildWorkspace(storage, { owner: author });
      const other = await buildWorkspace(storage, { owner: author });
      const stuttgart = await buildOrganization(storage, { name: 'Stuttgart' });
      const bologna = await buildOrganization(storage, { name: 'Bologna', country: 'IT' });
      ids = {
        workspace: workspace.id,
        other: other.id,
        stuttgart: stuttgart.id,
        bologna: bologna.id,
      };
      const build = (input: Omit<Parameters<typeof buildDocument>[1], 'workspace' | 'createdBy'>) =>
        buildDocument(storage, { workspace, createdBy: author, ...input });
      docs = {
        guideline: await build({
          title: 'Guideline on Housing',
          kind: 'guideline',
          policyAreas: ['housing'],
        }),
        stuttgart: await build({
          title: 'Stuttgart case study',
          kind: 'case-study',
          cityId: stuttgart.id,
          policyAreas: ['housing', 'intercultural-relations'],
        }),
        bologna: await build({
          title: 'Bologna case study',
          kind: 'case-study',
          cityId: bologna.id,
          policyAreas: ['ethnic-entrepreneurship'],
        }),
        minutes: await build({ title: 'Peer review 100% [draft] (a.b*)', kind: 'minutes' }),
        trashed: await build({ title: 'Old housing note', kind: 'note', policyAreas: ['housing'] }),
        elsewhere: await buildDocument(storage, {
          workspace: other,
          createdBy: author,
          title: 'Elsewhere',
        }),
      };
      await storage.updateDocument({
        id: docs.stuttgart.id,
        patch: { status: 'published', plainText: 'Der Wohnungsmarkt in Zürich und STUTTGART' },
      });
      await storage.updateDocument({
        id: docs.trashed.id,
        patch: { deletedAt: new Date(), deletedById: author.id },
      });
    });

    const titles = async (filter: DocumentFilter): Promise<string[]> =>
      (await storage.listDocuments({ filter })).map((d) => d.title).sort();
    const titleOf = (key: keyof typeof docs): string => docs[key].title;

    it('by workspace, hiding trashed documents by default', async () => {
      expect(await titles({ workspaceId: ids.workspace })).toEqual(
        [titleOf('guideline'), titleOf('stuttgart'), titleOf('bologna'), titleOf('minutes')].sort(),
      );
      expect(await titles({ workspaceId: ids.other })).toEqual([titleOf('elsewhere')]);
    });

    it('by trash state', async () => {
      expect(await titles({ workspaceId: ids.workspace, trash: 'trashed' })).toEqual([
        titleOf('trashed'),
      ]);
      expect(await titles({ workspaceId: ids.workspace, trash: 'all' })).toHaveLength(5);
      expect(await titles({ trash: 'active' })).toHaveLength(5);
    });

    it('by trashed before a moment (the purge): trashed ones only, strictly before', async () => {
      const trashedAt = (await storage.getDocument({ id: docs.trashed.id }))!.deletedAt!;
      const after = new Date(trashedAt.getTime() + 1);
      expect(await titles({ trash: 'trashed', trashedBefore: after })).toEqual([
        titleOf('trashed'),
      ]);
      expect(await titles({ trash: 'trashed', trashedBefore: trashedAt })).toEqual([]);
      // Live documents have no deletedAt: never "trashed before" anything.
      expect(
        await titles({ trash: 'all', trashedBefore: new Date('2100-01-01T00:00:00Z') }),
      ).toEqual([titleOf('trashed')]);
    });

    it('by kind, status and city', async () => {
      expect(await titles({ kind: 'case-study' })).toEqual([
        titleOf('bologna'),
        titleOf('stuttgart'),
      ]);
      expect(await titles({ status: 'published' })).toEqual([titleOf('stuttgart')]);
      expect(await titles({ cityId: ids.bologna })).toEqual([titleOf('bologna')]);
      expect(await titles({ kind: 'case-study', status: 'draft' })).toEqual([titleOf('bologna')]);
    });

    it('by membership of a policy area', async () => {
      expect(await titles({ policyArea: 'housing' })).toEqual([
        titleOf('guideline'),
        titleOf('stuttgart'),
      ]);
      expect(await titles({ policyArea: 'housing', trash: 'all' })).toHaveLength(3);
      expect(await titles({ policyArea: 'equality-diversity' })).toEqual([]);
    });

    it('by text: case-insensitive over title and plain text, including non-ASCII', async () => {
      expect(await titles({ text: 'CASE STUDY' })).toEqual([
        titleOf('bologna'),
        titleOf('stuttgart'),
      ]);
      expect(await titles({ text: 'wohnungsmarkt' })).toEqual([titleOf('stuttgart')]);
      expect(await titles({ text: 'ZÜRICH' })).toEqual([titleOf('stuttgart')]);
      expect(await titles({ text: 'housing', workspaceId: ids.workspace })).toEqual([
        titleOf('guideline'),
      ]);
    });

    it('by text: wildcard and pattern characters are literal', async () => {
      expect(await titles({ text: '100%' })).toEqual([titleOf('minutes')]);
      expect(await titles({ text: '[draft] (a.b*)' })).toEqual([titleOf('minutes')]);
      expect(await titles({ text: '%' })).toEqual([titleOf('minutes')]);
      expect(await titles({ text: '_' })).toEqual([]);
      expect(await titles({ text: '.*' })).toEqual([]);
    });

    it('by text: follows renames and edits of the plain text', async () => {
      await storage.updateDocument({
        id: docs.bologna.id,
        patch: { title: 'Caso di studio: Bologna' },
      });
      expect(await titles({ text: 'caso di STUDIO' })).toEqual(['Caso di studio: Bologna']);
      expect(await titles({ text: 'Bologna case' })).toEqual([]);
      await storage.updateDocument({ id: docs.stuttgart.id, patch: { plainText: 'Neuer Text' } });
      expect(await titles({ text: 'wohnungsmarkt' })).toEqual([]);
      expect(await titles({ text: 'NEUER' })).toEqual([titleOf('stuttgart')]);
    });

    it('returns nothing for an unknown workspace or city', async () => {
      expect(await titles({ workspaceId: 'no-such-workspace' })).toEqual([]);
      expect(await titles({ cityId: 'no-such-city' })).toEqual([]);
    });
  });
}
