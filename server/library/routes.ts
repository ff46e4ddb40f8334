/**
 * The public library (`/library`, no account): server-rendered pages of published documents,
 * their citation files, the Atom feed, the comparison, and the stylesheet. Mounted before the
 * built client so these URLs never fall through to the SPA. Every request reads storage
 * afresh: unpublishing removes a document at once.
 */
import express, { type Request, type Response, type Router } from 'express';
import type { Config } from '../env';
import { loadHtmlExport } from '../exports';
import type { Storage } from '../storage/types';
import { CASE_STUDY_SECTIONS } from '../templates/sections';
import { libraryDocumentUrl, suggestedCitation, toAtomFeed, toBibtex, toRis } from './citation';
import {
  comparisonCsv,
  comparisonMarkdown,
  loadComparison,
  MAX_COMPARED_DOCUMENTS,
} from './compare';
import { outlineOf } from './content';
import { loadDocumentLinks } from './links';
import { filterFromQuery, libraryFacets, type LibraryQuery } from './facets';
import { trustedHtml } from './html';
import { applyLibraryFilter, listLibraryEntries, loadLibraryReading } from './queries';
import { LIBRARY_STYLESHEET } from './styles';
import {
  libraryComparePage,
  libraryListPage,
  libraryNotFoundPage,
  libraryReadingPage,
} from './templates';

const QUERY_KEYS = ['q', 'kind', 'policyArea', 'city', 'country', 'stakeholder', 'year'] as const;

/** The query string's library parameters (strings only; anything else ignored). */
function libraryQuery(req: Request): LibraryQuery {
  const query: LibraryQuery = {};
  for (const key of QUERY_KEYS) {
    const value = req.query[key];
    if (typeof value === 'string' && value.trim()) query[key] = value.trim().slice(0, 200);
  }
  return query;
}

/**
 * The ids of `documents`: comma-separated (`documents=a,b`, as links write it) and/or repeated
 * (`documents=a&documents=b`, as the compare form's boxes send it).
 */
function comparedIds(value: unknown): string[] {
  const values = Array.isArray(value) ? value : [value];
  return values.flatMap((item) => (typeof item === 'string' ? item.split(',') : []));
}

function sendPage(res: Response, status: number, page: string): void {
  // Public and the same for everyone, but short-lived: an unpublish must show at once.
  res.setHeader('Cache-Control', 'no-cache');
  res.status(status).type('html').send(page);
}

/** The router serving `/library…`; `config.publicUrl` (or the request's host) makes URLs absolute. */
export function createLibraryRouter(deps: {
  storage: Storage;
  config: Pick<Config, 'publicUrl'>;
}): Router {
  const { storage, config } = deps;
  const router = express.Router();
  const baseUrl = (req: Request) => config.publicUrl ?? `${req.protocol}://${req.get('host')}`;

  router.get('/library/library.css', (_req, res) => {
    res.setHeader('Cache-Control', 'public, max-age=3600');
    res.type('css').send(LIBRARY_STYLESHEET);
  });

  router.get('/library', async (req, res) => {
    const query = libraryQuery(req);
    const matching = await listLibraryEntries(storage, query.q);
    const entries = applyLibraryFilter(matching, filterFromQuery(query));
    const page = libraryListPage({
      q: query.q ?? '',
      entries,
      facets: libraryFacets(entries, query),
      compareSections: CASE_STUDY_SECTIONS.map((section) => section.heading),
    });
    sendPage(res, 200, page);
  });

  router.get('/library/feed.atom', async (req, res) => {
    const entries = await listLibraryEntries(storage, undefined);
    res.setHeader('Cache-Control', 'no-cache');
    res.type('application/atom+xml').send(toAtomFeed(entries.slice(0, 50), baseUrl(req)));
  });

  router.get('/library/compare', async (req, res) => {
    const ids = comparedIds(req.query.documents);
    const section = typeof req.query.section === 'string' ? req.query.section.trim() : '';
    const wanted = [...new Set(ids.map((id) => id.trim()).filter(Boolean))];
    if (wanted.length === 0 || wanted.length > MAX_COMPARED_DOCUMENTS || !section) {
      res.status(400).json({
        error: {
          code: 'invalid_comparison',
          message: `Give 1 to ${MAX_COMPARED_DOCUMENTS} documents and a section name.`,
        },
      });
      return;
    }
    const columns = await loadComparison(storage, wanted, section);
    if (columns.length === 0) return sendPage(res, 404, libraryNotFoundPage());
    const format = req.query.format;
    if (format === 'csv' || format === 'md') {
      const body =
        format === 'csv'
          ? comparisonCsv(columns, baseUrl(req))
          : comparisonMarkdown(columns, section, baseUrl(req));
      res.attachment(`comparison.${format}`);
      res.type(format === 'csv' ? 'text/csv; charset=utf-8' : 'text/markdown; charset=utf-8');
      res.send(body);
      return;
    }
    const params = new URLSearchParams({ documents: wanted.join(','), section });
    sendPage(
      res,
      200,
      libraryComparePage({
        section,
        columns,
        downloads: {
          csv: `/library/compare?${params.toString()}&format=csv`,
          markdown: `/library/compare?${params.toString()}&format=md`,
        },
      }),
    );
  });

  router.get('/library/:documentId', async (req, res) => {
    const reading = await loadLibraryReading(storage, req.params.documentId);
    if (!reading) return sendPage(res, 404, libraryNotFoundPage());
    const url = libraryDocumentUrl(baseUrl(req), reading.document.id);
    const links = await loadDocumentLinks(storage, reading.document.id, reading.content);
    const { toHtmlBody } = await loadHtmlExport();
    sendPage(
      res,
      200,
      libraryReadingPage({
        entry: reading,
        body: trustedHtml(toHtmlBody(reading.content)),
        outline: outlineOf(reading.content),
        url,
        citation: suggestedCitation(reading, url),
        ...links,
      }),
    );
  });

  router.get('/library/:documentId/cite.:format', async (req, res) => {
    const { format } = req.params;
    const reading =
      format === 'bib' || format === 'ris'
        ? await loadLibraryReading(storage, req.params.documentId)
        : null;
    if (!reading) return sendPage(res, 404, libraryNotFoundPage());
    const url = libraryDocumentUrl(baseUrl(req), reading.document.id);
    res.setHeader('Cache-Control', 'no-cache');
    res.attachment(`citation.${format}`);
    if (format === 'bib')
      res.type('application/x-bibtex; charset=utf-8').send(toBibtex(reading, url));
    else res.type('application/x-research-info-systems; charset=utf-8').send(toRis(reading, url));
  });

  return router;
}
