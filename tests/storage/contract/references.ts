/**
 * Contract: writes that refer to rows that do not exist are refused with
 * `NotFoundError('reference_not_found')` and leave nothing behind. (The Yjs log is not
 * covered: checking it on every append is a cost only SQLite's foreign keys pay for free.)
 */
import { describe, expect, it } from 'vitest';
import { NotFoundError } from '../../../server/errors';
import { buildDocument, buildUser, buildWorkspace } from '../../helpers/factories';
import type { GetStorage } from '../contract';
import { expectRejection, MISSING_ID } from './helpers';

const MISSING = 'reference_not_found';

/** Registers the reference-integrity tests. */
export function describeReferencesContract(getStorage: GetStorage): void {
  describe('references', () => {
    it('users and sessions need an existing organisation and user', async () => {
      const storage = getStorage();
      await expectRejection(
        buildUser(storage, { organizationId: MISSING_ID }),
        NotFoundError,
        MISSING,
      );
      expect(await storage.countUsers()).toBe(0);
      const user = await buildUser(storage);
      await expectRejection(
        storage.updateUser({ id: user.id, patch: { organizationId: MISSING_ID } }),
        NotFoundError,
        MISSING,
      );
      expect((await storage.getUserById({ id: user.id }))?.organizationId).toBeNull();
      await expectRejection(
        storage.createSession({
          id: 's',
          userId: MISSING_ID,
          expiresAt: new Date(Date.now() + 60_000),
        }),
        NotFoundError,
        MISSING,
      );
      expect(await storage.getSession({ id: 's' })).toBeNull();
    });

    it('memberships and invitations need an existing workspace and user', async () => {
      const storage = getStorage();
      const owner = await buildUser(storage);
      const workspace = await buildWorkspace(storage, { owner });
      await expectRejection(
        storage.addMembership({ workspaceId: MISSING_ID, userId: owner.id, role: 'viewer' }),
        NotFoundError,
        MISSING,
      );
      await expectRejection(
        storage.addMembership({ workspaceId: workspace.id, userId: MISSING_ID, role: 'viewer' }),
        NotFoundError,
        MISSING,
      );
      expect(await storage.listMemberships({ workspaceId: workspace.id })).toHaveLength(1);
      await expectRejection(
        storage.createInvitation({
          tokenHash: 'dangling',
          email: 'x@example.test',
          workspaceId: MISSING_ID,
          role: 'viewer',
          invitedById: owner.id,
          expiresAt: new Date(Date.now() + 60_000),
        }),
        NotFoundError,
        MISSING,
      );
      expect(await storage.getInvitationByTokenHash({ tokenHash: 'dangling' })).toBeNull();
    });

    it('documents need an existing workspace and city', async () => {
      const storage = getStorage();
      const author = await buildUser(storage);
      const workspace = await buildWorkspace(storage, { owner: author });
      await expectRejection(
        storage.createDocument({
          workspaceId: MISSING_ID,
          title: 't',
          kind: 'note',
          createdById: author.id,
        }),
        NotFoundError,
        MISSING,
      );
      await expectRejection(
        buildDocument(storage, { workspace, createdBy: author, cityId: MISSING_ID }),
        NotFoundError,
        MISSING,
      );
      expect(await storage.listDocuments({ filter: { trash: 'all' } })).toEqual([]);
      const document = await buildDocument(storage, { workspace, createdBy: author });
      await expectRejection(
        storage.updateDocument({ id: document.id, patch: { cityId: MISSING_ID } }),
        NotFoundError,
        MISSING,
      );
      expect((await storage.getDocument({ id: document.id }))?.cityId).toBeNull();
    });
  });
}
