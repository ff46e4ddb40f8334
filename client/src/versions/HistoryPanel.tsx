/**
 * The editor's history panel: save a named version, list the versions (newest first), open
 * one read-only, compare it with the current text or another version, and restore it (after
 * a confirmation) through the server, which writes it into the live document for everyone.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentDto } from '../../../shared/api/entities';
import type { VersionDto } from '../../../shared/api/versions';
import { api } from '../api/client';
import { describeError, ErrorScreen, FormError } from '../components/ErrorScreen';
import { useRefreshVersions, useVersions, useVersionText } from './queries';
import { VersionCompare } from './VersionCompare';

type Opened = { version: VersionDto; mode: 'view' | 'compare'; compareWith: string };

function VersionText({ versionId }: { versionId: string }) {
  const { t } = useTranslation();
  const loaded = useVersionText(versionId);
  if (loaded.status === 'error')
    return <ErrorScreen error={loaded.error} onRetry={loaded.reload} />;
  if (loaded.status === 'loading') return <p>{t('history.loading')}</p>;
  return (
    <div className="history__text" data-testid="version-text" aria-readonly="true">
      {loaded.data.text.split('\n').map((line, index) => (
        <p key={index}>{line}</p>
      ))}
    </div>
  );
}

/** The panel; writes are offered only when the document's abilities allow them. */
export function HistoryPanel({ document }: { document: DocumentDto }) {
  const { t, i18n } = useTranslation();
  const versions = useVersions(document.id);
  const refresh = useRefreshVersions(document.id);
  const [label, setLabel] = useState('');
  const [opened, setOpened] = useState<Opened | null>(null);
  const [confirming, setConfirming] = useState<VersionDto | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const mayTake = Boolean(document.abilities?.editDetails);
  const mayRestore = Boolean(document.abilities?.edit);

  const run = async (work: () => Promise<unknown>) => {
    setIsBusy(true);
    setError(null);
    try {
      await work();
      refresh();
    } catch (failure) {
      setError(describeError(t, failure));
    } finally {
      setIsBusy(false);
    }
  };

  const onSave = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      await api.versions.create({ documentId: document.id, label });
      setLabel('');
    });
  };

  const onRestore = (version: VersionDto) =>
    void run(async () => {
      await api.versions.restore(version.id);
      setConfirming(null);
      setOpened(null);
    });

  return (
    <section className="history card" aria-label={t('history.title')}>
      <h2>{t('history.title')}</h2>
      <FormError message={error} />
      {mayTake && (
        <form className="history__save" onSubmit={onSave}>
          <input
            aria-label={t('history.label')}
            placeholder={t('history.label')}
            value={label}
            maxLength={120}
            onChange={(event) => setLabel(event.target.value)}
          />
          <button type="submit" className="button" disabled={isBusy || label.trim() === ''}>
            {t('history.save')}
          </button>
        </form>
      )}
      {versions.status === 'error' && (
        <ErrorScreen error={versions.error} onRetry={versions.reload} />
      )}
      {versions.status === 'ready' && versions.data.versions.length === 0 && (
        <p>{t('history.none')}</p>
      )}
      {versions.status === 'ready' && (
        <ul className="history__list">
          {versions.data.versions.map((version) => (
            <li key={version.id} className="history__item" data-testid="version-item">
              <strong>{version.label}</strong>
              <small>
                {version.author?.name ?? t('history.automatic')} ·{' '}
                {new Date(version.createdAt).toLocaleString(i18n.language, {
                  dateStyle: 'medium',
                  timeStyle: 'short',
                })}
              </small>
              <div className="history__actions">
                <button
                  type="button"
                  className="button button--ghost"
                  onClick={() => setOpened({ version, mode: 'view', compareWith: 'current' })}
                >
                  {t('history.view')}
                </button>
                <button
                  type="button"
                  className="button button--ghost"
                  onClick={() => setOpened({ version, mode: 'compare', compareWith: 'current' })}
                >
                  {t('history.compare')}
                </button>
                {mayRestore && (
                  <button
                    type="button"
                    className="button button--ghost"
                    onClick={() => setConfirming(version)}
                  >
                    {t('history.restore')}
                  </button>
                )}
              </div>
              {confirming?.id === version.id && (
                <div className="history__confirm" role="alertdialog">
                  <p>{t('history.confirmRestore', { label: version.label })}</p>
                  <button
                    type="button"
                    className="button"
                    disabled={isBusy}
                    onClick={() => onRestore(version)}
                  >
                    {t('history.confirm')}
                  </button>
                  <button
                    type="button"
                    className="button button--ghost"
                    onClick={() => setConfirming(null)}
                  >
                    {t('history.cancel')}
                  </button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      {opened && versions.status === 'ready' && (
        <div className="history__opened">
          <h3>{opened.version.label}</h3>
          {opened.mode === 'view' ? (
            <VersionText versionId={opened.version.id} />
          ) : (
            <VersionCompare
              version={opened.version}
              versions={versions.data.versions}
              compareWith={opened.compareWith}
              onCompareWith={(compareWith) => setOpened({ ...opened, compareWith })}
            />
          )}
          <button type="button" className="button button--ghost" onClick={() => setOpened(null)}>
            {t('history.close')}
          </button>
        </div>
      )}
    </section>
  );
}
