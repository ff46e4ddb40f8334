/** The caller's recently changed documents on the dashboard. */
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorScreen } from '../components/ErrorScreen';
import { EmptyState, Skeleton } from '../components/Feedback';
import { StatusBadge } from '../workspace/StatusBadge';
import { useRecentDocuments } from './queries';

/** Up to eight recent documents. */
export function RecentDocuments() {
  const { t } = useTranslation();
  const recent = useRecentDocuments(8);
  return (
    <section className="card" aria-labelledby="recent-heading">
      <h2 id="recent-heading">{t('dashboard.recent')}</h2>
      {recent.status === 'loading' && <Skeleton />}
      {recent.status === 'error' && <ErrorScreen error={recent.error} onRetry={recent.reload} />}
      {recent.status === 'ready' && recent.data.documents.length === 0 && (
        <EmptyState title={t('dashboard.noRecent')} />
      )}
      {recent.status === 'ready' && recent.data.documents.length > 0 && (
        <ul className="plain-list">
          {recent.data.documents.map((document) => (
            <li key={document.id} className="recent-item">
              <Link to={`/documents/${document.id}`}>{document.title}</Link>
              <span className="recent-item__meta">
                {t(`kinds.${document.kind}`)} · <StatusBadge status={document.status} />
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
