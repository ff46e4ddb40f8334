/** Contract: invitations. */
import { describe, expect, it } from 'vitest';
import { ConflictError, NotFoundError } from '../../../server/errors';
import { buildUser, buildWorkspace } from '../../helpers/factories';
import type { GetStorage } from '../contract';
import { expectRejection, MISSING_ID, tick } from './helpers';

const IN_A_WEEK = (): Date => new Date(Date.now() + 7 * 86_400_000);

/** Registers the invitation tests. */
export function describeInvitationsContract(getStorage: GetStorage): void {
  describe('invitations', () => {
    it('creates a workspace invitation and finds it by token hash', async () => {
      const storage = getStorage();
      const owner = await buildUser(storage);
      const workspace = await buildWorkspace(storage, { owner });
      const expiresAt = IN_A_WEEK();
      const invitation = await storage.createInvitation({
        tokenHash: 'hash-a',
        email: 'Guest@Example.test',
        workspaceId: workspace.id,
        role: 'editor',
        invitedById: owner.id,
        expiresAt,
      });
      expect(invitation).toMatchObject({
        tokenHash: 'hash-a',
        email: 'guest@example.test',
        workspaceId: workspace.id,
        role: 'editor',
        invitedById: owner.id,
        expiresAt,
        acceptedAt: null,
        awaitsApproval: false,
      });
      expect(await storage.getInvitationByTokenHash({ tokenHash: 'hash-a' })).toEqual(invitation);
      expect(await storage.getInvitationByTokenHash({ tokenHash: 'hash-b' })).toBeNull();
    });

    it('stores a network-level invitation with no workspace and no role', async () => {
      const storage = getStorage();
      const admin = await buildUser(storage, { role: 'admin' });
      const invitation = await storage.createInvitation({
        tokenHash: 'network',
        email: 'new@example.test',
        workspaceId: null,
        role: null,
        invitedById: admin.id,
        expiresAt: IN_A_WEEK(),
      });
      expect(invitation).toMatchObject({ workspaceId: null, role: null });
    });

    it('rejects a duplicate token hash', async () => {
      const storage = getStorage();
      const admin = await buildUser(storage);
      const input = {
        tokenHash: 'same',
        email: 'x@example.test',
        workspaceId: null,
        role: null,
        invitedById: admin.id,
        expiresAt: IN_A_WEEK(),
      };
      await storage.createInvitation(input);
      await expectRejection(storage.createInvitation(input), ConflictError, 'invitation_exists');
    });

    it('is accepted at most once', async () => {
      const storage = getStorage();
      const admin = await buildUser(storage);
      const invitation = await storage.createInvitation({
        tokenHash: 'once',
        email: 'x@example.test',
        workspaceId: null,
        role: null,
        invitedById: admin.id,
        expiresAt: IN_A_WEEK(),
      });
      const at = new Date();
      const accepted = await storage.markInvitationAccepted({ id: invitation.id, at });
      expect(accepted.acceptedAt).toEqual(at);
      await expectRejection(
        storage.markInvitationAccepted({ id: invitation.id, at }),
        ConflictError,
        'invitation_used',
      );
      await expectRejection(storage.markInvitationAccepted({ id: MISSING_ID, at }), NotFoundError);
    });

    it('lists invitations newest first, by workspace and by pending state', async () => {
      const storage = getStorage();
      const owner = await buildUser(storage);
      const workspace = await buildWorkspace(storage, { owner });
      const other = await buildWorkspace(storage, { owner });
      const make = (tokenHash: string, workspaceId: string, expiresAt = IN_A_WEEK()) =>
        storage.createInvitation({
          tokenHash,
          email: `${tokenHash}@example.test`,
          workspaceId,
          role: 'viewer',
          invitedById: owner.id,
          expiresAt,
        });
      const pending = await make('pending', workspace.id);
      await tick();
      const expired = await make('expired', workspace.id, new Date(Date.now() - 1000));
      await tick();
      const accepted = await make('accepted', workspace.id);
      await storage.markInvitationAccepted({ id: accepted.id, at: new Date() });
      await tick();
      const elsewhere = await make('elsewhere', other.id);

      const ids = async (input: { workspaceId?: string; isPending?: boolean }) =>
        (await storage.listInvitations(input)).map((i) => i.id);
      expect(await ids({})).toEqual([elsewhere.id, accepted.id, expired.id, pending.id]);
      expect(await ids({ workspaceId: workspace.id })).toEqual([
        accepted.id,
        expired.id,
        pending.id,
      ]);
      expect(await ids({ workspaceId: workspace.id, isPending: true })).toEqual([pending.id]);
      expect(await ids({ workspaceId: workspace.id, isPending: false })).toEqual([
        accepted.id,
        expired.id,
      ]);
      expect(await ids({ isPending: true })).toEqual([elsewhere.id, pending.id]);
    });

    it('deletes an invitation and refuses a missing one', async () => {
      const storage = getStorage();
      const admin = await buildUser(storage);
      const invitation = await storage.createInvitation({
        tokenHash: 'gone',
        email: 'x@example.test',
        workspaceId: null,
        role: null,
        invitedById: admin.id,
        expiresAt: IN_A_WEEK(),
      });
      await storage.deleteInvitation({ id: invitation.id });
      expect(await storage.getInvitationByTokenHash({ tokenHash: 'gone' })).toBeNull();
      await expectRejection(storage.deleteInvitation({ id: invitation.id }), NotFoundError);
    });

    it('keeps an invitation awaiting approval until approved, and refuses a missing one', async () => {
      const storage = getStorage();
      const member = await buildUser(storage);
      const invitation = await storage.createInvitation({
        tokenHash: 'needs-admin',
        email: 'outsider@example.test',
        workspaceId: null,
        role: null,
        invitedById: member.id,
        expiresAt: IN_A_WEEK(),
        awaitsApproval: true,
      });
      expect(invitation.awaitsApproval).toBe(true);
      const approved = await storage.approveInvitation({ id: invitation.id });
      expect(approved).toEqual({ ...invitation, awaitsApproval: false });
      expect(await storage.getInvitationByTokenHash({ tokenHash: 'needs-admin' })).toEqual(
        approved,
      );
      expect(await storage.approveInvitation({ id: invitation.id })).toEqual(approved);
      await expectRejection(storage.approveInvitation({ id: MISSING_ID }), NotFoundError);
    });
  });
}
