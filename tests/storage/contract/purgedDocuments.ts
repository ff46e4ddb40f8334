/**
 * Contract: a purged document's Yjs log behaves the same on every engine. Appending to it
 * or compacting it is refused (`reference_not_found`) and leaves nothing behind; loading
 * it gives an empty state. (Both engines once differed: MongoDB stored orphan updates.)
 */
import { describe, expect, it } from 'vitest';
import { NotFoundError } from '../../../server/errors';
import { buildDocument, buildUser, buildWorkspace } from '../../helpers/factories';
import type { GetStorage } from '../contract';
import { expectRejection, MISSING_ID } from './helpers';

const MISSING = 'reference_not_found';

/** Registers the purged-document tests. */
export function describePurgedDocumentsContract(getStorage: GetStorage): void {
  const purgedDocument = async () => {
    const storage = getStorage();
    const author = await buildUser(storage);
    const workspace = await buildWorkspace(storage, { owner: author });
    const document = await buildDocument(storage, { workspace, createdBy: author });
    await storage.appendDocUpdates({ documentId: document.id, updates: [new Uint8Array([1])] });
    await storage.purgeDocument({ id: document.id });
    return { storage, documentId: document.id };
  };

  describe('a purged document', () => {
    it('refuses appends to its Yjs log and stores nothing', async () => {
      const { storage, documentId } = await purgedDocument();
      await expectRejection(
        storage.appendDocUpdates({ documentId, updates: [new Uint8Array([2])] }),
        NotFoundError,
        MISSING,
      );
      expect(await storage.countDocUpdates({ documentId })).toBe(0);
      expect(await storage.loadDocState({ documentId })).toEqual({ snapshot: null, updates: [] });
    });

    it('refuses a compaction and stores no snapshot', async () => {
      const { storage, documentId } = await purgedDocument();
      await expectRejection(
        storage.compactDoc({ documentId, snapshot: new Uint8Array([9]), upToSeq: 1 }),
        NotFoundError,
        MISSING,
      );
      expect(await storage.loadDocState({ documentId })).toEqual({ snapshot: null, updates: [] });
    });

    it('refuses appends to a document that never existed, as to a purged one', async () => {
      const storage = getStorage();
      await expectRejection(
        storage.appendDocUpdates({ documentId: MISSING_ID, updates: [new Uint8Array([1])] }),
        NotFoundError,
        MISSING,
      );
    });

    it('is gone from lists and cannot be purged twice', async () => {
      const { storage, documentId } = await purgedDocument();
      expect(await storage.getDocument({ id: documentId })).toBeNull();
      expect(await storage.listDocuments({ filter: { trash: 'all' } })).toEqual([]);
      await expectRejection(storage.purgeDocument({ id: documentId }), NotFoundError);
    });
  });
}
