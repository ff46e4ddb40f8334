/**
 * `/search?q=`: results as the person types (the query is in the address), each with a
 * snippet whose matched words are highlighted from the server's ranges (plain text, never
 * HTML), and the facet filters with their counts (the chosen filters are in the address too).
 */
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { SearchResultDto } from '../../../shared/api/search';
import type { SearchFilters } from '../api/client';
import { ErrorScreen } from '../components/ErrorScreen';
import { Layout } from '../components/Layout';
import { useSearch } from './queries';
import { SearchFacets } from './SearchFacets';

const FILTER_NAMES = ['kind', 'status', 'policyArea', 'cityId'] as const;

/** The facet filters in the address (`?kind=…&cityId=…`); unknown values are the server's to refuse. */
function filtersOf(params: URLSearchParams): SearchFilters {
  const filters: Record<string, string> = {};
  for (const name of FILTER_NAMES) {
    const value = params.get(name);
    if (value) filters[name] = value;
  }
  return filters as SearchFilters;
}

/** The snippet with its highlight ranges as `<mark>`s. */
function Snippet({ result }: { result: SearchResultDto }) {
  const parts: Array<{ text: string; isMatch: boolean }> = [];
  let at = 0;
  for (const { start, end } of result.highlights) {
    if (start > at) parts.push({ text: result.snippet.slice(at, start), isMatch: false });
    parts.push({ text: result.snippet.slice(start, end), isMatch: true });
    at = end;
  }
  parts.push({ text: result.snippet.slice(at), isMatch: false });
  return (
    <p className="search__snippet">
      {parts.map((part, index) =>
        part.isMatch ? <mark key={index}>{part.text}</mark> : <span key={index}>{part.text}</span>,
      )}
    </p>
  );
}

/** The results page. */
export default function SearchPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const query = params.get('q') ?? '';
  const filters = filtersOf(params);
  const found = useSearch(query, filters);
  const setAddress = (next: { q: string; filters: SearchFilters }) => {
    const entries = Object.entries({ q: next.q, ...next.filters }).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== '',
    );
    setParams(Object.fromEntries(entries), { replace: true });
  };
  return (
    <Layout title={t('search.title')}>
      <h1>{t('search.title')}</h1>
      <input
        type="search"
        className="search__input"
        aria-label={t('search.label')}
        value={query}
        onChange={(event) => setAddress({ q: event.target.value, filters })}
      />
      {found.status === 'error' && <ErrorScreen error={found.error} onRetry={found.reload} />}
      {found.status === 'ready' && (
        <>
          <p>{t('search.total', { count: found.data.total })}</p>
          <SearchFacets
            facets={found.data.facets}
            filters={filters}
            onFilters={(next) => setAddress({ q: query, filters: next })}
          />
          <ol className="search__results">
            {found.data.results.map((result) => (
              <li key={result.document.id}>
                <Link to={`/documents/${result.document.id}`}>{result.document.title}</Link>
                <Snippet result={result} />
              </li>
            ))}
          </ol>
        </>
      )}
    </Layout>
  );
}
