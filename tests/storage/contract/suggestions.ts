/** Contract: suggestion records (author, time, outcome), keyed by the id their marks carry. */
import { describe, expect, it } from 'vitest';
import { ConflictError, NotFoundError } from '../../../server/errors';
import type { Storage } from '../../../server/storage/types';
import { newSuggestionId } from '../../../shared/editor/suggestionId';
import { buildDocument, buildUser, buildWorkspace } from '../../helpers/factories';
import type { GetStorage } from '../contract';
import { expectRejection, MISSING_ID, tick } from './helpers';

async function seed(storage: Storage) {
  const author = await buildUser(storage);
  const workspace = await buildWorkspace(storage, { owner: author });
  const document = await buildDocument(storage, { workspace, createdBy: author });
  return { author, document };
}

/** Registers the suggestion tests. */
export function describeSuggestionsContract(getStorage: GetStorage): void {
  describe('suggestions', () => {
    it('records a suggestion once, under its own id, and lists a document’s oldest first', async () => {
      const storage = getStorage();
      const { author, document } = await seed(storage);
      const id = newSuggestionId(author.id);
      const first = await storage.recordSuggestion({
        id,
        documentId: document.id,
        authorId: author.id,
        kind: 'insert',
        text: 'social ',
      });
      expect(first.isNew).toBe(true);
      expect(first.record).toMatchObject({
        id,
        documentId: document.id,
        authorId: author.id,
        kind: 'insert',
        text: 'social ',
        status: 'open',
        resolvedById: null,
        resolvedAt: null,
      });
      expect(first.record.createdAt).toBeInstanceOf(Date);
      // Seen again (another process, a resent update): the first record stays as it was.
      const again = await storage.recordSuggestion({
        id,
        documentId: document.id,
        authorId: author.id,
        kind: 'delete',
        text: 'other',
      });
      expect(again).toEqual({ record: first.record, isNew: false });
      await tick();
      const second = await storage.recordSuggestion({
        id: newSuggestionId(author.id),
        documentId: document.id,
        authorId: author.id,
        kind: 'delete',
        text: 'in ',
      });
      expect(await storage.getSuggestion({ id })).toEqual(first.record);
      expect(await storage.getSuggestion({ id: MISSING_ID })).toBeNull();
      expect(await storage.listSuggestions({ documentId: document.id })).toEqual([
        first.record,
        second.record,
      ]);
      expect(await storage.listSuggestions({ documentId: MISSING_ID })).toEqual([]);
    });

    it('refuses a suggestion on a missing document or by a missing author', async () => {
      const storage = getStorage();
      const { author, document } = await seed(storage);
      const base = { id: newSuggestionId(author.id), kind: 'insert' as const, text: 'x' };
      await expectRejection(
        storage.recordSuggestion({ ...base, documentId: MISSING_ID, authorId: author.id }),
        NotFoundError,
        'reference_not_found',
      );
      await expectRejection(
        storage.recordSuggestion({ ...base, documentId: document.id, authorId: MISSING_ID }),
        NotFoundError,
        'reference_not_found',
      );
      expect(await storage.listSuggestions({ documentId: document.id })).toEqual([]);
    });

    it('resolves a suggestion as accepted or rejected, with who and when', async () => {
      const storage = getStorage();
      const { author, document } = await seed(storage);
      const reviewer = await buildUser(storage);
      const { record } = await storage.recordSuggestion({
        id: newSuggestionId(author.id),
        documentId: document.id,
        authorId: author.id,
        kind: 'delete',
        text: 'old',
      });
      const resolved = await storage.resolveSuggestion({
        id: record.id,
        status: 'rejected',
        resolvedById: reviewer.id,
      });
      const { resolvedAt: _open, ...unchanged } = record;
      expect(resolved).toMatchObject({
        ...unchanged,
        status: 'rejected',
        resolvedById: reviewer.id,
      });
      expect(resolved.resolvedAt).toBeInstanceOf(Date);
      expect(await storage.getSuggestion({ id: record.id })).toEqual(resolved);
      // Settled once: a second settle (another process, the same instant) is a conflict and
      // changes nothing.
      await expectRejection(
        storage.resolveSuggestion({ id: record.id, status: 'accepted', resolvedById: author.id }),
        ConflictError,
        'suggestion_resolved',
      );
      expect(await storage.getSuggestion({ id: record.id })).toEqual(resolved);
      await expectRejection(
        storage.resolveSuggestion({
          id: MISSING_ID,
          status: 'accepted',
          resolvedById: reviewer.id,
        }),
        NotFoundError,
        'suggestion_not_found',
      );
    });

    it('removes a purged document’s suggestions, and only those', async () => {
      const storage = getStorage();
      const { author, document } = await seed(storage);
      const other = await buildDocument(storage, {
        workspace: await buildWorkspace(storage, { owner: author }),
        createdBy: author,
      });
      const record = async (documentId: string) =>
        storage.recordSuggestion({
          id: newSuggestionId(author.id),
          documentId,
          authorId: author.id,
          kind: 'insert',
          text: 'x',
        });
      await record(document.id);
      const kept = await record(other.id);
      await storage.deleteSuggestionsOfDocument({ documentId: document.id });
      await storage.deleteSuggestionsOfDocument({ documentId: MISSING_ID });
      expect(await storage.listSuggestions({ documentId: document.id })).toEqual([]);
      expect(await storage.listSuggestions({ documentId: other.id })).toEqual([kept.record]);
    });
  });
}
