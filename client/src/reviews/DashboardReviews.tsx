/** The dashboard's review lists: "Awaiting my review" and the upcoming review sessions. */
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAwaitingReview, useUpcomingSessions } from './queries';

/** Two short lists; each hides itself while empty. */
export function DashboardReviews() {
  const { t } = useTranslation();
  const awaiting = useAwaitingReview();
  const upcoming = useUpcomingSessions();
  const requests = awaiting.status === 'ready' ? awaiting.data.requests : [];
  const sessions = upcoming.status === 'ready' ? upcoming.data.sessions : [];
  return (
    <>
      <section className="card" aria-labelledby="awaiting-heading" data-testid="awaiting-review">
        <h2 id="awaiting-heading">{t('reviews.awaitingMine')}</h2>
        {requests.length === 0 ? (
          <p className="muted">{t('reviews.nothingAwaits')}</p>
        ) : (
          <ul>
            {requests.map((request) => (
              <li key={request.id}>
                <Link to={`/documents/${request.documentId}`}>{request.document?.title}</Link>{' '}
                <span className="muted">
                  {t('reviews.askedBy', { name: request.requestedBy.name })}
                  {request.dueAt &&
                    ` · ${t('reviews.due', { date: new Date(request.dueAt).toLocaleDateString() })}`}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="card" aria-labelledby="sessions-heading" data-testid="upcoming-sessions">
        <h2 id="sessions-heading">{t('reviews.upcomingSessions')}</h2>
        {sessions.length === 0 ? (
          <p className="muted">{t('reviews.noSessions')}</p>
        ) : (
          <ul>
            {sessions.map((session) => (
              <li key={session.id}>
                <Link to={`/documents/${session.documentId}`}>{session.title}</Link>{' '}
                <span className="muted">
                  {session.state === 'live'
                    ? t('reviews.state.live')
                    : new Date(session.startsAt).toLocaleString()}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
