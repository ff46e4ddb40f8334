/**
 * The interface language switcher: in the account menu once signed in, and in the header
 * before (sign-in, registration and invitation pages), so nobody has to sign in in a language
 * they do not read. Each language is named in itself.
 */
import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '../i18n';

/** A labelled select that changes (and remembers) the UI language. */
export function LanguageSelect({ className }: { className?: string }) {
  const { t, i18n } = useTranslation();
  return (
    <label className={['field', 'field--inline', className].filter(Boolean).join(' ')}>
      <span className="field__label">{t('nav.language')}</span>
      <select
        value={i18n.resolvedLanguage ?? i18n.language}
        onChange={(event) => void i18n.changeLanguage(event.target.value)}
      >
        {LANGUAGES.map((language) => (
          <option key={language} value={language} lang={language}>
            {t(`languages.${language}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
