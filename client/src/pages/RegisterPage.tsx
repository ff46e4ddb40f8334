/** /register: self-service accounts, only while an admin has opened registration. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate } from 'react-router';
import { api } from '../api/client';
import { describeError, ErrorScreen, FormError } from '../components/ErrorScreen';
import { Skeleton } from '../components/Feedback';
import { Layout } from '../components/Layout';
import { useSession } from '../session/SessionContext';
import { AccountFields } from './AccountFields';
import { AuthCard } from './AuthCard';

/** The open-registration screen. */
export function RegisterPage() {
  const { t } = useTranslation();
  const session = useSession();
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);

  if (session.status === 'loading') {
    return (
      <Layout>
        <Skeleton />
      </Layout>
    );
  }
  if (session.status === 'error') {
    return (
      <Layout>
        <ErrorScreen error={session.error} onRetry={session.reload} />
      </Layout>
    );
  }
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

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setIsBusy(true);
    setError(null);
    try {
      const { user } = await api.auth.register({ name, email, password });
      session.setUser(user);
      navigate('/', { replace: true });
    } catch (registerError) {
      setError(describeError(t, registerError));
    } finally {
      setIsBusy(false);
    }
  };

  return (
    <AuthCard title={t('auth.registerTitle')} intro={<p>{t('auth.registerIntro')}</p>}>
      <form className="form" onSubmit={(event) => void onSubmit(event)}>
        <AccountFields
          name={name}
          email={email}
          password={password}
          onName={setName}
          onEmail={setEmail}
          onPassword={setPassword}
        />
        <FormError message={error} />
        <button type="submit" className="button button--primary button--block" disabled={isBusy}>
          {isBusy ? t('auth.creating') : t('auth.createAccount')}
        </button>
      </form>
    </AuthCard>
  );
}
