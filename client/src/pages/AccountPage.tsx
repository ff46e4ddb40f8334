/** /account: each kind of e-mail (notification digests, invitations) on or off, and change your password. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { ApiError } from '../api/http';
import { FormError } from '../components/ErrorScreen';
import { FormSuccess } from '../components/Feedback';
import { Layout } from '../components/Layout';
import { TextField } from '../components/TextField';
import { useFormSubmit } from '../components/useFormSubmit';
import { useCurrentUser, useSession } from '../session/SessionContext';
import { MIN_PASSWORD_LENGTH } from './AccountFields';

/** The kinds of e-mail a person turns on or off, as named on the user (PATCH /api/users/:id). */
type EmailKind = 'emailNotifications' | 'emailInvitations';

/** One kind of e-mail: a checkbox saved as soon as it changes. */
function EmailSetting({ kind, label }: { kind: EmailKind; label: string }) {
  const user = useCurrentUser();
  const { setUser } = useSession();
  const form = useFormSubmit();
  // Shown at once (the box follows the click), the saved value once the server answered; a
  // refused change falls back to the stored value with the error below.
  const [pending, setPending] = useState<boolean | null>(null);
  const save = (isOn: boolean) => {
    setPending(isOn);
    void form.run(async () => {
      try {
        const { user: saved } = await api.users.update(user.id, { [kind]: isOn });
        setUser(saved);
      } finally {
        setPending(null);
      }
    });
  };
  return (
    <div>
      <label>
        <input
          type="checkbox"
          checked={pending ?? user[kind]}
          disabled={form.isBusy}
          onChange={(event) => save(event.target.checked)}
        />{' '}
        {label}
      </label>
      <FormError message={form.error} />
    </div>
  );
}

/** Every kind of e-mail, each with its own checkbox. */
function EmailSettings() {
  const { t } = useTranslation();
  return (
    <>
      <h2>{t('auth.emailTitle')}</h2>
      <p className="muted">{t('auth.emailHint')}</p>
      <EmailSetting kind="emailNotifications" label={t('auth.emailNotifications')} />
      <EmailSetting kind="emailInvitations" label={t('auth.emailInvitations')} />
    </>
  );
}

/** The account screen: the e-mail settings and the password change. */
export function AccountPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [confirmPassword, setConfirmPassword] = useState('');
  const [isDone, setIsDone] = useState(false);
  const form = useFormSubmit((changeError) =>
    changeError instanceof ApiError &&
    (changeError.status === 401 || changeError.code === 'invalid_credentials')
      ? t('auth.wrongPassword')
      : null,
  );

  const changePassword = async () => {
    await api.auth.changePassword({ currentPassword, newPassword });
    setIsDone(true);
    setCurrentPassword('');
    setNewPassword('');
    setConfirmPassword('');
  };
  const onSubmit = (event: FormEvent) => {
    setIsDone(false);
    // Checked before anything is sent: the server gets the new password, not its confirmation.
    if (newPassword !== confirmPassword) {
      event.preventDefault();
      form.setError(t('auth.passwordsDiffer'));
      return;
    }
    form.handleSubmit(changePassword)(event);
  };

  return (
    <Layout title={t('auth.accountTitle')}>
      <section className="card narrow">
        <h1>{t('auth.accountTitle')}</h1>
        <p className="muted">
          {user.name} · {user.email}
        </p>
        <EmailSettings />
        <h2>{t('nav.changePassword')}</h2>
        <form className="form" onSubmit={onSubmit}>
          <TextField
            label={t('auth.currentPassword')}
            type="password"
            autoComplete="current-password"
            required
            value={currentPassword}
            onValue={setCurrentPassword}
          />
          <TextField
            label={t('auth.newPassword')}
            type="password"
            autoComplete="new-password"
            required
            minLength={MIN_PASSWORD_LENGTH}
            value={newPassword}
            onValue={setNewPassword}
          />
          <TextField
            label={t('auth.confirmPassword')}
            type="password"
            autoComplete="new-password"
            required
            value={confirmPassword}
            onValue={setConfirmPassword}
          />
          <FormError message={form.error} />
          <FormSuccess message={isDone ? t('auth.passwordChanged') : null} />
          <button type="submit" className="button button--primary" disabled={form.isBusy}>
            {form.isBusy ? t('common.saving') : t('nav.changePassword')}
          </button>
        </form>
      </section>
    </Layout>
  );
}
