/** `/admin`: network administration for admins (organisations, registration, invitations). */
import { useTranslation } from 'react-i18next';
import { Layout } from '../components/Layout';
import { useCurrentUser } from '../session/SessionContext';
import { ApprovalsPanel } from './ApprovalsPanel';
import { NetworkInvitePanel } from './NetworkInvitePanel';
import { OrganizationsPanel } from './OrganizationsPanel';
import { SettingsPanel } from './SettingsPanel';

/** The admin screen; members who reach it by address see why they cannot use it. */
export function AdminPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  if (user.role !== 'admin') {
    return (
      <Layout title={t('admin.title')}>
        <section className="card narrow" role="alert">
          <h1>{t('admin.title')}</h1>
          <p>{t('admin.onlyAdmins')}</p>
        </section>
      </Layout>
    );
  }
  return (
    <Layout title={t('admin.title')}>
      <div className="page-header">
        <h1>{t('admin.title')}</h1>
      </div>
      <div className="admin">
        <OrganizationsPanel />
        <div className="admin__side">
          <SettingsPanel />
          <NetworkInvitePanel />
          <ApprovalsPanel />
        </div>
      </div>
    </Layout>
  );
}
