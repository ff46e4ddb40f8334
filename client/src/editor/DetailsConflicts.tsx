/**
 * The fields someone else changed while the person was editing them: the other value beside a
 * choice to keep one's own or take theirs. Nothing is saved over the other change until then.
 */
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { OrganizationDto } from '../../../shared/api/entities';
import type { DocumentLanguage } from '../../../shared/domain';
import { languageName } from '../i18n/languageNames';
import {
  DETAIL_FIELDS,
  type DetailConflicts,
  type DetailField,
  type DetailsFields,
} from './detailsMerge';

const FIELD_LABELS: Record<DetailField, string> = {
  title: 'workspace.title',
  kind: 'workspace.kind',
  language: 'editor.language',
  cityId: 'workspace.city',
  policyAreas: 'newDocument.policyAreas',
  stakeholders: 'newDocument.stakeholders',
};

/** A field's value as the form would show it. */
function describeValue<K extends DetailField>(
  t: TFunction,
  field: K,
  value: DetailsFields[K],
  cities: readonly OrganizationDto[],
  uiLanguage: string,
): string {
  if (field === 'kind') return t(`kinds.${String(value)}`);
  if (field === 'language') return languageName(value as DocumentLanguage, uiLanguage);
  if (field === 'cityId') {
    return cities.find((city) => city.id === value)?.name ?? t('newDocument.noCity');
  }
  if (Array.isArray(value)) {
    const prefix = field === 'policyAreas' ? 'policyAreas' : 'stakeholders';
    return value.length === 0 ? '—' : value.map((item) => t(`${prefix}.${item}`)).join(', ');
  }
  return String(value);
}

/** One box per conflicting field, in form order. */
export function DetailsConflicts({
  conflicts,
  cities,
  onResolve,
}: {
  conflicts: DetailConflicts;
  cities: readonly OrganizationDto[];
  onResolve: (field: DetailField, keep: 'mine' | 'theirs') => void;
}) {
  const { t, i18n } = useTranslation();
  const fields = DETAIL_FIELDS.filter((field) => conflicts[field] !== undefined);
  if (fields.length === 0) return null;
  return (
    <div className="details__conflicts" role="alert" data-testid="details-conflicts">
      <p>{t('editor.conflictIntro')}</p>
      {fields.map((field) => {
        const label = t(FIELD_LABELS[field]);
        const theirs = conflicts[field] as DetailsFields[typeof field];
        return (
          <div key={field} className="details__conflict" role="group" aria-label={label}>
            <p>
              <strong>{label}:</strong> {describeValue(t, field, theirs, cities, i18n.language)}
            </p>
            <button
              type="button"
              className="button button--small"
              onClick={() => onResolve(field, 'mine')}
            >
              {t('editor.keepMine')}
            </button>{' '}
            <button
              type="button"
              className="button button--small"
              onClick={() => onResolve(field, 'theirs')}
            >
              {t('editor.takeTheirs')}
            </button>
          </div>
        );
      })}
    </div>
  );
}
