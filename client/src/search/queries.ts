/** Data hook of the search page: the answer for one query, kept on screen while typing. */
import { api } from '../api/client';
import { queryKeys } from '../query/queryKeys';
import { useApiQuery } from '../query/useApiQuery';

/** Search results for `query` (nothing is asked for an empty query). */
export function useSearch(query: string) {
  return useApiQuery({
    queryKey: queryKeys.search(query),
    load: () => api.search(query),
    enabled: query.trim() !== '',
    keepPrevious: true,
  });
}
