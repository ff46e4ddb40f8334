/** /login: e-mail and password; goes back to the page that asked for sign-in. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { api } from '../api/client';
import { ApiError } from '../api/http';
import { describeError, ErrorScreen, FormError } from '../components/ErrorScreen';
import { Skeleton } from '../components/Feedback';
import { Layout } from '../components/Layout';
import { useSession } from '../session/SessionContext';
import { AuthCard } from './AuthCard';

/** Only same-site paths are followed after sign-in (no open redirect). */
function safeNext(value: string | null): string {
  return value && value.startsWith('/') && !value.startsWith('//') ? value : '/';
}

/** The sign-in screen. */
export function LoginPage() {
  const { t } = useTranslation();
  const session = useSession();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const next = safeNext(searchParams.get('next'));

  if (session.status === 'loading')
    return (
      <Layout>
        <Skeleton />
      </Layout>
    );
  if (session.status === 'error')
    return (
      <Layout>
        <ErrorScreen error={session.error} onRetry={session.reload} />
      </Layout>
    );
  if (session.needsSetup) return <Navigate to="/setup" replace />;
  if (session.user) return <Navigate to={next} replace />;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setIsBusy(true);
    setError(null);
    try {
      const { user } = await api.auth.login({ email, password });
      session.setUser(user);
      navigate(next, { replace: true });
    } catch (loginError) {
      setError(
        loginError instanceof ApiError && loginError.code === 'invalid_credentials'
          ? t('auth.invalidCredentials')
          : describeError(t, loginError),
      );
    } finally {
      setIsBusy(false);
    }
  };

  return (
    <AuthCard title={t('auth.loginTitle')} intro={<p>{t('auth.loginIntro')}</p>}>
      <form className="form" onSubmit={(event) => void onSubmit(event)}>
        <label className="field">
          <span className="field__label">{t('auth.email')}</span>
          <input
            type="email"
            name="email"
            autoComplete="email"
            required
            value={email}
            onChange={(event) => setEmail(event.target.value)}
          />
        </label>
        <label className="field">
          <span className="field__label">{t('auth.password')}</span>
          <input
            type="password"
            name="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
        </label>
        <FormError message={error} />
        <button type="submit" className="button button--primary button--block" disabled={isBusy}>
          {isBusy ? t('auth.signingIn') : t('auth.signIn')}
        </button>
        {session.isOpenRegistration ? (
          <p className="muted">
            {t('auth.noAccountYet')} <Link to="/register">{t('auth.createOne')}</Link>
          </p>
        ) : (
          <p className="muted">{t('auth.noAccount')}</p>
        )}
      </form>
    </AuthCard>
  );
}
