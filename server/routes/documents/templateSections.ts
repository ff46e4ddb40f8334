/**
 * `POST /api/documents/:id/template-sections`: writes the sections of the document kind's
 * template that the text lacks into the live document (owners and editors), so a deleted
 * section heading comes back where the template puts it and open editors see it at once.
 */
import express, { type Router } from 'express';
import { DocumentParams } from '../../../shared/api/documents';
import { addTemplateSections } from '../../commands/addTemplateSections';
import { getActor, requireUser } from '../../http/authentication';
import { clientIp } from '../../http/requestContext';
import { canEditDocumentContent } from '../../policies/document';
import type { RouteDeps } from '../deps';
import { loadAuthorizedLiveDocument, parseParams } from '../workspaces/access';

/** Router for adding a template's missing sections. */
export function createTemplateSectionsRouter(
  deps: Pick<RouteDeps, 'storage' | 'collab' | 'events'>,
): Router {
  const { storage, collab, events } = deps;
  const router = express.Router();

  router.post('/documents/:id/template-sections', requireUser, async (req, res) => {
    const actor = getActor(res);
    const { id } = parseParams(req, DocumentParams);
    const { document } = await loadAuthorizedLiveDocument(
      { storage, actor, documentId: id },
      canEditDocumentContent,
      'Only owners and editors change the text.',
    );
    const added = await addTemplateSections({
      collab,
      events,
      actor,
      document,
      ip: clientIp(req),
    });
    res.json({ added });
  });

  return router;
}
