/**
 * Contract: named versions. Stored with their Yjs state and text, listed newest first without
 * them, read back as exact copies, refused for a missing document, and purged with it.
 */
import { describe, expect, it } from 'vitest';
import { NotFoundError } from '../../../server/errors';
import { buildDocument, buildUser, buildWorkspace } from '../../helpers/factories';
import type { GetStorage } from '../contract';
import { expectRejection, MISSING_ID, tick } from './helpers';

/** Registers the versions tests. */
export function describeVersionsContract(getStorage: GetStorage): void {
  const aDocument = async () => {
    const storage = getStorage();
    const author = await buildUser(storage);
    const workspace = await buildWorkspace(storage, { owner: author });
    const document = await buildDocument(storage, { workspace, createdBy: author });
    return { storage, author, workspace, document };
  };

  describe('versions', () => {
    it('stores a version and reads back an exact copy of its state and text', async () => {
      const { storage, author, document } = await aDocument();
      const state = new Uint8Array([1, 2, 3, 0, 255]);
      const created = await storage.createVersion({
        documentId: document.id,
        label: 'Before the review',
        authorId: author.id,
        state,
        plainText: 'Housing first',
      });
      expect(created).toMatchObject({
        documentId: document.id,
        label: 'Before the review',
        authorId: author.id,
        stateBytes: 5,
      });
      expect(created.createdAt).toBeInstanceOf(Date);
      state[0] = 9; // the caller's array changing later changes nothing stored
      const read = await storage.getVersion({ id: created.id });
      expect(read?.state).toEqual(new Uint8Array([1, 2, 3, 0, 255]));
      expect(read?.plainText).toBe('Housing first');
      expect(read).toMatchObject({ id: created.id, label: 'Before the review', stateBytes: 5 });
      expect(await storage.getVersion({ id: MISSING_ID })).toBeNull();
    });

    it('lists a document’s versions newest first, without state, and only its own', async () => {
      const { storage, author, workspace, document } = await aDocument();
      const other = await buildDocument(storage, { workspace, createdBy: author });
      const take = (documentId: string, label: string) =>
        storage.createVersion({
          documentId,
          label,
          authorId: null,
          state: new Uint8Array([1]),
          plainText: '',
        });
      await take(document.id, 'first');
      await tick();
      await take(other.id, 'elsewhere');
      await tick();
      await take(document.id, 'second');
      const list = await storage.listVersions({ documentId: document.id });
      expect(list.map((v) => v.label)).toEqual(['second', 'first']);
      expect(list[0]).not.toHaveProperty('state');
      expect(list[0]).not.toHaveProperty('plainText');
      expect(list[0]!.authorId).toBeNull();
      expect(await storage.listVersions({ documentId: document.id, limit: 1 })).toHaveLength(1);
      expect(await storage.listVersions({ documentId: document.id, limit: 0 })).toEqual([]);
      expect(await storage.listVersions({ documentId: MISSING_ID })).toEqual([]);
    });

    it('refuses a version of a missing document and goes with a purged one', async () => {
      const { storage, document } = await aDocument();
      await expectRejection(
        storage.createVersion({
          documentId: MISSING_ID,
          label: 'x',
          authorId: null,
          state: new Uint8Array([1]),
          plainText: '',
        }),
        NotFoundError,
        'reference_not_found',
      );
      const version = await storage.createVersion({
        documentId: document.id,
        label: 'kept until purge',
        authorId: null,
        state: new Uint8Array([1]),
        plainText: '',
      });
      await storage.purgeDocument({ id: document.id });
      expect(await storage.getVersion({ id: version.id })).toBeNull();
      expect(await storage.listVersions({ documentId: document.id })).toEqual([]);
    });
  });
}
