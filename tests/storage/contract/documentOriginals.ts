/**
 * Contract: a document's original file (an import's upload, kept on request). Stored once per
 * document, read back byte for byte (the summary without its bytes), refused for a missing
 * document or a second time, and gone when the document is purged.
 */
import { describe, expect, it } from 'vitest';
import { ConflictError, NotFoundError } from '../../../server/errors';
import { buildDocument, buildUser, buildWorkspace } from '../../helpers/factories';
import type { GetStorage } from '../contract';
import { expectRejection, MISSING_ID } from './helpers';

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Registers the original-file tests. */
export function describeDocumentOriginalsContract(getStorage: GetStorage): void {
  const aDocument = async () => {
    const storage = getStorage();
    const author = await buildUser(storage);
    const workspace = await buildWorkspace(storage, { owner: author });
    const document = await buildDocument(storage, { workspace, createdBy: author });
    return { storage, author, workspace, document };
  };

  describe('document originals', () => {
    it('keeps an exact copy of the file and answers its summary without the bytes', async () => {
      const { storage, author, document } = await aDocument();
      // Every byte value, zeros included: the engines must not treat it as text.
      const bytes = new Uint8Array(300).map((_, index) => index % 256);
      const stored = await storage.storeDocumentOriginal({
        documentId: document.id,
        name: 'Bologna – case study.docx',
        contentType: DOCX_TYPE,
        bytes,
        createdById: author.id,
      });
      const expected = {
        documentId: document.id,
        name: 'Bologna – case study.docx',
        contentType: DOCX_TYPE,
        size: 300,
        createdById: author.id,
      };
      expect(stored).toMatchObject(expected);
      expect(stored.createdAt).toBeInstanceOf(Date);
      bytes[0] = 99; // the caller's array changing later changes nothing stored

      const summary = await storage.getDocumentOriginalSummary({ documentId: document.id });
      expect(summary).toMatchObject(expected);
      expect(summary).not.toHaveProperty('bytes');
      const original = await storage.getDocumentOriginal({ documentId: document.id });
      expect(original).toMatchObject(expected);
      expect(original?.bytes).toEqual(new Uint8Array(300).map((_, index) => index % 256));
      expect(original?.createdAt.getTime()).toBe(stored.createdAt.getTime());
    });

    it('answers null for a document without one, and for a missing document', async () => {
      const { storage, workspace, author } = await aDocument();
      const other = await buildDocument(storage, { workspace, createdBy: author });
      expect(await storage.getDocumentOriginalSummary({ documentId: other.id })).toBeNull();
      expect(await storage.getDocumentOriginal({ documentId: other.id })).toBeNull();
      expect(await storage.getDocumentOriginal({ documentId: MISSING_ID })).toBeNull();
      expect(await storage.getDocumentOriginalSummary({ documentId: MISSING_ID })).toBeNull();
    });

    it('refuses a missing document and a second original for one document', async () => {
      const { storage, author, document } = await aDocument();
      const keep = (documentId: string, name: string) =>
        storage.storeDocumentOriginal({
          documentId,
          name,
          contentType: 'text/markdown; charset=utf-8',
          bytes: new TextEncoder().encode('# Title'),
          createdById: author.id,
        });
      await expectRejection(keep(MISSING_ID, 'a.md'), NotFoundError, 'reference_not_found');
      await keep(document.id, 'first.md');
      await expectRejection(keep(document.id, 'second.md'), ConflictError, 'conflict');
      const kept = await storage.getDocumentOriginalSummary({ documentId: document.id });
      expect(kept?.name).toBe('first.md');
    });

    it('goes with its document when the document is purged', async () => {
      const { storage, author, workspace, document } = await aDocument();
      const other = await buildDocument(storage, { workspace, createdBy: author });
      for (const { id } of [document, other]) {
        await storage.storeDocumentOriginal({
          documentId: id,
          name: 'case.md',
          contentType: 'text/markdown; charset=utf-8',
          bytes: new Uint8Array([35, 32, 65]),
          createdById: author.id,
        });
      }
      await storage.purgeDocument({ id: document.id });
      expect(await storage.getDocumentOriginal({ documentId: document.id })).toBeNull();
      expect(await storage.getDocumentOriginalSummary({ documentId: document.id })).toBeNull();
      // Only the purged document's file went.
      expect(await storage.getDocumentOriginal({ documentId: other.id })).not.toBeNull();
    });
  });
}
