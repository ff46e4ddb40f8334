/**
 * The search page's facet filters: one group per facet the server counts (kind, status,
 * policy area, city), each value a toggle button "Label (count)". Buttons, so Tab reaches
 * them and Enter or Space toggles; `aria-pressed` says which filter is on. A chosen value
 * stays listed (with its count) so it can be turned off again.
 */
import { useTranslation } from 'react-i18next';
import type { FacetCountDto, SearchAnswerDto } from '../../../shared/api/search';
import type { SearchFilters } from '../api/client';
import { useCities } from '../workspace/useCities';

/** Facet name in the answer → filter name in the query string. */
const FACETS = [
  { facet: 'kind', filter: 'kind' },
  { facet: 'status', filter: 'status' },
  { facet: 'policyArea', filter: 'policyArea' },
  { facet: 'city', filter: 'cityId' },
] as const satisfies ReadonlyArray<{
  facet: keyof SearchAnswerDto['facets'];
  filter: keyof SearchFilters;
}>;

/** The facet groups; `onFilters` gets the new filters when a value is toggled. */
export function SearchFacets(props: {
  facets: SearchAnswerDto['facets'];
  filters: SearchFilters;
  onFilters: (filters: SearchFilters) => void;
}) {
  const { t } = useTranslation();
  const cities = useCities();
  const labelOf = (facet: (typeof FACETS)[number]['facet'], value: string): string => {
    if (facet === 'kind') return t(`kinds.${value}`, { defaultValue: value });
    if (facet === 'status') return t(`statuses.${value}`, { defaultValue: value });
    if (facet === 'policyArea') return t(`policyAreas.${value}`, { defaultValue: value });
    return cities.find((city) => city.id === value)?.name ?? t('search.unknownCity');
  };
  return (
    <div className="search__facets">
      {FACETS.map(({ facet, filter }) => {
        const counts: FacetCountDto[] = props.facets[facet];
        const chosen = props.filters[filter];
        if (counts.length === 0 && !chosen) return null;
        return (
          <fieldset key={facet} className="search__facet" data-testid={`facet-${facet}`}>
            <legend>{t(`search.facets.${facet}`)}</legend>
            {counts.map(({ value, count }) => {
              const isOn = chosen === value;
              return (
                <button
                  key={value}
                  type="button"
                  className="search__facet-value"
                  aria-pressed={isOn}
                  onClick={() => props.onFilters({ ...props.filters, [filter]: isOn ? '' : value })}
                >
                  {labelOf(facet, value)} <span className="search__count">({count})</span>
                </button>
              );
            })}
          </fieldset>
        );
      })}
    </div>
  );
}
