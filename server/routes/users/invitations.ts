/**
 * `/api/invitations`: the admin invites someone to the network (an account without a
 * workspace), lists pending invitations and approves those made by other people; anyone
 * holding a token may preview it, so the accept screen can show who it is for; a signed-in
 * person accepts one sent to their e-mail. Workspace invitations are made by the workspaces
 * group (via `addWorkspaceMember`) and previewed and accepted here too.
 */
import express, { type Router } from 'express';
import { InvitationTokenParams } from '../../../shared/api/auth';
import { IdParams } from '../../../shared/api/fields';
import { CreateInvitationBody } from '../../../shared/api/users';
import { createInvitation } from '../../commands/createInvitation';
import { acceptInvitationSignedIn, approveInvitation } from '../../commands/acceptInvitation';
import { findUsableInvitation, invalidInvitationError } from '../../commands/findInvitation';
import { recordAudit } from '../../commands/recordAudit';
import { getActor, requireAdmin, requireUser } from '../../http/authentication';
import { clientIp, publicBaseUrl } from '../../http/requestContext';
import { validate } from '../../http/validate';
import { sendInvitationMail } from '../../mail/invitationMail';
import { presentInvitation } from '../../presenters/invitations';
import type { RouteDeps } from '../deps';

/** Router for `/api/invitations*`. */
export function createInvitationsRouter(
  deps: Pick<RouteDeps, 'config' | 'storage' | 'creationLimits' | 'mailer' | 'logger'>,
): Router {
  const { config, storage, creationLimits, mailer } = deps;
  const router = express.Router();

  router.post('/invitations', requireAdmin, creationLimits.invitations, async (req, res) => {
    const { body } = validate(req, { body: CreateInvitationBody });
    const actor = getActor(res);
    const { invitation, token, link } = await createInvitation({
      storage,
      actor,
      email: body.email,
      baseUrl: publicBaseUrl(req, config),
      ip: clientIp(req),
    });
    // Not awaited: a slow SMTP server never holds the answer back (it never throws).
    void sendInvitationMail(deps, {
      to: invitation.email,
      inviterName: actor.name,
      target: { kind: 'network' },
      link,
      expiresAt: invitation.expiresAt,
    });
    res.status(201).json({
      invitation: presentInvitation(invitation, { token, link, isEmailed: mailer.isDelivering }),
    });
  });

  router.get('/invitations', requireAdmin, async (_req, res) => {
    const invitations = await storage.listInvitations({ isPending: true });
    res.json({ invitations: invitations.map((invitation) => presentInvitation(invitation)) });
  });

  router.delete('/invitations/:id', requireAdmin, async (req, res) => {
    const { params } = validate(req, { params: IdParams });
    await storage.deleteInvitation({ id: params.id });
    await recordAudit({
      storage,
      actor: getActor(res),
      action: 'invitation.revoked',
      target: { type: 'invitation', id: params.id },
      ip: clientIp(req),
    });
    res.status(204).end();
  });

  router.get('/invitations/:token', async (req, res) => {
    const { params } = validate(req, { params: InvitationTokenParams });
    const invitation = await findUsableInvitation({ storage, token: params.token });
    if (!invitation) throw invalidInvitationError();
    const [workspace, document] = await Promise.all([
      invitation.workspaceId ? storage.getWorkspace({ id: invitation.workspaceId }) : null,
      invitation.documentId ? storage.getDocumentMeta({ id: invitation.documentId }) : null,
    ]);
    res.json({
      invitation: {
        email: invitation.email,
        workspaceName: workspace?.name ?? null,
        documentId: document?.id ?? null,
        documentTitle: document?.title ?? null,
        role: invitation.role,
        expiresAt: invitation.expiresAt.toISOString(),
        awaitsApproval: invitation.awaitsApproval,
      },
    });
  });

  // The invited person, signed in with the invited e-mail, joins the workspace.
  router.post('/invitations/:token/accept', requireUser, async (req, res) => {
    const { params } = validate(req, { params: InvitationTokenParams });
    const result = await acceptInvitationSignedIn({
      storage,
      user: getActor(res),
      token: params.token,
      ip: clientIp(req),
    });
    res.json(result);
  });

  router.post('/invitations/:id/approve', requireAdmin, async (req, res) => {
    const { params } = validate(req, { params: IdParams });
    const invitation = await approveInvitation({
      storage,
      actor: getActor(res),
      invitationId: params.id,
      ip: clientIp(req),
    });
    res.json({ invitation: presentInvitation(invitation) });
  });

  return router;
}
