/** Contract: direct shares of one document, link reach, document invitations, search reach. */
import { describe, expect, it } from 'vitest';
import { NotFoundError } from '../../../server/errors';
import { buildDocument, buildUser, buildWorkspace } from '../../helpers/factories';
import type { GetStorage } from '../contract';
import { expectRejection, MISSING_ID, tick } from './helpers';

/** Registers the document-share tests. */
export function describeSharesContract(getStorage: GetStorage): void {
  describe('document shares', () => {
    it('shares once per (document, user): a second share changes the role', async () => {
      const storage = getStorage();
      const owner = await buildUser(storage);
      const guest = await buildUser(storage);
      const workspace = await buildWorkspace(storage, { owner });
      const document = await buildDocument(storage, { workspace, createdBy: owner });
      const first = await storage.upsertDocumentShare({
        documentId: document.id,
        userId: guest.id,
        role: 'reviewer',
        createdById: owner.id,
      });
      expect(first.isNew).toBe(true);
      expect(first.share).toMatchObject({
        documentId: document.id,
        userId: guest.id,
        role: 'reviewer',
        createdById: owner.id,
      });
      expect(first.share.createdAt).toBeInstanceOf(Date);
      await tick();
      const second = await storage.upsertDocumentShare({
        documentId: document.id,
        userId: guest.id,
        role: 'viewer',
        createdById: owner.id,
      });
      expect(second.isNew).toBe(false);
      expect(second.share.id).toBe(first.share.id);
      expect(second.share.role).toBe('viewer');
      expect(await storage.listDocumentShares({ documentId: document.id })).toHaveLength(1);
      expect(
        await storage.getDocumentShare({ documentId: document.id, userId: guest.id }),
      ).toMatchObject({ id: first.share.id, role: 'viewer' });
      expect(await storage.getDocumentShareById({ id: first.share.id })).toMatchObject({
        userId: guest.id,
      });
      expect(
        await storage.getDocumentShare({ documentId: document.id, userId: owner.id }),
      ).toBeNull();
      expect(await storage.getDocumentShareById({ id: MISSING_ID })).toBeNull();
    });

    it('keeps concurrent shares of the same pair to one record', async () => {
      const storage = getStorage();
      const owner = await buildUser(storage);
      const guest = await buildUser(storage);
      const workspace = await buildWorkspace(storage, { owner });
      const document = await buildDocument(storage, { workspace, createdBy: owner });
      const share = (role: 'editor' | 'viewer') =>
        storage.upsertDocumentShare({
          documentId: document.id,
          userId: guest.id,
          role,
          createdById: owner.id,
        });
      await Promise.allSettled([share('editor'), share('viewer'), share('editor')]);
      expect(await storage.listDocumentShares({ documentId: document.id })).toHaveLength(1);
    });

    it('lists a document’s shares oldest first, a user’s shares, and deletes one', async () => {
      const storage = getStorage();
      const owner = await buildUser(storage);
      const [ana, ben] = [await buildUser(storage), await buildUser(storage)];
      const workspace = await buildWorkspace(storage, { owner });
      const document = await buildDocument(storage, { workspace, createdBy: owner });
      const other = await buildDocument(storage, { workspace, createdBy: owner });
      const base = { documentId: document.id, createdById: owner.id };
      const forAna = await storage.upsertDocumentShare({ ...base, userId: ana.id, role: 'editor' });
      await tick();
      await storage.upsertDocumentShare({ ...base, userId: ben.id, role: 'viewer' });
      await storage.upsertDocumentShare({
        documentId: other.id,
        createdById: owner.id,
        userId: ana.id,
        role: 'viewer',
      });
      expect(
        (await storage.listDocumentShares({ documentId: document.id })).map((s) => s.userId),
      ).toEqual([ana.id, ben.id]);
      expect(
        (await storage.listDocumentSharesForUser({ userId: ana.id })).map((s) => s.documentId),
      ).toEqual([document.id, other.id]);
      // Several documents in one read, oldest first; a third document's share is not among them.
      const third = await buildDocument(storage, { workspace, createdBy: owner });
      await storage.upsertDocumentShare({
        ...base,
        documentId: third.id,
        userId: ben.id,
        role: 'viewer',
      });
      const ofBoth = await storage.listSharesOfDocuments({
        documentIds: [other.id, document.id, MISSING_ID, 'not-an-id'],
      });
      expect(ofBoth.map((s) => [s.documentId, s.userId])).toEqual([
        [document.id, ana.id],
        [document.id, ben.id],
        [other.id, ana.id],
      ]);
      expect(ofBoth[0]).toStrictEqual(forAna.share);
      expect(await storage.listSharesOfDocuments({ documentIds: [] })).toEqual([]);
      await storage.deleteDocumentShare({ id: forAna.share.id });
      expect(
        (await storage.listDocumentShares({ documentId: document.id })).map((s) => s.userId),
      ).toEqual([ben.id]);
      await expectRejection(
        storage.deleteDocumentShare({ id: forAna.share.id }),
        NotFoundError,
        'share_not_found',
      );
      await expectRejection(
        storage.deleteDocumentShare({ id: MISSING_ID }),
        NotFoundError,
        'share_not_found',
      );
    });

    it('refuses a share of a missing document or user', async () => {
      const storage = getStorage();
      const owner = await buildUser(storage);
      const workspace = await buildWorkspace(storage, { owner });
      const document = await buildDocument(storage, { workspace, createdBy: owner });
      await expectRejection(
        storage.upsertDocumentShare({
          documentId: MISSING_ID,
          userId: owner.id,
          role: 'viewer',
          createdById: owner.id,
        }),
        NotFoundError,
        'reference_not_found',
      );
      await expectRejection(
        storage.upsertDocumentShare({
          documentId: document.id,
          userId: MISSING_ID,
          role: 'viewer',
          createdById: owner.id,
        }),
        NotFoundError,
        'reference_not_found',
      );
    });

    it('lists live documents shared with a user, newest first; purging takes shares along', async () => {
      const storage = getStorage();
      const owner = await buildUser(storage);
      const guest = await buildUser(storage);
      const workspace = await buildWorkspace(storage, { owner });
      const older = await buildDocument(storage, { workspace, createdBy: owner });
      await tick();
      const newer = await buildDocument(storage, { workspace, createdBy: owner });
      await buildDocument(storage, { workspace, createdBy: owner });
      for (const document of [older, newer]) {
        await storage.upsertDocumentShare({
          documentId: document.id,
          userId: guest.id,
          role: 'viewer',
          createdById: owner.id,
        });
      }
      const listed = await storage.listDocumentsSharedWith({ userId: guest.id, limit: 10 });
      expect(listed.map((d) => d.id)).toEqual([newer.id, older.id]);
      expect(listed[0]).not.toHaveProperty('plainText');
      expect(await storage.listDocumentsSharedWith({ userId: guest.id, limit: 0 })).toEqual([]);
      expect(await storage.listDocumentsSharedWith({ userId: owner.id, limit: 10 })).toEqual([]);
      // Trashed documents leave the list; purged ones take their shares with them.
      await storage.updateDocument({ id: newer.id, patch: { deletedAt: new Date() } });
      expect(
        (await storage.listDocumentsSharedWith({ userId: guest.id, limit: 10 })).map((d) => d.id),
      ).toEqual([older.id]);
      await storage.purgeDocument({ id: older.id });
      expect(await storage.listDocumentShares({ documentId: older.id })).toEqual([]);
      expect(
        (await storage.listDocumentSharesForUser({ userId: guest.id })).map((s) => s.documentId),
      ).toEqual([newer.id]);
    });

    it('stores the link reach: restricted by default, a versioned detail', async () => {
      const storage = getStorage();
      const owner = await buildUser(storage);
      const workspace = await buildWorkspace(storage, { owner });
      const document = await buildDocument(storage, { workspace, createdBy: owner });
      expect(document.linkAccess).toBe('restricted');
      const updated = await storage.updateDocument({
        id: document.id,
        patch: { linkAccess: 'public' },
      });
      expect(updated.linkAccess).toBe('public');
      expect(updated.version).toBe(document.version + 1);
      expect((await storage.getDocumentMeta({ id: document.id }))?.linkAccess).toBe('public');
      const listed = await storage.listDocuments({ filter: { workspaceId: workspace.id } });
      expect(listed[0]?.linkAccess).toBe('public');
    });

    it('keeps document invitations apart from workspace ones, listed by document', async () => {
      const storage = getStorage();
      const owner = await buildUser(storage);
      const workspace = await buildWorkspace(storage, { owner });
      const document = await buildDocument(storage, { workspace, createdBy: owner });
      const expiresAt = new Date(Date.now() + 86_400_000);
      const forDocument = await storage.createInvitation({
        tokenHash: `doc-${MISSING_ID}`,
        email: 'Expert@Example.test',
        workspaceId: null,
        documentId: document.id,
        role: 'reviewer',
        invitedById: owner.id,
        expiresAt,
      });
      expect(forDocument).toMatchObject({
        documentId: document.id,
        workspaceId: null,
        role: 'reviewer',
        email: 'expert@example.test',
      });
      const forWorkspace = await storage.createInvitation({
        tokenHash: `ws-${MISSING_ID}`,
        email: 'member@example.test',
        workspaceId: workspace.id,
        role: 'editor',
        invitedById: owner.id,
        expiresAt,
      });
      expect(forWorkspace.documentId).toBeNull();
      expect(
        (await storage.listInvitations({ documentId: document.id, isPending: true })).map(
          (i) => i.id,
        ),
      ).toEqual([forDocument.id]);
      expect(
        (await storage.listInvitations({ workspaceId: workspace.id })).map((i) => i.id),
      ).toEqual([forWorkspace.id]);
      await expectRejection(
        storage.createInvitation({
          tokenHash: `missing-${MISSING_ID}`,
          email: 'x@example.test',
          workspaceId: null,
          documentId: MISSING_ID,
          role: 'viewer',
          invitedById: owner.id,
          expiresAt,
        }),
        NotFoundError,
        'reference_not_found',
      );
      await storage.purgeDocument({ id: document.id });
      expect(await storage.listInvitations({ documentId: document.id })).toEqual([]);
    });

    it('searches the documents shared with a member, and only theirs', async () => {
      const storage = getStorage();
      const owner = await buildUser(storage);
      const guest = await buildUser(storage);
      const workspace = await buildWorkspace(storage, { owner });
      const shared = await buildDocument(storage, {
        workspace,
        createdBy: owner,
        title: 'Quartiersmanagement shared',
      });
      await buildDocument(storage, {
        workspace,
        createdBy: owner,
        title: 'Quartiersmanagement private',
      });
      const search = (userId: string) =>
        storage.searchDocuments({
          terms: ['quartiersmanagement'],
          scope: { kind: 'member', userId },
          limit: 10,
        });
      expect((await search(guest.id)).total).toBe(0);
      await storage.upsertDocumentShare({
        documentId: shared.id,
        userId: guest.id,
        role: 'viewer',
        createdById: owner.id,
      });
      const found = await search(guest.id);
      expect(found.hits.map((hit) => hit.document.id)).toEqual([shared.id]);
      expect(found.total).toBe(1);
      expect((await search(owner.id)).total).toBe(2);
    });
  });
}
