/**
 * Sharing one document: `POST /api/documents/:id/shares` (with one person, by e-mail),
 * `DELETE /api/documents/:id/shares/:shareId` (a share or a pending document invitation),
 * and `GET /api/documents/:id/access` (also `/shares`): who may use the document and how.
 * Owners only (network admins act as owners); editors do not share (see `canShareDocument`).
 */
import express, { type Router } from 'express';
import { DocumentParams } from '../../../shared/api/documents';
import {
  CreateShareBody,
  ShareParams,
  type CreateShareAnswer,
  type DocumentAccessDto,
} from '../../../shared/api/shares';
import { revokeDocumentShare, shareDocument } from '../../commands/shareDocument';
import { NotFoundError } from '../../errors';
import { getActor, requireUser } from '../../http/authentication';
import { clientIp, publicBaseUrl } from '../../http/requestContext';
import { validate } from '../../http/validate';
import { canShareDocument } from '../../policies/document';
import { presentInvitation } from '../../presenters/invitations';
import { presentPendingShare, presentShare } from '../../presenters/shares';
import type { Storage, User } from '../../storage/types';
import type { RouteDeps } from '../deps';
import {
  authorize,
  loadAuthorizedLiveDocument,
  loadDocumentAccess,
  parseParams,
} from '../workspaces/access';

const OWNERS_ONLY = 'Only owners share a document.';

/** The share dialog's list: members by workspace role, direct and pending shares, link reach. */
async function documentAccessList(input: {
  storage: Storage;
  documentId: string;
  workspaceId: string;
}): Promise<Omit<DocumentAccessDto, 'linkAccess' | 'isMailDelivering'>> {
  const { storage, documentId, workspaceId } = input;
  const [memberships, shares, pending] = await Promise.all([
    storage.listMemberships({ workspaceId }),
    storage.listDocumentShares({ documentId }),
    storage.listInvitations({ documentId, isPending: true }),
  ]);
  const users = await storage.listUsers({
    ids: [...memberships.map((m) => m.userId), ...shares.map((s) => s.userId)],
  });
  const userById = new Map(users.map((user) => [user.id, user]));
  const withUser = <T extends { userId: string }>(rows: T[]) =>
    rows.flatMap((row) => {
      const user = userById.get(row.userId);
      return user ? [{ row, user }] : [];
    });
  return {
    documentId,
    workspaceId,
    members: withUser(memberships).map(({ row, user }) => ({
      user: { id: user.id, name: user.name, email: user.email },
      role: row.role,
    })),
    shares: [
      ...withUser(shares).map(({ row, user }) => presentShare(row, user)),
      ...pending.map(presentPendingShare),
    ],
  };
}

/** Router for a document's shares and access list. */
export function createSharesRouter(
  deps: Pick<RouteDeps, 'storage' | 'config' | 'events' | 'mailer' | 'creationLimits'>,
): Router {
  const { storage, config, events, mailer, creationLimits } = deps;
  const router = express.Router();

  const accessAnswer = async (actor: User, documentId: string): Promise<DocumentAccessDto> => {
    const { document, membership } = await loadDocumentAccess({ storage, actor, documentId });
    if (document.deletedAt) throw new NotFoundError('No such document.');
    authorize(canShareDocument(actor, membership, document), OWNERS_ONLY);
    const list = await documentAccessList({
      storage,
      documentId: document.id,
      workspaceId: document.workspaceId,
    });
    return { ...list, linkAccess: document.linkAccess, isMailDelivering: mailer.isDelivering };
  };

  for (const path of ['/documents/:id/access', '/documents/:id/shares']) {
    router.get(path, requireUser, async (req, res) => {
      const { id } = parseParams(req, DocumentParams);
      res.json(await accessAnswer(getActor(res), id));
    });
  }

  router.post(
    '/documents/:id/shares',
    requireUser,
    creationLimits.invitations,
    async (req, res) => {
      const actor = getActor(res);
      const { id } = parseParams(req, DocumentParams);
      const { document } = await loadAuthorizedLiveDocument(
        { storage, actor, documentId: id },
        canShareDocument,
        OWNERS_ONLY,
      );
      const { body } = validate(req, { body: CreateShareBody });
      const result = await shareDocument({
        storage,
        events,
        mailer,
        actor,
        document,
        email: body.email,
        role: body.role,
        baseUrl: publicBaseUrl(req, config),
        ip: clientIp(req),
      });
      if (result.kind === 'share') {
        const answer: CreateShareAnswer = {
          share: presentShare(result.share, result.user),
          mailed: result.mailed,
        };
        res.status(201).json(answer);
        return;
      }
      // The link goes back only when no e-mail carried it: then it must be copied by hand.
      const { invitation, token, link, mailed } = result;
      const answer: CreateShareAnswer = {
        share: presentPendingShare(invitation),
        mailed,
        invitation: presentInvitation(invitation, mailed ? {} : { token, link }),
      };
      res.status(201).json(answer);
    },
  );

  // Taking access away is always allowed to owners, archived workspace or not.
  router.delete('/documents/:id/shares/:shareId', requireUser, async (req, res) => {
    const actor = getActor(res);
    const { id, shareId } = parseParams(req, ShareParams);
    const { document, membership } = await loadDocumentAccess({ storage, actor, documentId: id });
    authorize(canShareDocument(actor, membership, document), OWNERS_ONLY);
    const isRevoked = await revokeDocumentShare({
      storage,
      events,
      actor,
      document,
      shareId,
      ip: clientIp(req),
    });
    if (!isRevoked) throw new NotFoundError('No such share of this document.', 'share_not_found');
    res.status(204).end();
  });

  return router;
}
