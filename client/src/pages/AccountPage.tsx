/** /account: change your password. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { ApiError } from '../api/http';
import { describeError, FormError } from '../components/ErrorScreen';
import { Layout } from '../components/Layout';
import { useCurrentUser } from '../session/SessionContext';
import { MIN_PASSWORD_LENGTH } from './AccountFields';

/** The password-change screen. */
export function AccountPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [confirmPassword, setConfirmPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [isDone, setIsDone] = useState(false);
  const [isBusy, setIsBusy] = useState(false);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setIsDone(false);
    if (newPassword !== confirmPassword) {
      setError(t('auth.passwordsDiffer'));
      return;
    }
    setIsBusy(true);
    setError(null);
    try {
      await api.auth.changePassword({ currentPassword, newPassword });
      setIsDone(true);
      setCurrentPassword('');
      setNewPassword('');
      setConfirmPassword('');
    } catch (changeError) {
      const isWrong =
        changeError instanceof ApiError &&
        (changeError.status === 401 || changeError.code === 'invalid_credentials');
      setError(isWrong ? t('auth.wrongPassword') : describeError(t, changeError));
    } finally {
      setIsBusy(false);
    }
  };

  return (
    <Layout title={t('auth.accountTitle')}>
      <section className="card narrow">
        <h1>{t('auth.accountTitle')}</h1>
        <p className="muted">
          {user.name} · {user.email}
        </p>
        <h2>{t('nav.changePassword')}</h2>
        <form className="form" onSubmit={(event) => void onSubmit(event)}>
          <label className="field">
            <span className="field__label">{t('auth.currentPassword')}</span>
            <input
              type="password"
              autoComplete="current-password"
              required
              value={currentPassword}
              onChange={(event) => setCurrentPassword(event.target.value)}
            />
          </label>
          <label className="field">
            <span className="field__label">{t('auth.newPassword')}</span>
            <input
              type="password"
              autoComplete="new-password"
              required
              minLength={MIN_PASSWORD_LENGTH}
              value={newPassword}
              onChange={(event) => setNewPassword(event.target.value)}
            />
          </label>
          <label className="field">
            <span className="field__label">{t('auth.confirmPassword')}</span>
            <input
              type="password"
              autoComplete="new-password"
              required
              value={confirmPassword}
              onChange={(event) => setConfirmPassword(event.target.value)}
            />
          </label>
          <FormError message={error} />
          {isDone && (
            <p className="form-success" role="status">
              {t('auth.passwordChanged')}
            </p>
          )}
          <button type="submit" className="button button--primary" disabled={isBusy}>
            {isBusy ? t('common.saving') : t('nav.changePassword')}
          </button>
        </form>
      </section>
    </Layout>
  );
}
