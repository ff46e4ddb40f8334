/** /register: self-service accounts, only while an admin has opened registration. */
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { PendingPage } from '../components/PendingPage';
import { useSession } from '../session/SessionContext';
import { AuthCard } from './AuthCard';
import { NewAccountForm } from './NewAccountForm';

/** The open-registration screen. */
export function RegisterPage() {
  const { t } = useTranslation();
  const session = useSession();

  if (session.status !== 'ready') return <PendingPage state={session} />;
  if (session.needsSetup) return <Navigate to="/setup" replace />;
  if (session.user) return <Navigate to="/" replace />;
  if (!session.isOpenRegistration) {
    return (
      <AuthCard title={t('auth.registerTitle')}>
        <p>{t('auth.registrationClosed')}</p>
        <Link to="/login">{t('auth.signIn')}</Link>
      </AuthCard>
    );
  }

  return (
    <AuthCard title={t('auth.registerTitle')} intro={<p>{t('auth.registerIntro')}</p>}>
      <NewAccountForm submitLabel={t('auth.createAccount')} />
    </AuthCard>
  );
}
