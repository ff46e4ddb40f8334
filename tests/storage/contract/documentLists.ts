/**
 * Contract: what document lists return. Lists read no plain text (it can be ~1 MB a
 * document), and the dashboard's recent documents come from one query over every
 * workspace the user is a member of.
 */
import { describe, expect, it } from 'vitest';
import type { DocumentRecord } from '../../../server/storage/types';
import { buildDocument, buildMembership, buildUser, buildWorkspace } from '../../helpers/factories';
import type { GetStorage } from '../contract';
import { tick } from './helpers';

/** The record as lists return it: every field but the plain text (not even as a key). */
function withoutPlainText(record: DocumentRecord | null): Omit<DocumentRecord, 'plainText'> {
  if (!record) throw new Error('expected a document');
  const { plainText: _plainText, ...summary } = record;
  return summary;
}

/** Registers the list tests. */
export function describeDocumentListsContract(getStorage: GetStorage): void {
  describe('document lists', () => {
    it('list documents with their derived fields but without the plain text', async () => {
      const storage = getStorage();
      const author = await buildUser(storage);
      const workspace = await buildWorkspace(storage, { owner: author });
      const document = await buildDocument(storage, { workspace, createdBy: author });
      await storage.updateDocument({
        id: document.id,
        patch: {
          plainText: 'Migration and housing in Lisbon',
          outline: [{ level: 1, text: 'Lisbon' }],
          wordCount: 5,
          lastEditorIds: [author.id],
          contentUpdatedAt: new Date(),
        },
      });
      const stored = withoutPlainText(await storage.getDocument({ id: document.id }));
      // The text filter still searches the plain text it does not return.
      const found = await storage.listDocuments({ filter: { text: 'housing in lisbon' } });
      expect(found).toStrictEqual([stored]);
      expect(await storage.listDocuments({ filter: { workspaceId: workspace.id } })).toStrictEqual([
        stored,
      ]);
      expect(await storage.listRecentDocuments({ userId: author.id, limit: 5 })).toStrictEqual([
        stored,
      ]);
    });

    it("lists a user's recent documents across their workspaces, newest first", async () => {
      const storage = getStorage();
      const reader = await buildUser(storage);
      const other = await buildUser(storage);
      const own = await buildWorkspace(storage, { owner: reader });
      const joined = await buildWorkspace(storage, { owner: other });
      const foreign = await buildWorkspace(storage, { owner: other });
      await buildMembership(storage, { workspace: joined, user: reader, role: 'viewer' });

      const first = await buildDocument(storage, { workspace: own, createdBy: reader });
      await tick();
      const second = await buildDocument(storage, { workspace: joined, createdBy: other });
      await tick();
      await buildDocument(storage, { workspace: foreign, createdBy: other });
      const trashed = await buildDocument(storage, { workspace: joined, createdBy: other });
      await storage.updateDocument({
        id: trashed.id,
        patch: { deletedAt: new Date(), deletedById: other.id },
      });
      await tick();
      // An update moves a document to the top.
      await storage.updateDocument({ id: first.id, patch: { title: 'Edited last' } });

      const ids = async (limit: number) =>
        (await storage.listRecentDocuments({ userId: reader.id, limit })).map((doc) => doc.id);
      expect(await ids(10)).toEqual([first.id, second.id]);
      expect(await ids(1)).toEqual([first.id]);
      expect(await ids(0)).toEqual([]);
    });

    it('lists no recent documents for a user without workspaces', async () => {
      const storage = getStorage();
      const owner = await buildUser(storage);
      const loner = await buildUser(storage);
      const workspace = await buildWorkspace(storage, { owner });
      await buildDocument(storage, { workspace, createdBy: owner });
      expect(await storage.listRecentDocuments({ userId: loner.id, limit: 10 })).toEqual([]);
      expect(await storage.listRecentDocuments({ userId: 'no-such-id-0000', limit: 10 })).toEqual(
        [],
      );
    });
  });
}
