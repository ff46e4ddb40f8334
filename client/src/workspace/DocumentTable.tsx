/**
 * A workspace's documents as a table: title, kind, status, city, last editor, who is here.
 * On phones CSS lays each row out as a card, each cell named by its `data-label`.
 */
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DocumentDto, OrganizationDto } from '../../../shared/api/entities';
import type { PresenceUser } from '../../../shared/realtime/events';
import { Avatar } from '../components/Avatar';
import { StatusBadge } from './StatusBadge';

/** One row per document; `presence` maps document ids to the people in them. */
export function DocumentTable({
  documents,
  cities,
  presence,
}: {
  documents: DocumentDto[];
  cities: OrganizationDto[];
  presence: Record<string, PresenceUser[]>;
}) {
  const { t, i18n } = useTranslation();
  const cityName = (cityId: string | null) =>
    cities.find((city) => city.id === cityId)?.name ?? t('common.none');
  const dateFormat = new Intl.DateTimeFormat(i18n.language, {
    dateStyle: 'medium',
    timeStyle: 'short',
  });
  return (
    <div className="table-wrap">
      <table className="documents-table">
        <thead>
          <tr>
            <th scope="col">{t('workspace.title')}</th>
            <th scope="col">{t('workspace.kind')}</th>
            <th scope="col">{t('workspace.status')}</th>
            <th scope="col">{t('workspace.city')}</th>
            <th scope="col">{t('workspace.lastEditor')}</th>
            <th scope="col">{t('workspace.updated')}</th>
          </tr>
        </thead>
        <tbody>
          {documents.map((document) => {
            const here = presence[document.id] ?? [];
            const lastEditor = document.lastEditors[0];
            return (
              <tr key={document.id}>
                <td>
                  <Link to={`/documents/${document.id}`} className="documents-table__title">
                    {document.title}
                  </Link>
                  {here.length > 0 && (
                    <span className="here-badge" data-testid="here-badge">
                      <span className="here-badge__dot" aria-hidden="true" />
                      {t('workspace.peopleHere', { count: here.length })}
                    </span>
                  )}
                </td>
                <td data-label={t('workspace.kind')}>{t(`kinds.${document.kind}`)}</td>
                <td data-label={t('workspace.status')}>
                  <StatusBadge status={document.status} />
                </td>
                <td data-label={t('workspace.city')}>{cityName(document.cityId)}</td>
                <td data-label={t('workspace.lastEditor')}>
                  {lastEditor ? (
                    <span className="person">
                      <Avatar id={lastEditor.id} name={lastEditor.name} />
                      {lastEditor.name}
                    </span>
                  ) : (
                    t('common.none')
                  )}
                </td>
                <td data-label={t('workspace.updated')}>
                  {dateFormat.format(new Date(document.contentUpdatedAt ?? document.updatedAt))}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
