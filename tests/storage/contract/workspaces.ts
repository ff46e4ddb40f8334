/** Contract: workspaces and memberships. */
import { describe, expect, it } from 'vitest';
import { ConflictError, NotFoundError } from '../../../server/errors';
import { buildUser, buildWorkspace } from '../../helpers/factories';
import type { GetStorage } from '../contract';
import { expectRejection, MISSING_ID, tick } from './helpers';

/** Registers the workspace and membership tests. */
export function describeWorkspacesContract(getStorage: GetStorage): void {
  describe('workspaces', () => {
    it('creates a workspace with defaults and reads it back', async () => {
      const storage = getStorage();
      const owner = await buildUser(storage);
      const workspace = await storage.createWorkspace({
        name: 'Housing and integration',
        createdById: owner.id,
      });
      expect(workspace).toMatchObject({
        name: 'Housing and integration',
        description: '',
        isArchived: false,
        createdById: owner.id,
      });
      expect(await storage.getWorkspace({ id: workspace.id })).toEqual(workspace);
      expect(await storage.getWorkspace({ id: MISSING_ID })).toBeNull();
    });

    it('updates a workspace and refuses a missing one', async () => {
      const storage = getStorage();
      const owner = await buildUser(storage);
      const workspace = await buildWorkspace(storage, { owner });
      await tick();
      const updated = await storage.updateWorkspace({
        id: workspace.id,
        patch: { name: 'Renamed', description: 'Module 2', isArchived: true },
      });
      expect(updated).toMatchObject({ name: 'Renamed', description: 'Module 2', isArchived: true });
      expect(updated.updatedAt.getTime()).toBeGreaterThan(workspace.updatedAt.getTime());
      await expectRejection(
        storage.updateWorkspace({ id: MISSING_ID, patch: { name: 'x' } }),
        NotFoundError,
      );
    });

    it("lists only the user's workspaces, newest first", async () => {
      const storage = getStorage();
      const alice = await buildUser(storage);
      const bob = await buildUser(storage);
      const older = await buildWorkspace(storage, { owner: alice });
      await tick();
      await buildWorkspace(storage, { owner: bob });
      await tick();
      const newer = await buildWorkspace(storage, { owner: alice });
      expect((await storage.listWorkspacesForUser({ userId: alice.id })).map((w) => w.id)).toEqual([
        newer.id,
        older.id,
      ]);
      expect(await storage.listWorkspacesForUser({ userId: MISSING_ID })).toEqual([]);
    });
  });

  describe('memberships', () => {
    it('adds, reads, lists, changes and removes a membership', async () => {
      const storage = getStorage();
      const owner = await buildUser(storage);
      const member = await buildUser(storage);
      const workspace = await buildWorkspace(storage, { owner });
      await tick();
      const membership = await storage.addMembership({
        workspaceId: workspace.id,
        userId: member.id,
        role: 'reviewer',
      });
      expect(membership).toMatchObject({
        workspaceId: workspace.id,
        userId: member.id,
        role: 'reviewer',
      });
      expect(await storage.getMembership({ workspaceId: workspace.id, userId: member.id })).toEqual(
        membership,
      );

      const listed = await storage.listMemberships({ workspaceId: workspace.id });
      expect(listed.map((m) => [m.userId, m.role])).toEqual([
        [owner.id, 'owner'],
        [member.id, 'reviewer'],
      ]);
      expect(
        (await storage.listMembershipsForUser({ userId: member.id })).map((m) => m.workspaceId),
      ).toEqual([workspace.id]);

      await tick();
      const changed = await storage.updateMembership({
        workspaceId: workspace.id,
        userId: member.id,
        role: 'editor',
      });
      expect(changed.role).toBe('editor');
      expect(changed.updatedAt.getTime()).toBeGreaterThan(membership.updatedAt.getTime());

      await storage.removeMembership({ workspaceId: workspace.id, userId: member.id });
      expect(
        await storage.getMembership({ workspaceId: workspace.id, userId: member.id }),
      ).toBeNull();
      expect(await storage.listWorkspacesForUser({ userId: member.id })).toEqual([]);
    });

    it('rejects a second membership of the same user as already_member', async () => {
      const storage = getStorage();
      const owner = await buildUser(storage);
      const workspace = await buildWorkspace(storage, { owner });
      await expectRejection(
        storage.addMembership({ workspaceId: workspace.id, userId: owner.id, role: 'viewer' }),
        ConflictError,
        'already_member',
      );
      expect(
        (await storage.getMembership({ workspaceId: workspace.id, userId: owner.id }))?.role,
      ).toBe('owner');
    });

    it('refuses to change or remove a membership that does not exist', async () => {
      const storage = getStorage();
      const owner = await buildUser(storage);
      const stranger = await buildUser(storage);
      const workspace = await buildWorkspace(storage, { owner });
      await expectRejection(
        storage.updateMembership({
          workspaceId: workspace.id,
          userId: stranger.id,
          role: 'editor',
        }),
        NotFoundError,
      );
      await expectRejection(
        storage.removeMembership({ workspaceId: workspace.id, userId: stranger.id }),
        NotFoundError,
      );
      expect(
        await storage.getMembership({ workspaceId: MISSING_ID, userId: stranger.id }),
      ).toBeNull();
    });
  });
}
