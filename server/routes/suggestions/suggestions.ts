/**
 * Suggestions (track changes) on a document's text: list them (`GET
 * /api/documents/:id/suggestions`, anyone who reads the document) and accept or reject one
 * (`POST …/suggestions/:sid/accept|reject`) or all, optionally one author's (`POST
 * …/suggestions/accept-all|reject-all`), owners and editors, through the live document.
 * Settles of one document run one after the other (see `settleQueue.ts`).
 * Suggestions themselves are made in the editor, over the collab connection.
 */
import express, { type Router } from 'express';
import { IdParams } from '../../../shared/api/fields';
import {
  SettleAllSuggestionsBody,
  SuggestionParams,
  type SettleAllSuggestionsAnswer,
} from '../../../shared/api/suggestions';
import { settleAllSuggestions, settleSuggestion } from '../../commands/settleSuggestion';
import { validate } from '../../http/validate';
import { createKeyedQueue } from '../../suggestions/settleQueue';
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
  const settles = createKeyedQueue();
  const onlyEditors = 'Only owners and editors accept or reject suggestions.';

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
        onlyEditors,
      );
      const suggestion = await settles.run(id, () =>
        settleSuggestion({
          storage,
          events,
          collab,
          actor,
          document: access.document,
          suggestionId: sid,
          outcome,
          ip: clientIp(req),
        }),
      );
      res.json({ suggestion: { id: suggestion.id, status: suggestion.status } });
    });

    router.post(`/documents/:id/suggestions/${outcome}-all`, requireUser, async (req, res) => {
      const actor = getActor(res);
      const { id } = parseParams(req, IdParams);
      const { body } = validate(req, { body: SettleAllSuggestionsBody });
      const access = await loadAuthorizedLiveDocument(
        { storage, actor, documentId: id },
        canEditDocumentContent,
        onlyEditors,
      );
      const resolved = await settles.run(id, () =>
        settleAllSuggestions({
          storage,
          events,
          collab,
          actor,
          document: access.document,
          outcome,
          ...(body.authorId ? { authorId: body.authorId } : {}),
          ip: clientIp(req),
        }),
      );
      const answer: SettleAllSuggestionsAnswer = {
        status: outcome === 'accept' ? 'accepted' : 'rejected',
        ids: resolved.map((record) => record.id),
      };
      res.json(answer);
    });
  }

  return router;
}
