/** Name, e-mail and new-password fields shared by first-account setup and invitations. */
import { useTranslation } from 'react-i18next';

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
      <label className="field">
        <span className="field__label">{t('auth.name')}</span>
        <input
          name="name"
          autoComplete="name"
          required
          maxLength={120}
          value={props.name}
          onChange={(event) => props.onName(event.target.value)}
        />
      </label>
      <label className="field">
        <span className="field__label">{t('auth.email')}</span>
        <input
          type="email"
          name="email"
          autoComplete="email"
          required
          readOnly={props.isEmailLocked}
          value={props.email}
          onChange={(event) => props.onEmail(event.target.value)}
        />
      </label>
      <label className="field">
        <span className="field__label">{t('auth.password')}</span>
        <input
          type="password"
          name="password"
          autoComplete="new-password"
          required
          minLength={MIN_PASSWORD_LENGTH}
          aria-describedby="password-hint"
          value={props.password}
          onChange={(event) => props.onPassword(event.target.value)}
        />
        <span className="field__hint" id="password-hint">
          {t('auth.passwordHint')}
        </span>
      </label>
    </>
  );
}
