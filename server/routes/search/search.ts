/**
 * `GET /api/search?q=`: full-text search over every document the caller may read (title,
 * text, city, policy areas, comments), ranked, with snippets and facets. The storage filters
 * by access inside its query (`searchScopeFor`), so nothing else is ranked, counted or quoted.
 */
import express, { type Router } from 'express';
import { SearchQuery, type SearchAnswerDto } from '../../../shared/api/search';
import { getActor, requireUser } from '../../http/authentication';
import { validate } from '../../http/validate';
import { searchScopeFor } from '../../policies/search';
import { presentDocuments, type CallerInWorkspace } from '../../presenters/document';
import type { Storage, User, Workspace } from '../../storage/types';
import { searchTerms } from '../../search/terms';
import type { RouteDeps } from '../deps';

/** The caller's view of each workspace of the hits (for the abilities in the answer). */
async function callersFor(input: {
  storage: Storage;
  actor: User;
  workspaceIds: string[];
}): Promise<(workspaceId: string) => CallerInWorkspace> {
  const { storage, actor } = input;
  const entries = await Promise.all(
    [...new Set(input.workspaceIds)].map(async (workspaceId) => {
      const [workspace, membership] = await Promise.all([
        storage.getWorkspace({ id: workspaceId }),
        storage.getMembership({ workspaceId, userId: actor.id }),
      ]);
      return [workspaceId, { workspace, membership }] as const;
    }),
  );
  const byId = new Map(entries);
  return (workspaceId) => {
    const entry = byId.get(workspaceId);
    if (!entry?.workspace) throw new Error(`Workspace ${workspaceId} of a hit is not loaded.`);
    return { actor, workspace: entry.workspace as Workspace, membership: entry.membership };
  };
}

/** Router for `/api/search`. */
export function createSearchRouter(deps: Pick<RouteDeps, 'storage'>): Router {
  const { storage } = deps;
  const router = express.Router();

  router.get('/search', requireUser, async (req, res) => {
    const actor = getActor(res);
    const { query } = validate(req, { query: SearchQuery });
    const { q, limit, offset, ...filter } = query;
    const found = await storage.searchDocuments({
      terms: searchTerms(q),
      scope: searchScopeFor(actor),
      filter,
      limit,
      offset,
    });
    const documents = found.hits.map((hit) => hit.document);
    const callerIn = await callersFor({
      storage,
      actor,
      workspaceIds: documents.map((document) => document.workspaceId),
    });
    const presented = await presentDocuments({ storage, documents, callerIn });
    const answer: SearchAnswerDto = {
      results: found.hits.map((hit, index) => ({
        document: presented[index]!,
        snippet: hit.snippet,
        highlights: hit.highlights,
      })),
      total: found.total,
      facets: found.facets,
    };
    res.json(answer);
  });

  return router;
}
