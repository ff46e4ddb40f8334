/**
 * What a failed request looks like everywhere: what went wrong in plain words and a retry
 * button, so a page is never blank.
 */
import type { TFunction } from 'i18next';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/http';
import { useSession } from '../session/SessionContext';

/** Turns any failure into one sentence a non-developer can act on. */
export function describeError(t: TFunction, error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 0) return t('common.networkError');
    if (error.status === 401) return t('common.signedOutError');
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
  const { user, setUser } = useSession();
  const isSignedOut = error instanceof ApiError && error.status === 401;
  // The session ended elsewhere (expired, signed out in another tab): forget the user, and the
  // route guard sends them to sign in, coming back here afterwards.
  useEffect(() => {
    if (isSignedOut && user) setUser(null);
  }, [isSignedOut, user, setUser]);
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
