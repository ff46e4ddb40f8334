/** /login: e-mail and password; goes back to the page that asked for sign-in. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { api } from '../api/client';
import { ApiError } from '../api/http';
import { FormError } from '../components/ErrorScreen';
import { PendingPage } from '../components/PendingPage';
import { TextField } from '../components/TextField';
import { useFormSubmit } from '../components/useFormSubmit';
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
  const form = useFormSubmit((loginError) =>
    loginError instanceof ApiError && loginError.code === 'invalid_credentials'
      ? t('auth.invalidCredentials')
      : null,
  );
  const next = safeNext(searchParams.get('next'));

  if (session.status !== 'ready') return <PendingPage state={session} />;
  if (session.needsSetup) return <Navigate to="/setup" replace />;
  if (session.user) return <Navigate to={next} replace />;

  const signIn = async () => {
    const { user } = await api.auth.login({ email, password });
    session.setUser(user);
    navigate(next, { replace: true });
  };

  return (
    <AuthCard title={t('auth.loginTitle')} intro={<p>{t('auth.loginIntro')}</p>}>
      <form className="form" onSubmit={form.handleSubmit(signIn)}>
        <TextField
          label={t('auth.email')}
          type="email"
          name="email"
          autoComplete="email"
          required
          value={email}
          onValue={setEmail}
        />
        <TextField
          label={t('auth.password')}
          type="password"
          name="password"
          autoComplete="current-password"
          required
          value={password}
          onValue={setPassword}
        />
        <FormError message={form.error} />
        <button
          type="submit"
          className="button button--primary button--block"
          disabled={form.isBusy}
        >
          {form.isBusy ? t('auth.signingIn') : t('auth.signIn')}
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
