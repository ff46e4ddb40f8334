/** The filter bar of a workspace's documents: kind, status, city, policy area and text. */
import { useTranslation } from 'react-i18next';
import type { OrganizationDto } from '../../../shared/api/entities';
import { DOCUMENT_KINDS, DOCUMENT_STATUSES, POLICY_AREAS } from '../../../shared/domain';
import type { DocumentFilters as Filters } from '../api/client';
import { SelectField } from '../components/SelectField';
import { TextField } from '../components/TextField';
import { CityPicker } from './CityPicker';

/** Controlled filters; every change calls `onChange` with the whole set. */
export function DocumentFilters({
  filters,
  cities,
  onChange,
}: {
  filters: Filters;
  cities: OrganizationDto[];
  onChange: (filters: Filters) => void;
}) {
  const { t } = useTranslation();
  const hasFilters = Object.values(filters).some(Boolean);
  return (
    <form
      className="filters"
      role="search"
      aria-label={t('workspace.filters')}
      onSubmit={(event) => event.preventDefault()}
    >
      <TextField
        label={t('workspace.search')}
        type="search"
        placeholder={t('workspace.searchPlaceholder')}
        value={filters.q ?? ''}
        onValue={(q) => onChange({ ...filters, q })}
      />
      <SelectField<NonNullable<Filters['kind']>>
        label={t('workspace.kind')}
        value={filters.kind ?? ''}
        options={DOCUMENT_KINDS}
        labelFor={(kind) => t(`kinds.${kind}`)}
        emptyLabel={t('workspace.all')}
        onValue={(kind) => onChange({ ...filters, kind })}
      />
      <SelectField<NonNullable<Filters['status']>>
        label={t('workspace.status')}
        value={filters.status ?? ''}
        options={DOCUMENT_STATUSES}
        labelFor={(status) => t(`statuses.${status}`)}
        emptyLabel={t('workspace.all')}
        onValue={(status) => onChange({ ...filters, status })}
      />
      <CityPicker
        label={t('workspace.city')}
        emptyLabel={t('workspace.all')}
        cities={cities}
        value={filters.cityId ?? ''}
        onValue={(cityId) => onChange({ ...filters, cityId })}
      />
      <SelectField<NonNullable<Filters['policyArea']>>
        label={t('workspace.policyArea')}
        value={filters.policyArea ?? ''}
        options={POLICY_AREAS}
        labelFor={(area) => t(`policyAreas.${area}`)}
        emptyLabel={t('workspace.all')}
        onValue={(policyArea) => onChange({ ...filters, policyArea })}
      />
      {hasFilters && (
        <button
          type="button"
          className="button button--ghost filters__clear"
          onClick={() => onChange({})}
        >
          {t('workspace.clearFilters')}
        </button>
      )}
    </form>
  );
}
