/** /setup: the very first account on an empty database (it becomes the network admin). */
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import { PendingPage } from '../components/PendingPage';
import { useSession } from '../session/SessionContext';
import { AuthCard } from './AuthCard';
import { NewAccountForm } from './NewAccountForm';

/** The first-account screen; anyone arriving later is sent to sign in. */
export function SetupPage() {
  const { t } = useTranslation();
  const session = useSession();

  if (session.status !== 'ready') return <PendingPage state={session} />;
  if (!session.needsSetup) return <Navigate to={session.user ? '/' : '/login'} replace />;

  return (
    <AuthCard title={t('auth.setupTitle')} intro={<p>{t('auth.setupIntro')}</p>}>
      <NewAccountForm submitLabel={t('auth.createAccount')} />
    </AuthCard>
  );
}
