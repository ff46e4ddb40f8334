/** Name, e-mail and new-password fields shared by first-account setup and invitations. */
import { useTranslation } from 'react-i18next';
import { TextField } from '../components/TextField';

/** Minimum password length the forms ask for (the server enforces its own rule too). */
export const MIN_PASSWORD_LENGTH = 8;

/** The fields of a new account; `isEmailLocked` shows the invited address read-only. */
export function AccountFields(props: {
  name: string;
  email: string;
  password: string;
  isEmailLocked?: boolean;
  onName: (value: string) => void;
  onEmail: (value: string) => void;
  onPassword: (value: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <TextField
        label={t('auth.name')}
        name="name"
        autoComplete="name"
        required
        maxLength={120}
        value={props.name}
        onValue={props.onName}
      />
      <TextField
        label={t('auth.email')}
        type="email"
        name="email"
        autoComplete="email"
        required
        readOnly={props.isEmailLocked}
        value={props.email}
        onValue={props.onEmail}
      />
      <TextField
        label={t('auth.password')}
        type="password"
        name="password"
        autoComplete="new-password"
        required
        minLength={MIN_PASSWORD_LENGTH}
        hint={t('auth.passwordHint')}
        hintId="password-hint"
        value={props.password}
        onValue={props.onPassword}
      />
    </>
  );
}
