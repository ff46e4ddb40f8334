/** The dashboard's document lists: recently changed ones, and those shared with the caller. */
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DocumentDto } from '../../../shared/api/entities';
import { ErrorScreen } from '../components/ErrorScreen';
import { EmptyState, Skeleton } from '../components/Feedback';
import type { Loaded } from '../query/useApiQuery';
import { StatusBadge } from '../workspace/StatusBadge';
import { useRecentDocuments, useSharedWithMe } from './queries';

/** One card listing documents (title, kind, status), or its loading, error and empty states. */
function DocumentListCard({
  headingId,
  title,
  emptyTitle,
  list,
}: {
  headingId: string;
  title: string;
  emptyTitle: string;
  list: Loaded<{ documents: DocumentDto[] }>;
}) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      {list.status === 'loading' && <Skeleton />}
      {list.status === 'error' && <ErrorScreen error={list.error} onRetry={list.reload} />}
      {list.status === 'ready' && list.data.documents.length === 0 && (
        <EmptyState title={emptyTitle} />
      )}
      {list.status === 'ready' && list.data.documents.length > 0 && (
        <ul className="plain-list">
          {list.data.documents.map((document) => (
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

/** Up to eight recent documents of the caller's workspaces. */
export function RecentDocuments() {
  const { t } = useTranslation();
  return (
    <DocumentListCard
      headingId="recent-heading"
      title={t('dashboard.recent')}
      emptyTitle={t('dashboard.noRecent')}
      list={useRecentDocuments(8)}
    />
  );
}

/** Documents shared with the caller one by one (outside their workspaces, or in them). */
export function SharedWithMe() {
  const { t } = useTranslation();
  return (
    <DocumentListCard
      headingId="shared-heading"
      title={t('dashboard.sharedWithMe')}
      emptyTitle={t('dashboard.noShared')}
      list={useSharedWithMe(20)}
    />
  );
}
