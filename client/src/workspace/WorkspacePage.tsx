/** `/w/:workspaceId`: the documents of one workspace with filters, live presence and members. */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { NO_WORKSPACE_ABILITIES } from '../../../shared/api/abilities';
import type { DocumentFilters as Filters } from '../api/client';
import { Dialog } from '../components/Dialog';
import { ErrorScreen } from '../components/ErrorScreen';
import { EmptyState, Skeleton } from '../components/Feedback';
import { Layout } from '../components/Layout';
import { PendingPage } from '../components/PendingPage';
import { useWorkspacesPresence } from '../realtime/usePresence';
import { useCurrentUser } from '../session/SessionContext';
import { DocumentFilters } from './DocumentFilters';
import { DocumentTable } from './DocumentTable';
import { MembersPanel } from './MembersPanel';
import { NewDocumentForm } from './NewDocumentForm';
import { useWorkspace, useWorkspaceDocuments } from './queries';
import { useCities } from './useCities';

/** Waits until typing pauses before searching. */
function useDebounced<T>(value: T, delayMs: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setDebounced(value), delayMs);
    return () => window.clearTimeout(timer);
  }, [value, delayMs]);
  return debounced;
}

/** One workspace. */
export function WorkspacePage() {
  const { t } = useTranslation();
  const { workspaceId = '' } = useParams();
  const user = useCurrentUser();
  const cities = useCities();
  const [filters, setFilters] = useState<Filters>({});
  const [isCreating, setIsCreating] = useState(false);
  const debouncedFilters = useDebounced(filters, 250);
  const workspace = useWorkspace(workspaceId);
  const documents = useWorkspaceDocuments(workspaceId, debouncedFilters);
  const presence = useWorkspacesPresence([workspaceId])[workspaceId] ?? {};

  if (workspace.status !== 'ready') return <PendingPage state={workspace} skeletonLines={6} />;
  const { name, description } = workspace.data.workspace;
  // What to offer comes from the server's abilities for this caller (no rule copied here).
  const abilities = workspace.data.workspace.abilities ?? NO_WORKSPACE_ABILITIES;
  const hasFilters = Object.values(debouncedFilters).some(Boolean);

  return (
    <Layout title={name}>
      <div className="page-header">
        <div>
          <h1>{name}</h1>
          {description && <p className="muted">{description}</p>}
        </div>
        <div className="page-header__actions">
          {abilities.viewTrash && (
            <Link to={`/w/${workspaceId}/trash`} className="button button--ghost">
              {t('trash.open')}
            </Link>
          )}
          {abilities.createDocument && (
            <button
              type="button"
              className="button button--primary"
              onClick={() => setIsCreating(true)}
            >
              {t('workspace.newDocument')}
            </button>
          )}
        </div>
      </div>
      <div className={abilities.manageMembers ? 'workspace workspace--with-members' : 'workspace'}>
        <section className="card" aria-labelledby="documents-heading">
          <h2 id="documents-heading">{t('workspace.documents')}</h2>
          <DocumentFilters filters={filters} cities={cities} onChange={setFilters} />
          {documents.status === 'loading' && <Skeleton lines={5} />}
          {documents.status === 'error' && (
            <ErrorScreen error={documents.error} onRetry={documents.reload} />
          )}
          {documents.status === 'ready' &&
            documents.data.documents.length === 0 &&
            (hasFilters ? (
              <EmptyState
                title={t('workspace.noMatches')}
                action={
                  <button type="button" className="button" onClick={() => setFilters({})}>
                    {t('workspace.clearFilters')}
                  </button>
                }
              />
            ) : (
              <EmptyState
                title={t('workspace.noDocuments')}
                hint={t('workspace.noDocumentsHint')}
              />
            ))}
          {documents.status === 'ready' && documents.data.documents.length > 0 && (
            <DocumentTable
              documents={documents.data.documents}
              cities={cities}
              presence={presence}
            />
          )}
        </section>
        {abilities.manageMembers && (
          <MembersPanel workspaceId={workspaceId} currentUserId={user.id} />
        )}
      </div>
      <Dialog
        isOpen={isCreating}
        title={t('workspace.newDocument')}
        onClose={() => setIsCreating(false)}
      >
        <NewDocumentForm workspaceId={workspaceId} cities={cities} />
      </Dialog>
    </Layout>
  );
}
