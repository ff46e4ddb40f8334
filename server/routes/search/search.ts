/**
 * `GET /api/search?q=`: full-text search over every document the caller may read (title,
 * text, city, policy areas, comments), ranked, with snippets and facets. The storage filters
 * by access inside its query (`searchScopeFor`), so nothing else is ranked, counted or quoted.
 */
import express, { type Router } from 'express';
import { SearchQuery, type SearchAnswerDto } from '../../../shared/api/search';
import { loadDocumentCallers } from '../../access/documentCallers';
import { getActor, requireUser } from '../../http/authentication';
import { validate } from '../../http/validate';
import { searchScopeFor } from '../../policies/search';
import { presentDocuments } from '../../presenters/document';
import { searchTerms } from '../../search/terms';
import type { RouteDeps } from '../deps';

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
    const { callerFor } = await loadDocumentCallers({ storage, actor, documents });
    const presented = await presentDocuments({ storage, documents, callerFor });
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
