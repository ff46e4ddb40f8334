/**
 * `/api/invitations`: the admin invites someone to the network (an account without a
 * workspace) and lists pending invitations; anyone holding a token may preview it, so the
 * accept screen can show who it is for. Workspace invitations are made by the workspaces
 * group (via `createInvitation`) and previewed here too.
 */
import express, { type Router } from 'express';
import { InvitationTokenParams } from '../../../shared/api/auth';
import { IdParams } from '../../../shared/api/fields';
import { CreateInvitationBody } from '../../../shared/api/users';
import { createInvitation } from '../../commands/createInvitation';
import { findUsableInvitation } from '../../commands/findInvitation';
import { recordAudit } from '../../commands/recordAudit';
import { NotFoundError } from '../../errors';
import { getActor, requireAdmin } from '../../http/authentication';
import { clientIp, publicBaseUrl } from '../../http/requestContext';
import { validate } from '../../http/validate';
import { presentInvitation } from '../../presenters/invitations';
import type { RouteDeps } from '../deps';

/** Router for `/api/invitations*`. */
export function createInvitationsRouter(deps: Pick<RouteDeps, 'config' | 'storage'>): Router {
  const { config, storage } = deps;
  const router = express.Router();

  router.post('/invitations', requireAdmin, async (req, res) => {
    const { body } = validate(req, { body: CreateInvitationBody });
    const { invitation, token, link } = await createInvitation({
      storage,
      actor: getActor(res),
      email: body.email,
      baseUrl: publicBaseUrl(req, config),
      ip: clientIp(req),
    });
    res.status(201).json({ invitation: presentInvitation(invitation, { token, link }) });
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
    if (!invitation)
      throw new NotFoundError(
        'This invitation is unknown, expired or already used.',
        'invalid_invitation',
      );
    const workspace = invitation.workspaceId
      ? await storage.getWorkspace({ id: invitation.workspaceId })
      : null;
    res.json({
      invitation: {
        email: invitation.email,
        workspaceName: workspace?.name ?? null,
        role: invitation.role,
        expiresAt: invitation.expiresAt.toISOString(),
      },
    });
  });

  return router;
}
