/** Network settings: whether anyone may register without an invitation. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { describeError, ErrorScreen, FormError } from '../components/ErrorScreen';
import { FormSuccess, Skeleton } from '../components/Feedback';
import { useSettings } from './queries';

/** A switch per setting, saved as soon as it changes. */
export function SettingsPanel() {
  const { t } = useTranslation();
  const settings = useSettings();
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  // The box follows the click at once from local state: the query cache tells React only on a
  // later tick, so a controlled checkbox fed from it alone springs back for a moment (and a
  // quick second click saw the old value). It falls back to the stored value if refused.
  const [pending, setPending] = useState<boolean | null>(null);
  const onToggle = async (openRegistration: boolean) => {
    setError(null);
    setNotice(null);
    setPending(openRegistration);
    try {
      const updated = await api.admin.updateSettings({ openRegistration });
      settings.setData(() => updated);
      setNotice(t('admin.settingsSaved'));
    } catch (updateError) {
      setError(describeError(t, updateError));
    } finally {
      setPending(null);
    }
  };

  return (
    <section className="card" aria-labelledby="settings-heading">
      <h2 id="settings-heading">{t('admin.settings')}</h2>
      {settings.status === 'loading' && <Skeleton lines={1} />}
      {settings.status === 'error' && (
        <ErrorScreen error={settings.error} onRetry={settings.reload} />
      )}
      {settings.status === 'ready' && (
        <label className="checkbox">
          <input
            type="checkbox"
            checked={pending ?? settings.data.settings.openRegistration}
            disabled={pending !== null}
            onChange={(event) => void onToggle(event.target.checked)}
          />
          {t('admin.openRegistration')}
        </label>
      )}
      <FormError message={error} />
      <FormSuccess message={notice} />
    </section>
  );
}
