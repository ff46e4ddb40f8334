/** Contract: document metadata, derived fields, ordering and purge. */
import { describe, expect, it } from 'vitest';
import { ConflictError, NotFoundError } from '../../../server/errors';
import {
  buildDocument,
  buildOrganization,
  buildUser,
  buildWorkspace,
} from '../../helpers/factories';
import type { GetStorage } from '../contract';
import { expectRejection, MISSING_ID, tick } from './helpers';

/** Registers the document tests (filters live in `documentFilters.ts`). */
export function describeDocumentsContract(getStorage: GetStorage): void {
  const setup = async () => {
    const storage = getStorage();
    const author = await buildUser(storage);
    const workspace = await buildWorkspace(storage, { owner: author });
    return { storage, author, workspace };
  };

  describe('documents', () => {
    it('creates a draft with empty derived fields and reads it back', async () => {
      const { storage, author, workspace } = await setup();
      const city = await buildOrganization(storage, { name: 'Bologna', country: 'IT' });
      const document = await storage.createDocument({
        workspaceId: workspace.id,
        title: 'Housing in Bologna',
        kind: 'case-study',
        createdById: author.id,
        cityId: city.id,
        policyAreas: ['housing', 'other'],
        stakeholders: ['ngos'],
      });
      expect(document).toMatchObject({
        workspaceId: workspace.id,
        title: 'Housing in Bologna',
        kind: 'case-study',
        status: 'draft',
        cityId: city.id,
        policyAreas: ['housing', 'other'],
        stakeholders: ['ngos'],
        createdById: author.id,
        deletedAt: null,
        deletedById: null,
        plainText: '',
        outline: [],
        wordCount: 0,
        lastEditorIds: [],
        contentUpdatedAt: null,
      });
      expect(document.createdAt).toBeInstanceOf(Date);
      expect(await storage.getDocument({ id: document.id })).toEqual(document);
      expect(await storage.getDocument({ id: MISSING_ID })).toBeNull();
    });

    it('defaults cityId, policy areas, stakeholders and the language (English)', async () => {
      const { storage, author, workspace } = await setup();
      const document = await storage.createDocument({
        workspaceId: workspace.id,
        title: 'Minutes',
        kind: 'minutes',
        createdById: author.id,
      });
      expect(document).toMatchObject({
        cityId: null,
        policyAreas: [],
        stakeholders: [],
        language: 'en',
      });
    });

    it('stores the language a document is written in, and a change of it as a detail write', async () => {
      const { storage, author, workspace } = await setup();
      const document = await storage.createDocument({
        workspaceId: workspace.id,
        title: 'Caso di studio',
        kind: 'case-study',
        createdById: author.id,
        language: 'it',
      });
      expect((await storage.getDocument({ id: document.id }))?.language).toBe('it');
      expect((await storage.getDocumentMeta({ id: document.id }))?.language).toBe('it');
      const updated = await storage.updateDocument({ id: document.id, patch: { language: 'hr' } });
      expect(updated.language).toBe('hr');
      expect(updated.version).toBe(document.version + 1);
      const [listed] = await storage.listDocuments({ filter: { workspaceId: workspace.id } });
      expect(listed?.language).toBe('hr');
    });

    it('patches metadata and derived fields, keeping the rest', async () => {
      const { storage, author, workspace } = await setup();
      const document = await buildDocument(storage, {
        workspace,
        createdBy: author,
        title: 'Before',
      });
      await tick();
      const contentUpdatedAt = new Date();
      const updated = await storage.updateDocument({
        id: document.id,
        patch: {
          status: 'in-review',
          policyAreas: ['intercultural-relations'],
          plainText: 'Intercultural policies in Amsterdam',
          outline: [{ level: 1, text: 'Intercultural policies' }],
          wordCount: 4,
          lastEditorIds: [author.id],
          contentUpdatedAt,
        },
      });
      expect(updated).toMatchObject({
        id: document.id,
        title: 'Before',
        kind: document.kind,
        status: 'in-review',
        policyAreas: ['intercultural-relations'],
        plainText: 'Intercultural policies in Amsterdam',
        outline: [{ level: 1, text: 'Intercultural policies' }],
        wordCount: 4,
        lastEditorIds: [author.id],
        contentUpdatedAt,
      });
      expect(updated.createdAt).toEqual(document.createdAt);
      expect(updated.updatedAt.getTime()).toBeGreaterThan(document.updatedAt.getTime());
      expect(await storage.getDocument({ id: document.id })).toEqual(updated);
    });

    it('moves a document to the trash and back', async () => {
      const { storage, author, workspace } = await setup();
      const document = await buildDocument(storage, { workspace, createdBy: author });
      const deletedAt = new Date();
      const trashed = await storage.updateDocument({
        id: document.id,
        patch: { deletedAt, deletedById: author.id },
      });
      expect(trashed).toMatchObject({ deletedAt, deletedById: author.id });
      const restored = await storage.updateDocument({
        id: document.id,
        patch: { deletedAt: null, deletedById: null },
      });
      expect(restored).toMatchObject({ deletedAt: null, deletedById: null });
    });

    it('counts detail writes in version, not derived writes, and refuses a stale expectedVersion', async () => {
      const { storage, author, workspace } = await setup();
      const document = await buildDocument(storage, { workspace, createdBy: author });
      expect(document.version).toBe(1);
      const renamed = await storage.updateDocument({
        id: document.id,
        patch: { title: 'Renamed' },
      });
      expect(renamed.version).toBe(2);
      const derived = await storage.updateDocument({
        id: document.id,
        patch: { plainText: 'text', wordCount: 1 },
      });
      expect(derived.version).toBe(2);
      const moved = await storage.updateDocument({
        id: document.id,
        patch: { status: 'in-review' },
        expectedVersion: 2,
      });
      expect(moved.version).toBe(3);
      await expectRejection(
        storage.updateDocument({ id: document.id, patch: { title: 'Stale' }, expectedVersion: 2 }),
        ConflictError,
        'version_conflict',
      );
      expect(await storage.getDocumentMeta({ id: document.id })).toMatchObject({
        title: 'Renamed',
        version: 3,
      });
      await expectRejection(
        storage.updateDocument({ id: MISSING_ID, patch: { title: 'x' }, expectedVersion: 1 }),
        NotFoundError,
        'document_not_found',
      );
    });

    it('reads metadata without the derived fields, for access checks', async () => {
      const { storage, author, workspace } = await setup();
      const document = await buildDocument(storage, { workspace, createdBy: author });
      const full = await storage.updateDocument({
        id: document.id,
        patch: {
          plainText: 'x'.repeat(10_000),
          outline: [{ level: 1, text: 'Heading' }],
          wordCount: 1,
          lastEditorIds: [author.id],
          contentUpdatedAt: new Date(),
          deletedAt: new Date(),
          deletedById: author.id,
        },
      });
      const {
        plainText: _plainText,
        outline: _outline,
        wordCount: _wordCount,
        lastEditorIds: _lastEditorIds,
        contentUpdatedAt: _contentUpdatedAt,
        ...metadata
      } = full;
      // Exactly the metadata: the derived fields are not even present as keys.
      expect(await storage.getDocumentMeta({ id: document.id })).toStrictEqual(metadata);
      expect(await storage.getDocumentMeta({ id: MISSING_ID })).toBeNull();
    });

    it('reads the metadata of several documents in one call, trashed ones too, skipping missing ids', async () => {
      const { storage, author, workspace } = await setup();
      const live = await buildDocument(storage, { workspace, createdBy: author });
      const trashed = await buildDocument(storage, { workspace, createdBy: author });
      await storage.updateDocument({
        id: trashed.id,
        patch: { plainText: 'x'.repeat(1_000), deletedAt: new Date(), deletedById: author.id },
      });
      await buildDocument(storage, { workspace, createdBy: author }); // not asked for
      const metas = await storage.listDocumentMetas({
        ids: [trashed.id, MISSING_ID, 'not-an-id', live.id],
      });
      const byId = new Map(metas.map((meta) => [meta.id, meta]));
      expect([...byId.keys()].sort()).toEqual([live.id, trashed.id].sort());
      expect(metas).toHaveLength(2);
      // The same records, field for field, as one read per document gives.
      expect(byId.get(live.id)).toStrictEqual(await storage.getDocumentMeta({ id: live.id }));
      expect(byId.get(trashed.id)).toStrictEqual(await storage.getDocumentMeta({ id: trashed.id }));
      expect(byId.get(trashed.id)?.deletedAt).toBeInstanceOf(Date);
      expect(await storage.listDocumentMetas({ ids: [] })).toEqual([]);
      expect(await storage.listDocumentMetas({ ids: [MISSING_ID] })).toEqual([]);
    });

    it('refuses to update or purge a missing document', async () => {
      const storage = getStorage();
      await expectRejection(
        storage.updateDocument({ id: MISSING_ID, patch: { title: 'x' } }),
        NotFoundError,
      );
      await expectRejection(storage.purgeDocument({ id: MISSING_ID }), NotFoundError);
    });

    it('lists the most recently updated first, and honours the limit', async () => {
      const { storage, author, workspace } = await setup();
      const first = await buildDocument(storage, { workspace, createdBy: author });
      await tick();
      const second = await buildDocument(storage, { workspace, createdBy: author });
      await tick();
      const third = await buildDocument(storage, { workspace, createdBy: author });
      await tick();
      await storage.updateDocument({ id: first.id, patch: { title: 'Touched' } });
      const all = await storage.listDocuments({ filter: { workspaceId: workspace.id } });
      expect(all.map((d) => d.id)).toEqual([first.id, third.id, second.id]);
      const two = await storage.listDocuments({ filter: { workspaceId: workspace.id }, limit: 2 });
      expect(two.map((d) => d.id)).toEqual([first.id, third.id]);
    });

    it('purges a document with its Yjs log and snapshot', async () => {
      const { storage, author, workspace } = await setup();
      const document = await buildDocument(storage, { workspace, createdBy: author });
      const keep = await buildDocument(storage, { workspace, createdBy: author });
      const [seq] = await storage.appendDocUpdates({
        documentId: document.id,
        updates: [new Uint8Array([1, 2])],
      });
      await storage.compactDoc({
        documentId: document.id,
        snapshot: new Uint8Array([9]),
        upToSeq: seq ?? 0,
      });
      await storage.appendDocUpdates({ documentId: document.id, updates: [new Uint8Array([3])] });
      await storage.appendDocUpdates({ documentId: keep.id, updates: [new Uint8Array([4])] });

      await storage.purgeDocument({ id: document.id });
      expect(await storage.getDocument({ id: document.id })).toBeNull();
      expect(await storage.loadDocState({ documentId: document.id })).toEqual({
        snapshot: null,
        updates: [],
      });
      expect(await storage.countDocUpdates({ documentId: document.id })).toBe(0);
      expect(await storage.countDocUpdates({ documentId: keep.id })).toBe(1);
    });

    it('hands out copies and keeps no reference to inputs', async () => {
      const { storage, author, workspace } = await setup();
      const policyAreas: ('housing' | 'other')[] = ['housing'];
      const document = await buildDocument(storage, { workspace, createdBy: author, policyAreas });
      policyAreas.push('other');
      document.policyAreas.push('other');
      document.outline.push({ level: 1, text: 'x' });
      const again = await storage.getDocument({ id: document.id });
      expect(again?.policyAreas).toEqual(['housing']);
      expect(again?.outline).toEqual([]);
    });
  });
}
