/**
 * `POST /api/documents/:id/collab-token`: the short-lived ticket a browser passes to
 * `/collab/<id>` (y-websocket `params: { token }`). Every reader gets one; it is read-only
 * unless the caller may edit the text.
 */
import express, { type Request, type Router } from 'express';
import type { CollabTokenDto } from '../../../shared/api/entities';
import { DocumentParams } from '../../../shared/api/documents';
import { signCollabToken } from '../../auth/collabToken';
import type { Config } from '../../env';
import { NotFoundError } from '../../errors';
import { findSession, getActor, requireUser } from '../../http/authentication';
import { publicBaseUrl } from '../../http/requestContext';
import { canEditDocumentContent, canReadDocument, isTextLocked } from '../../policies/document';
import { isReadOnlyWorkspace } from '../../policies/workspace';
import type { RouteDeps } from '../deps';
import { loadDocumentAccess, parseParams } from '../workspaces/access';

/** The WebSocket base of the collab endpoint, from PUBLIC_URL or the request's origin. */
function collabServerUrl(
  req: Request,
  config: Pick<Config, 'publicUrl' | 'isHostHeaderTrusted'>,
): string {
  const base = new URL(publicBaseUrl(req, config));
  const protocol = base.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${protocol}//${base.host}/collab`;
}

/** Router for collab tokens. */
export function createCollabTokenRouter(deps: Pick<RouteDeps, 'storage' | 'config'>): Router {
  const { storage, config } = deps;
  const router = express.Router();

  router.post('/documents/:id/collab-token', requireUser, async (req, res) => {
    const actor = getActor(res);
    const { id } = parseParams(req, DocumentParams);
    const { document, membership, workspace } = await loadDocumentAccess({
      storage,
      actor,
      documentId: id,
    });
    if (!canReadDocument(actor, membership, document)) throw new NotFoundError('No such document.');
    // The token carries what the role allows; the archived and approved/published rules are
    // applied by the collab server on every (re-)check (collab/access.ts), so unarchiving or
    // moving back to draft gives writing back to connections opened meanwhile. The answer
    // tells the client what holds now.
    const roleCanWrite = canEditDocumentContent(actor, membership, document);
    const canWrite = roleCanWrite && !isReadOnlyWorkspace(workspace) && !isTextLocked(document);
    const { token, claims } = signCollabToken({
      secret: config.sessionSecret,
      userId: actor.id,
      documentId: document.id,
      canWrite: roleCanWrite,
      ttlSeconds: config.collabTokenTtlSeconds,
      // Binds the connection to this sign-in: signing out closes it (server/collab/accessWatcher.ts).
      sessionId: findSession(res)?.id ?? null,
    });
    const answer: CollabTokenDto = {
      token,
      serverUrl: collabServerUrl(req, config),
      room: document.id,
      canWrite,
      expiresAt: new Date(claims.expiresAt * 1000).toISOString(),
    };
    res.json(answer);
  });

  return router;
}
