/**
 * The editor's review panel: the document's review sessions (schedule, start, minutes link),
 * its review requests with each reviewer's answer (and the caller's own to give), and the
 * status history (who, when, note). What it offers follows the answers' abilities.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DocumentDto } from '../../../shared/api/entities';
import type { ReviewRequestDto } from '../../../shared/api/reviewRequests';
import { api } from '../api/client';
import { FormError } from '../components/ErrorScreen';
import { useFormSubmit } from '../components/useFormSubmit';
import { useCurrentUser } from '../session/SessionContext';
import {
  useRefreshReviews,
  useReviewRequests,
  useReviewSessions,
  useStatusHistory,
} from './queries';
import { HandOverForm } from './HandOverForm';
import { ReviewRequestDialog } from './ReviewRequestDialog';
import { ScheduleSessionDialog } from './ScheduleSessionDialog';

function formatTime(iso: string): string {
  return new Date(iso).toLocaleString();
}

/** The caller's own pending request: approve or request changes, with a note. */
function AnswerForm({ request, onDone }: { request: ReviewRequestDto; onDone: () => void }) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const form = useFormSubmit();
  const answer = (verdict: 'approved' | 'changes_requested') =>
    form.handleSubmit(async () => {
      await api.reviewRequests.answer({
        requestId: request.id,
        body: { verdict, ...(note.trim() ? { note: note.trim() } : {}) },
      });
      onDone();
    });
  return (
    <form className="form review-answer" onSubmit={(event) => event.preventDefault()}>
      <label className="field">
        <span className="field__label">{t('reviews.answerNote')}</span>
        <textarea maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} />
      </label>
      <div className="review-answer__buttons">
        <button type="button" className="button button--small" onClick={answer('approved')}>
          {t('reviews.approve')}
        </button>
        <button
          type="button"
          className="button button--small button--ghost"
          onClick={answer('changes_requested')}
        >
          {t('reviews.requestChanges')}
        </button>
      </div>
      <FormError message={form.error} />
    </form>
  );
}

/** The panel for `document`. */
export function ReviewPanel({ document }: { document: DocumentDto }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const sessions = useReviewSessions(document.id);
  const requests = useReviewRequests(document.id);
  const history = useStatusHistory(document.id);
  const refresh = useRefreshReviews(document.id);
  const [dialog, setDialog] = useState<'schedule' | 'request' | null>(null);
  const start = useFormSubmit();
  const canRun = Boolean(document.abilities?.editDetails);
  const canRequest =
    Boolean(document.abilities?.changeStatus) &&
    (document.status === 'draft' || document.status === 'in-review');

  return (
    <section className="reviews card" aria-labelledby="reviews-heading">
      <h2 id="reviews-heading">{t('reviews.title')}</h2>

      <h3>{t('reviews.sessions')}</h3>
      {sessions.status === 'ready' && sessions.data.sessions.length === 0 && (
        <p className="muted">{t('reviews.noSessions')}</p>
      )}
      <ul className="reviews__list" data-testid="review-sessions">
        {sessions.status === 'ready' &&
          sessions.data.sessions.map((session) => (
            <li key={session.id}>
              <strong>{session.title}</strong> · {formatTime(session.startsAt)} ·{' '}
              {t(`reviews.state.${session.state}`)} ·{' '}
              {t('reviews.facilitatedBy', { name: session.facilitator.name })}
              {session.state === 'scheduled' && session.abilities?.canFacilitate && (
                <button
                  type="button"
                  className="button button--small"
                  disabled={start.isBusy}
                  onClick={start.handleSubmit(async () => {
                    await api.reviewSessions.move({
                      sessionId: session.id,
                      move: 'start',
                      fromItemId: null,
                    });
                    refresh();
                  })}
                >
                  {t('reviews.start')}
                </button>
              )}
              {session.state !== 'ended' && session.abilities?.canFacilitate && (
                <HandOverForm session={session} onDone={refresh} />
              )}
              {session.minutesDocumentId && (
                <>
                  {' '}
                  <Link to={`/documents/${session.minutesDocumentId}`}>
                    {t('reviews.minutesLink')}
                  </Link>
                </>
              )}
            </li>
          ))}
      </ul>
      <FormError message={start.error} />
      {canRun && (
        <button
          type="button"
          className="button button--small"
          onClick={() => setDialog('schedule')}
        >
          {t('reviews.scheduleTitle')}
        </button>
      )}

      <h3>{t('reviews.requests')}</h3>
      <ul className="reviews__list" data-testid="review-requests">
        {requests.status === 'ready' &&
          requests.data.requests.map((request) => (
            <li key={request.id}>
              {request.reviewer.name}: {t(`reviews.verdict.${request.verdict}`)}
              {request.answerNote && <q className="reviews__note">{request.answerNote}</q>}
              {request.dueAt && (
                <span className="muted">
                  {' '}
                  · {t('reviews.due', { date: formatTime(request.dueAt) })}
                </span>
              )}
              {request.reviewer.id === user.id && document.status === 'in-review' && (
                <AnswerForm request={request} onDone={refresh} />
              )}
            </li>
          ))}
      </ul>
      {canRequest && (
        <button type="button" className="button button--small" onClick={() => setDialog('request')}>
          {t('reviews.requestTitle')}
        </button>
      )}

      <h3>{t('reviews.history')}</h3>
      <ol className="reviews__list" data-testid="status-history">
        {history.status === 'ready' &&
          history.data.history.map((change) => (
            <li key={change.id}>
              {t('reviews.historyLine', {
                name: change.actor.name,
                from: t(`statuses.${change.from}`),
                to: t(`statuses.${change.to}`),
                when: formatTime(change.createdAt),
              })}
              {change.note && <q className="reviews__note">{change.note}</q>}
            </li>
          ))}
      </ol>

      <ScheduleSessionDialog
        document={document}
        isOpen={dialog === 'schedule'}
        onClose={() => setDialog(null)}
        onDone={() => {
          setDialog(null);
          refresh();
        }}
      />
      <ReviewRequestDialog
        documentId={document.id}
        isOpen={dialog === 'request'}
        onClose={() => setDialog(null)}
        onDone={() => {
          setDialog(null);
          refresh();
        }}
      />
    </section>
  );
}
