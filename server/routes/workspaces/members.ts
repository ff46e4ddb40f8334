/**
 * `/api/workspaces/:id/members` and `/invitations`: who is in a workspace and with which role.
 * Any member sees the list; owners (and admins) invite, re-role and remove; anyone may leave.
 * Adding by e-mail answers an invitation whether or not the e-mail has an account (see
 * `addWorkspaceMember`); only admins add an existing account directly.
 */
import express, { type Router } from 'express';
import {
  AddMemberBody,
  ChangeMemberRoleBody,
  MemberParams,
  WorkspaceInvitationParams,
  WorkspaceParams,
} from '../../../shared/api/workspaces';
import { addWorkspaceMember } from '../../commands/addWorkspaceMember';
import { changeMemberRole, removeMember } from '../../commands/memberRoles';
import { recordAudit } from '../../commands/recordAudit';
import { NotFoundError } from '../../errors';
import { getActor, requireUser } from '../../http/authentication';
import { clientIp, publicBaseUrl } from '../../http/requestContext';
import { validate } from '../../http/validate';
import { sendInvitationMail } from '../../mail/invitationMail';
import { canManageMembers, canRemoveMember } from '../../policies/workspace';
import { presentInvitation } from '../../presenters/invitations';
import { presentMembership } from '../../presenters/membership';
import type { RouteDeps } from '../deps';
import { loadAuthorizedWorkspace, loadWorkspaceAccess, parseParams } from './access';

/** Router for a workspace's members and pending invitations. */
export function createMembersRouter(
  deps: Pick<RouteDeps, 'storage' | 'config' | 'events' | 'creationLimits' | 'mailer' | 'logger'>,
): Router {
  const { storage, config, events, creationLimits, mailer } = deps;
  const router = express.Router();

  router.get('/workspaces/:id/members', requireUser, async (req, res) => {
    const { id } = parseParams(req, WorkspaceParams);
    await loadWorkspaceAccess({ storage, actor: getActor(res), workspaceId: id });
    const memberships = await storage.listMemberships({ workspaceId: id });
    const users = await storage.listUsers({
      ids: memberships.map((membership) => membership.userId),
    });
    const userById = new Map(users.map((user) => [user.id, user]));
    const members = memberships.flatMap((membership) => {
      const user = userById.get(membership.userId);
      return user ? [presentMembership(membership, user)] : [];
    });
    res.json({ members });
  });

  router.post(
    '/workspaces/:id/members',
    requireUser,
    creationLimits.invitations,
    async (req, res) => {
      const actor = getActor(res);
      const { id } = parseParams(req, WorkspaceParams);
      const { workspace } = await loadAuthorizedWorkspace(
        { storage, actor, workspaceId: id },
        canManageMembers,
        'Only owners add members.',
      );
      const { body } = validate(req, { body: AddMemberBody });
      const result = await addWorkspaceMember({
        storage,
        actor,
        workspaceId: id,
        email: body.email,
        role: body.role,
        baseUrl: publicBaseUrl(req, config),
        ip: clientIp(req),
      });
      if (result.kind === 'membership') {
        res.status(201).json({ membership: presentMembership(result.membership, result.user) });
        return;
      }
      const { invitation, token, link } = result;
      // Not awaited: a slow SMTP server never holds the answer back (it never throws).
      void sendInvitationMail(deps, {
        to: invitation.email,
        inviterName: actor.name,
        target: { kind: 'workspace', workspaceName: workspace.name, role: body.role },
        link,
        expiresAt: invitation.expiresAt,
        awaitsApproval: invitation.awaitsApproval,
      });
      res.status(201).json({
        invitation: presentInvitation(invitation, { token, link, isEmailed: mailer.isDelivering }),
      });
    },
  );

  router.patch('/workspaces/:id/members/:userId', requireUser, async (req, res) => {
    const actor = getActor(res);
    const { id, userId } = parseParams(req, MemberParams);
    await loadAuthorizedWorkspace(
      { storage, actor, workspaceId: id },
      canManageMembers,
      'Only owners change roles.',
    );
    const { body } = validate(req, { body: ChangeMemberRoleBody });
    const membership = await changeMemberRole({
      storage,
      events,
      actor,
      workspaceId: id,
      userId,
      role: body.role,
      ip: clientIp(req),
    });
    const user = await storage.getUserById({ id: userId });
    if (!user) throw new NotFoundError('No such user.');
    res.json({ membership: presentMembership(membership, user) });
  });

  router.delete('/workspaces/:id/members/:userId', requireUser, async (req, res) => {
    const actor = getActor(res);
    const { id, userId } = parseParams(req, MemberParams);
    await loadAuthorizedWorkspace(
      { storage, actor, workspaceId: id },
      (who, membership, workspace) => canRemoveMember(who, membership, workspace, userId),
      'Only owners remove other members.',
    );
    // Their open connections to the workspace's documents close (4403) before the answer.
    await removeMember({ storage, events, actor, workspaceId: id, userId, ip: clientIp(req) });
    res.status(204).end();
  });

  router.get('/workspaces/:id/invitations', requireUser, async (req, res) => {
    const actor = getActor(res);
    const { id } = parseParams(req, WorkspaceParams);
    await loadAuthorizedWorkspace(
      { storage, actor, workspaceId: id },
      canManageMembers,
      'Only owners see invitations.',
    );
    const invitations = await storage.listInvitations({ workspaceId: id, isPending: true });
    res.json({ invitations: invitations.map((invitation) => presentInvitation(invitation)) });
  });

  // Owners take back an invitation of their workspace (the admin's /api/invitations/:id covers all).
  router.delete('/workspaces/:id/invitations/:invitationId', requireUser, async (req, res) => {
    const actor = getActor(res);
    const { id, invitationId } = parseParams(req, WorkspaceInvitationParams);
    await loadAuthorizedWorkspace(
      { storage, actor, workspaceId: id },
      canManageMembers,
      'Only owners revoke invitations.',
    );
    const invitations = await storage.listInvitations({ workspaceId: id, isPending: true });
    if (!invitations.some((invitation) => invitation.id === invitationId)) {
      throw new NotFoundError('No such pending invitation in this workspace.');
    }
    await storage.deleteInvitation({ id: invitationId });
    await recordAudit({
      storage,
      actor,
      action: 'invitation.revoked',
      target: { type: 'invitation', id: invitationId },
      details: { workspaceId: id },
      ip: clientIp(req),
    });
    res.status(204).end();
  });

  return router;
}
