/**
 * `/w/:workspaceId/trash`: the workspace's trashed documents, for its owners. Each one shows
 * when it was trashed and when it is deleted for good (TRASH_RETENTION_DAYS later), with a
 * Restore button; a restored document goes back to the workspace's list.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { NO_WORKSPACE_ABILITIES } from '../../../shared/api/abilities';
import type { DocumentDto } from '../../../shared/api/entities';
import { TRASH_RETENTION_DAYS } from '../../../shared/domain';
import { api } from '../api/client';
import { describeError, ErrorScreen, FormError } from '../components/ErrorScreen';
import { EmptyState, FormSuccess, Skeleton } from '../components/Feedback';
import { Layout } from '../components/Layout';
import { PendingPage } from '../components/PendingPage';
import { useMarkDocumentListsStale } from '../editor/queries';
import { useWorkspace, useWorkspaceTrash } from '../workspace/queries';
import { purgeDate } from './purgeDate';

/** The trash of one workspace. */
export function TrashPage() {
  const { t } = useTranslation();
  const { workspaceId = '' } = useParams();
  const workspace = useWorkspace(workspaceId);
  const abilities = workspace.data?.workspace.abilities ?? NO_WORKSPACE_ABILITIES;
  const trash = useWorkspaceTrash(workspaceId, { enabled: abilities.viewTrash });
  const [restored, setRestored] = useState<string | null>(null);

  if (workspace.status !== 'ready') return <PendingPage state={workspace} skeletonLines={4} />;
  const { name } = workspace.data.workspace;
  const title = t('trash.title');

  return (
    <Layout title={`${title} · ${name}`}>
      <nav className="breadcrumbs" aria-label={t('editor.backTo', { name })}>
        <Link to={`/w/${workspaceId}`}>← {name}</Link>
      </nav>
      <h1>{title}</h1>
      <p className="muted">{t('trash.intro', { days: TRASH_RETENTION_DAYS })}</p>
      <FormSuccess message={restored} />
      {!abilities.viewTrash && <p className="banner banner--info">{t('trash.ownersOnly')}</p>}
      {abilities.viewTrash && trash.status === 'loading' && <Skeleton lines={3} />}
      {trash.status === 'error' && <ErrorScreen error={trash.error} onRetry={trash.reload} />}
      {trash.status === 'ready' && trash.data.documents.length === 0 && (
        <EmptyState title={t('trash.empty')} />
      )}
      {trash.status === 'ready' && trash.data.documents.length > 0 && (
        <ul className="trash-list" aria-label={title}>
          {trash.data.documents.map((document) => (
            <TrashItem
              key={document.id}
              document={document}
              onRestored={() => setRestored(t('trash.restored', { title: document.title }))}
            />
          ))}
        </ul>
      )}
    </Layout>
  );
}

/** One trashed document: its dates and the Restore button. */
function TrashItem({ document, onRestored }: { document: DocumentDto; onRestored: () => void }) {
  const { t, i18n } = useTranslation();
  const markListsStale = useMarkDocumentListsStale();
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const dateFormat = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' });
  const deletedAt = new Date(document.deletedAt ?? document.updatedAt);

  const onRestore = async () => {
    setIsBusy(true);
    setError(null);
    try {
      await api.documents.restore(document.id);
      onRestored();
      markListsStale(document);
    } catch (restoreError) {
      setError(describeError(t, restoreError));
      setIsBusy(false);
    }
  };

  return (
    <li className="card trash-item">
      <div className="trash-item__text">
        <p className="trash-item__title">{document.title}</p>
        <p className="muted">
          {t(`kinds.${document.kind}`)} ·{' '}
          {t('trash.trashedOn', { date: dateFormat.format(deletedAt) })} ·{' '}
          <strong>{t('trash.purgedOn', { date: dateFormat.format(purgeDate(deletedAt)) })}</strong>
        </p>
        <FormError message={error} />
      </div>
      <button
        type="button"
        className="button"
        disabled={isBusy}
        aria-label={t('trash.restoreTitle', { title: document.title })}
        onClick={() => void onRestore()}
      >
        {t('trash.restore')}
      </button>
    </li>
  );
}
