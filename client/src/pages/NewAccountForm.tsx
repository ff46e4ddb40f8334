/**
 * The create-account form of first-account setup, open registration and invitations: it
 * registers, signs the new user in and goes to the dashboard.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../api/client';
import { FormError } from '../components/ErrorScreen';
import { useFormSubmit } from '../components/useFormSubmit';
import { useSession } from '../session/SessionContext';
import { AccountFields } from './AccountFields';

/**
 * Name, e-mail and password; an `invitation` fixes the e-mail and is redeemed on submit.
 * `nextPath`: where the new account lands (default the dashboard; a shared document's page).
 */
export function NewAccountForm({
  submitLabel,
  invitation,
  nextPath = '/',
}: {
  submitLabel: string;
  invitation?: { token: string; email: string };
  nextPath?: string;
}) {
  const { t } = useTranslation();
  const session = useSession();
  const navigate = useNavigate();
  const form = useFormSubmit();
  const [name, setName] = useState('');
  const [typedEmail, setTypedEmail] = useState('');
  const [password, setPassword] = useState('');
  const email = invitation ? invitation.email : typedEmail;

  const register = async () => {
    const { user } = await api.auth.register({
      name,
      email,
      password,
      ...(invitation && { inviteToken: invitation.token }),
    });
    session.setUser(user);
    navigate(nextPath, { replace: true });
  };

  return (
    <form className="form" onSubmit={form.handleSubmit(register)}>
      <AccountFields
        name={name}
        email={email}
        password={password}
        isEmailLocked={invitation !== undefined}
        onName={setName}
        onEmail={setTypedEmail}
        onPassword={setPassword}
      />
      <FormError message={form.error} />
      <button type="submit" className="button button--primary button--block" disabled={form.isBusy}>
        {form.isBusy ? t('auth.creating') : submitLabel}
      </button>
    </form>
  );
}
