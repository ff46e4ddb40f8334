/**
 * Suggestions (track changes) on a document's text: list them (`GET
 * /api/documents/:id/suggestions`, anyone who reads the document) and accept or reject one
 * (`POST …/suggestions/:sid/accept|reject`, owners and editors) through the live document.
 * Suggestions themselves are made in the editor, over the collab connection.
 */
import express, { type Router } from 'express';
import { IdParams } from '../../../shared/api/fields';
import { SuggestionParams } from '../../../shared/api/suggestions';
import { settleSuggestion } from '../../commands/settleSuggestion';
import { NotFoundError } from '../../errors';
import { getActor, requireUser } from '../../http/authentication';
import { clientIp } from '../../http/requestContext';
import { canEditDocumentContent, canReadDocument } from '../../policies/document';
import { isReadOnlyWorkspace } from '../../policies/workspace';
import { loadSuggestionViews } from '../../suggestions/views';
import type { RouteDeps } from '../deps';
import { loadAuthorizedLiveDocument, loadDocumentAccess, parseParams } from '../workspaces/access';

/** Router for suggestions. */
export function createSuggestionsRouter(
  deps: Pick<RouteDeps, 'storage' | 'collab' | 'events'>,
): Router {
  const { storage, collab, events } = deps;
  const router = express.Router();

  router.get('/documents/:id/suggestions', requireUser, async (req, res) => {
    const actor = getActor(res);
    const { id } = parseParams(req, IdParams);
    const access = await loadDocumentAccess({ storage, actor, documentId: id });
    if (!canReadDocument(actor, access.membership, access.document))
      throw new NotFoundError('No such document.');
    const suggestions = await loadSuggestionViews({
      storage,
      live: collab,
      documentId: id,
      canResolve:
        canEditDocumentContent(actor, access.membership, access.document) &&
        !isReadOnlyWorkspace(access.workspace),
    });
    res.json({ suggestions });
  });

  for (const outcome of ['accept', 'reject'] as const) {
    router.post(`/documents/:id/suggestions/:sid/${outcome}`, requireUser, async (req, res) => {
      const actor = getActor(res);
      const { id, sid } = parseParams(req, SuggestionParams);
      const access = await loadAuthorizedLiveDocument(
        { storage, actor, documentId: id },
        canEditDocumentContent,
        'Only owners and editors accept or reject suggestions.',
      );
      const suggestion = await settleSuggestion({
        storage,
        events,
        collab,
        actor,
        document: access.document,
        suggestionId: sid,
        outcome,
        ip: clientIp(req),
      });
      res.json({ suggestion: { id: suggestion.id, status: suggestion.status } });
    });
  }

  return router;
}
