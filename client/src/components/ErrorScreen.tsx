/**
 * What a failed request looks like everywhere: what went wrong in plain words and a retry
 * button, so a page is never blank.
 */
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/http';

/** Turns any failure into one sentence a non-developer can act on. */
export function describeError(t: TFunction, error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 0) return t('common.networkError');
    if (error.status === 403) return t('common.forbiddenError');
    if (error.status === 404) return t('common.notFoundError');
    return t('common.genericError', { message: error.message });
  }
  if (error instanceof Error) return t('common.genericError', { message: error.message });
  return t('common.networkError');
}

/** A full-width error panel with a retry button. */
export function ErrorScreen({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <section className="error-screen" role="alert">
      <h2>{t('common.errorTitle')}</h2>
      <p>{describeError(t, error)}</p>
      {onRetry && (
        <button type="button" className="button button--primary" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </section>
  );
}

/** An inline error line under a form. */
export function FormError({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <p className="form-error" role="alert">
      {message}
    </p>
  );
}
