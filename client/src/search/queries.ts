/** Data hook of the search page: the answer for one query, kept on screen while typing. */
import { api, type SearchFilters } from '../api/client';
import { queryKeys } from '../query/queryKeys';
import { useApiQuery } from '../query/useApiQuery';

/** Search results for `query` narrowed by `filters` (nothing is asked for an empty query). */
export function useSearch(query: string, filters: SearchFilters = {}) {
  return useApiQuery({
    queryKey: queryKeys.search(query, filters),
    load: () => api.search(query, filters),
    enabled: query.trim() !== '',
    keepPrevious: true,
  });
}
