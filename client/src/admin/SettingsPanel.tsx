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

  const onToggle = async (openRegistration: boolean) => {
    setError(null);
    setNotice(null);
    // Shown at once; put back if the server refuses.
    settings.setData((data) => ({ settings: { ...data.settings, openRegistration } }));
    try {
      const updated = await api.admin.updateSettings({ openRegistration });
      settings.setData(() => updated);
      setNotice(t('admin.settingsSaved'));
    } catch (updateError) {
      settings.setData((data) => ({
        settings: { ...data.settings, openRegistration: !openRegistration },
      }));
      setError(describeError(t, updateError));
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
            checked={settings.data.settings.openRegistration}
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
