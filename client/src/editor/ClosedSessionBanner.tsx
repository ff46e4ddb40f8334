/**
 * The banner above the editor while the collaboration server is not taking this session: why,
 * and the one thing the person can do about it (nothing while it reconnects by itself).
 */
import { useTranslation } from 'react-i18next';
import { useSession } from '../session/SessionContext';
import { closedSessionMessage } from './closedSession';

/** Says why the session is closed or refused, with "Try again" or "Sign in again" if useful. */
export function ClosedSessionBanner({ code, onRetry }: { code: number; onRetry: () => void }) {
  const { t } = useTranslation();
  const { setUser } = useSession();
  const closed = closedSessionMessage(code);
  return (
    <div
      className={`banner ${closed.retriesByItself ? 'banner--info' : 'banner--error'}`}
      role="alert"
      data-testid="closed-session-banner"
      data-code={code}
    >
      <p>{t(closed.key)}</p>
      {closed.action === 'retry' && (
        <button type="button" className="button" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
      {closed.action === 'signIn' && (
        // Forgetting the user sends the route guard to sign-in, which comes back here after.
        <button type="button" className="button" onClick={() => setUser(null)}>
          {t('editor.signInAgain')}
        </button>
      )}
    </div>
  );
}
