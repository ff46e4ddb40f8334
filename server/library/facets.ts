/**
 * The library's facets: counts of each value over the text-matched publications, and links
 * that add the value to the current filter (or remove it when it is already selected).
 */
import type { FacetGroup, FacetLink } from './templates';
import type { LibraryEntry, LibraryFilter } from './queries';

type FacetKey = 'kind' | 'policyArea' | 'city' | 'country' | 'stakeholder' | 'year';

/** The current query string's values, by facet key and `q`. */
export type LibraryQuery = Partial<Record<FacetKey | 'q', string>>;

function hrefWith(query: LibraryQuery, key: FacetKey, value: string | null): string {
  const params = new URLSearchParams();
  for (const [name, current] of Object.entries({ ...query, [key]: value ?? undefined })) {
    if (current) params.set(name, current);
  }
  const text = params.toString();
  return text ? `/library?${text}` : '/library';
}

function group(
  title: string,
  key: FacetKey,
  entries: LibraryEntry[],
  query: LibraryQuery,
  valuesOf: (entry: LibraryEntry) => Array<{ value: string; label: string }>,
): FacetGroup {
  const counts = new Map<string, { label: string; count: number }>();
  for (const entry of entries) {
    for (const { value, label } of valuesOf(entry)) {
      const seen = counts.get(value);
      counts.set(value, { label, count: (seen?.count ?? 0) + 1 });
    }
  }
  const links: FacetLink[] = [...counts.entries()]
    .sort((a, b) => b[1].count - a[1].count || a[1].label.localeCompare(b[1].label))
    .map(([value, { label, count }]) => {
      const selected = query[key] === value;
      return { label, count, selected, href: hrefWith(query, key, selected ? null : value) };
    });
  return { title, links };
}

const same = (value: string) => [{ value, label: value }];

/** Every facet group over `entries` (the publications matching the current filter). */
export function libraryFacets(entries: LibraryEntry[], query: LibraryQuery): FacetGroup[] {
  return [
    group('Kind', 'kind', entries, query, (e) => same(e.document.kind)),
    group('Policy area', 'policyArea', entries, query, (e) =>
      e.document.policyAreas.map((area) => ({ value: area, label: area })),
    ),
    group('City', 'city', entries, query, (e) =>
      e.city ? [{ value: e.city.id, label: e.city.name }] : [],
    ),
    group('Country', 'country', entries, query, (e) => (e.city ? same(e.city.country) : [])),
    group('Stakeholders', 'stakeholder', entries, query, (e) =>
      e.document.stakeholders.map((type) => ({ value: type, label: type })),
    ),
    group('Year', 'year', entries, query, (e) => same(String(e.year))),
  ];
}

/** The filter a query string asks for (unknown values simply match nothing). */
export function filterFromQuery(query: LibraryQuery): LibraryFilter {
  const year = query.year ? Number(query.year) : undefined;
  return {
    ...(query.kind ? { kind: query.kind as LibraryFilter['kind'] } : {}),
    ...(query.policyArea ? { policyArea: query.policyArea as LibraryFilter['policyArea'] } : {}),
    ...(query.city ? { city: query.city } : {}),
    ...(query.country ? { country: query.country } : {}),
    ...(query.stakeholder
      ? { stakeholder: query.stakeholder as LibraryFilter['stakeholder'] }
      : {}),
    ...(year !== undefined ? { year: Number.isInteger(year) ? year : -1 } : {}),
  };
}
