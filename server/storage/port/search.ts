/**
 * The storage port for full-text search over documents (SQLite FTS5, MongoDB text index).
 * Access is filtered inside the engine's query: a document the caller may not read is never
 * ranked, counted or quoted in a snippet.
 */
import type { DocumentKind, DocumentStatus, PolicyArea } from '../../../shared/domain';
import type { DocumentSummary } from './documents';

/**
 * Whose documents are searched: every live document (network admins read all), or those of
 * the workspaces `userId` is a member of and those shared with `userId` directly. A document's
 * link reach (`network`, `public`) lets people open it by its link, not find it.
 */
export type SearchScope = { kind: 'all' } | { kind: 'member'; userId: string };

/** Narrowing by facet values (all optional). */
export interface SearchFilter {
  kind?: DocumentKind;
  status?: DocumentStatus;
  policyArea?: PolicyArea;
  cityId?: string;
}

/** One value of a facet and how many matching documents have it. */
export interface FacetCount {
  value: string;
  count: number;
}

/** One hit: the document (no plain text) and a snippet with highlight ranges. */
export interface SearchHit {
  document: DocumentSummary;
  snippet: string;
  highlights: Array<{ start: number; end: number }>;
}

/** A page of ranked hits, the total and the facets of every matching document. */
export interface SearchResult {
  hits: SearchHit[];
  total: number;
  facets: {
    kind: FacetCount[];
    status: FacetCount[];
    policyArea: FacetCount[];
    city: FacetCount[];
  };
}

/** Full-text search (`sqlite/search.ts`, `mongo/search.ts`). */
export interface SearchMethods {
  /**
   * Live documents of `scope` whose title, text, city, policy areas or comments contain every
   * one of `terms` (from `server/search/terms.ts`; each may be a word's beginning; accents and
   * case folded), best first; facets count over all of them (with `filter` applied). No
   * terms: nothing found.
   */
  searchDocuments(input: {
    terms: string[];
    scope: SearchScope;
    filter?: SearchFilter;
    limit: number;
    offset?: number;
  }): Promise<SearchResult>;
}
