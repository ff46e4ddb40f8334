/** `/`: your workspaces, your recent documents, and who is working where right now. */
import { useTranslation } from 'react-i18next';
import { ErrorScreen } from '../components/ErrorScreen';
import { Layout } from '../components/Layout';
import { Skeleton } from '../components/Feedback';
import { useWorkspacesPresence } from '../realtime/usePresence';
import { DashboardReviews } from '../reviews/DashboardReviews';
import { useCurrentUser } from '../session/SessionContext';
import { PresencePanel } from './PresencePanel';
import { useWorkspaces } from './queries';
import { RecentDocuments, SharedWithMe } from './RecentDocuments';
import { WorkspaceList } from './WorkspaceList';

/** The home screen after sign-in. */
export function DashboardPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const workspaces = useWorkspaces();
  const workspaceIds =
    workspaces.status === 'ready'
      ? workspaces.data.workspaces.map((workspace) => workspace.id)
      : [];
  const presence = useWorkspacesPresence(workspaceIds);

  return (
    <Layout title={t('dashboard.title')}>
      <div className="page-header">
        <h1>{t('dashboard.greeting', { name: user.name })}</h1>
      </div>
      <div className="dashboard">
        <section className="card dashboard__workspaces" aria-labelledby="workspaces-heading">
          {workspaces.status === 'loading' && <Skeleton lines={4} />}
          {workspaces.status === 'error' && (
            <ErrorScreen error={workspaces.error} onRetry={workspaces.reload} />
          )}
          {workspaces.status === 'ready' && (
            <WorkspaceList
              workspaces={workspaces.data.workspaces}
              onCreated={(workspace) =>
                workspaces.setData((data) => ({ workspaces: [workspace, ...data.workspaces] }))
              }
            />
          )}
        </section>
        <aside className="dashboard__side">
          <DashboardReviews />
          <PresencePanel presence={presence} currentUserId={user.id} />
          <RecentDocuments />
          <SharedWithMe />
        </aside>
      </div>
    </Layout>
  );
}
