/** The filter bar of a workspace's documents: kind, status, city, policy area and text. */
import { useTranslation } from 'react-i18next';
import type { OrganizationDto } from '../../../shared/api/entities';
import { DOCUMENT_KINDS, DOCUMENT_STATUSES, POLICY_AREAS } from '../../../shared/domain';
import type { DocumentFilters as Filters } from '../api/client';

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
      <label className="field">
        <span className="field__label">{t('workspace.search')}</span>
        <input
          type="search"
          placeholder={t('workspace.searchPlaceholder')}
          value={filters.q ?? ''}
          onChange={(event) => onChange({ ...filters, q: event.target.value })}
        />
      </label>
      <label className="field">
        <span className="field__label">{t('workspace.kind')}</span>
        <select
          value={filters.kind ?? ''}
          onChange={(event) =>
            onChange({ ...filters, kind: event.target.value as Filters['kind'] })
          }
        >
          <option value="">{t('workspace.all')}</option>
          {DOCUMENT_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`kinds.${kind}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span className="field__label">{t('workspace.status')}</span>
        <select
          value={filters.status ?? ''}
          onChange={(event) =>
            onChange({ ...filters, status: event.target.value as Filters['status'] })
          }
        >
          <option value="">{t('workspace.all')}</option>
          {DOCUMENT_STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`statuses.${status}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span className="field__label">{t('workspace.city')}</span>
        <select
          value={filters.cityId ?? ''}
          onChange={(event) => onChange({ ...filters, cityId: event.target.value })}
        >
          <option value="">{t('workspace.all')}</option>
          {cities.map((city) => (
            <option key={city.id} value={city.id}>
              {city.name}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span className="field__label">{t('workspace.policyArea')}</span>
        <select
          value={filters.policyArea ?? ''}
          onChange={(event) =>
            onChange({ ...filters, policyArea: event.target.value as Filters['policyArea'] })
          }
        >
          <option value="">{t('workspace.all')}</option>
          {POLICY_AREAS.map((area) => (
            <option key={area} value={area}>
              {t(`policyAreas.${area}`)}
            </option>
          ))}
        </select>
      </label>
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
