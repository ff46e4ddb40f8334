/**
 * Full-text search in SQLite: the FTS5 table `documents_fts` (migration 6: `unicode61
 * remove_diacritics 2`, prefixes indexed), ranked by bm25 with the title weighing most.
 * Access and facet filters are conditions of the same query, so nothing outside the scope is
 * ranked, counted or quoted.
 */
import { MATCH_CLOSE, MATCH_OPEN, parseMarkedSnippet } from '../../search/snippet';
import type {
  FacetCount,
  SearchFilter,
  SearchMethods,
  SearchResult,
  SearchScope,
} from '../port/search';
import type { SqlValue } from './codec';
import type { SqliteContext } from './database';
import { summaryColumnsOf, toDocumentSummary, type DocumentSummaryRow } from './documents';
import { translateSqlite } from './errors';

/**
 * The FTS5 query: every term quoted (so no input is ever FTS syntax: `AND`, `NEAR(`, `"`,
 * `*`, `:`…) with a prefix star, joined by spaces (FTS5's implicit AND: all must match).
 */
export function ftsMatchExpression(terms: readonly string[]): string {
  return terms.map((term) => `"${term.replace(/"/g, '""')}"*`).join(' ');
}

/** bm25 weights of the FTS columns: title, body, city, areas, comments. */
const RANK = 'bm25(documents_fts, 10.0, 1.0, 4.0, 2.0, 1.0)';

/** The FROM/WHERE shared by the page and the facets; every value is a bound parameter. */
function compileSearch(
  terms: readonly string[],
  scope: SearchScope,
  filter: SearchFilter,
): { from: string; params: SqlValue[] } {
  const conditions = ['documents_fts MATCH ?', 'd.deleted_at IS NULL'];
  const params: SqlValue[] = [ftsMatchExpression(terms)];
  if (scope.kind === 'member') {
    // Their workspaces' documents, and the documents shared with them directly.
    conditions.push(
      `(d.workspace_id IN (SELECT workspace_id FROM memberships WHERE user_id = ?)
        OR d.id IN (SELECT document_id FROM document_shares WHERE user_id = ?))`,
    );
    params.push(scope.userId, scope.userId);
  }
  if (filter.kind !== undefined) {
    conditions.push('d.kind = ?');
    params.push(filter.kind);
  }
  if (filter.status !== undefined) {
    conditions.push('d.status = ?');
    params.push(filter.status);
  }
  if (filter.cityId !== undefined) {
    conditions.push('d.city_id = ?');
    params.push(filter.cityId);
  }
  if (filter.policyArea !== undefined) {
    conditions.push('EXISTS (SELECT 1 FROM json_each(d.policy_areas) WHERE value = ?)');
    params.push(filter.policyArea);
  }
  const from = `FROM documents_fts
    JOIN search_rows s ON s.id = documents_fts.rowid
    JOIN documents d ON d.id = s.document_id
    WHERE ${conditions.join(' AND ')}`;
  return { from, params };
}

interface HitRow extends DocumentSummaryRow {
  snippet: string;
}

interface FacetRow {
  facet: 'kind' | 'status' | 'policyArea' | 'city';
  value: string;
  n: number;
}

/** The search part of the SQLite adapter. */
export function createSqliteSearch({ stmt }: SqliteContext): SearchMethods {
  return {
    async searchDocuments({ terms, scope, filter = {}, limit, offset = 0 }) {
      const empty: SearchResult = {
        hits: [],
        total: 0,
        facets: { kind: [], status: [], policyArea: [], city: [] },
      };
      if (terms.length === 0) return empty;
      const { from, params } = compileSearch(terms, scope, filter);
      // The page is ranked first (rank only, cheap), then snippets are made for its rows only:
      // a snippet for each of thousands of matches was most of the time of a common word.
      const rows =
        limit <= 0
          ? []
          : (translateSqlite(() =>
              stmt(
                `WITH page AS (
                   SELECT documents_fts.rowid AS fts_rowid, ${RANK} AS score ${from}
                   ORDER BY score, d.updated_at DESC LIMIT ? OFFSET ?)
                 SELECT ${summaryColumnsOf('d')},
                   snippet(documents_fts, -1, '${MATCH_OPEN}', '${MATCH_CLOSE}', '…', 24) AS snippet
                 FROM page
                 JOIN documents_fts ON documents_fts.rowid = page.fts_rowid
                 JOIN search_rows s ON s.id = page.fts_rowid
                 JOIN documents d ON d.id = s.document_id
                 WHERE documents_fts MATCH ?
                 ORDER BY page.score, d.updated_at DESC`,
              ).all(...params, Math.floor(limit), Math.max(0, Math.floor(offset)), params[0]!),
            ) as HitRow[]);
      const facetRows = translateSqlite(() =>
        stmt(
          `WITH hits AS MATERIALIZED (SELECT d.kind, d.status, d.city_id, d.policy_areas ${from})
           SELECT 'kind' AS facet, kind AS value, count(*) AS n FROM hits GROUP BY kind
           UNION ALL SELECT 'status', status, count(*) FROM hits GROUP BY status
           UNION ALL SELECT 'city', city_id, count(*) FROM hits WHERE city_id IS NOT NULL GROUP BY city_id
           UNION ALL SELECT 'policyArea', j.value, count(*) FROM hits, json_each(hits.policy_areas) j
             GROUP BY j.value`,
        ).all(...params),
      ) as FacetRow[];
      const facets: SearchResult['facets'] = { kind: [], status: [], policyArea: [], city: [] };
      for (const row of facetRows) facets[row.facet].push({ value: row.value, count: row.n });
      for (const list of Object.values(facets) as FacetCount[][]) {
        list.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
      }
      return {
        hits: rows.map((row) => {
          const { text, highlights } = parseMarkedSnippet(row.snippet);
          return { document: toDocumentSummary(row), snippet: text, highlights };
        }),
        total: facets.kind.reduce((sum, entry) => sum + entry.count, 0),
        facets,
      };
    },
  };
}
