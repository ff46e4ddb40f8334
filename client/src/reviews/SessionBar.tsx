/**
 * The live review session's bar above the editor: the current agenda item and the time left
 * (counted down to the end time the server set, corrected by its clock), who is present, the
 * raised hands in order, and the facilitator's controls (back, next, extend, decision, end).
 * Follow mode scrolls to the current item's heading whenever the item changes; scrolling by
 * hand leaves it, and one click rejoins.
 */
import type { Editor } from '@tiptap/react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReviewSessionDto } from '../../../shared/api/reviewSessions';
import { api } from '../api/client';
import { FormError } from '../components/ErrorScreen';
import { useFormSubmit } from '../components/useFormSubmit';
import { useCurrentUser } from '../session/SessionContext';
import { useRefreshReviews, useReviewSessions } from './queries';

/** `m:ss` of a number of milliseconds (0 when the time is up). */
function formatLeft(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/**
 * Milliseconds left on the current item (null before the first tick), ticking on this page
 * only. Corrected by the server's clock (`serverNow` against ours when that answer arrived),
 * so people whose clocks differ still see the same time left.
 */
function useTimeLeft(session: ReviewSessionDto): number | null {
  const [left, setLeft] = useState<number | null>(null);
  const arrival = useRef<{ serverNow: string; localAt: number } | null>(null);
  useEffect(() => {
    arrival.current = { serverNow: session.serverNow, localAt: Date.now() };
  }, [session.serverNow]);
  useEffect(() => {
    const tick = () => {
      const seen = arrival.current;
      const skew = seen ? Date.parse(seen.serverNow) - seen.localAt : 0;
      const endsAt = session.itemEndsAt ? Date.parse(session.itemEndsAt) : Date.now() + skew;
      setLeft(endsAt - (Date.now() + skew));
    };
    const timer = setInterval(tick, 250);
    return () => clearInterval(timer);
  }, [session.itemEndsAt]);
  return left;
}

/** Scrolls the editor to the heading whose text is `heading`. */
function scrollToHeading(editor: Editor | null, heading: string | null): void {
  if (!editor || !heading) return;
  const headings = editor.view.dom.querySelectorAll('h1, h2, h3, h4, h5, h6');
  const target = [...headings].find((element) => element.textContent?.trim() === heading);
  target?.scrollIntoView({ behavior: 'smooth', block: 'start' });
}

/** Follow mode: on by default; a hand scroll (wheel, touch, keys) leaves it. */
function useFollowMode(session: ReviewSessionDto, editor: Editor | null) {
  const [isFollowing, setIsFollowing] = useState(true);
  const heading = session.agenda.find((item) => item.id === session.currentItemId)?.heading ?? null;
  useEffect(() => {
    if (isFollowing) scrollToHeading(editor, heading);
  }, [isFollowing, editor, heading, session.currentItemId]);
  useEffect(() => {
    if (!isFollowing) return;
    const leave = () => setIsFollowing(false);
    const onKey = (event: KeyboardEvent) => {
      if (['PageUp', 'PageDown', 'Home', 'End'].includes(event.key)) leave();
    };
    window.addEventListener('wheel', leave, { passive: true });
    window.addEventListener('touchmove', leave, { passive: true });
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('wheel', leave);
      window.removeEventListener('touchmove', leave);
      window.removeEventListener('keydown', onKey);
    };
  }, [isFollowing]);
  return { isFollowing, rejoin: () => setIsFollowing(true) };
}

/** The decision noted for the current item (one form per item, so it starts from its note). */
function DecisionForm({
  title,
  initial,
  onSave,
}: {
  title: string;
  initial: string;
  onSave: (text: string) => (event: FormEvent) => void;
}) {
  const { t } = useTranslation();
  const [decision, setDecision] = useState(initial);
  return (
    <form className="session-bar__decision" onSubmit={onSave(decision.trim())}>
      <input
        aria-label={t('reviews.decisionFor', { title })}
        maxLength={5000}
        value={decision}
        onChange={(event) => setDecision(event.target.value)}
      />
      <button type="submit" className="button button--small">
        {t('reviews.saveDecision')}
      </button>
    </form>
  );
}

function LiveSessionBar({ session, editor }: { session: ReviewSessionDto; editor: Editor | null }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const refresh = useRefreshReviews(session.documentId);
  const form = useFormSubmit();
  const left = useTimeLeft(session);
  const follow = useFollowMode(session, editor);
  const index = session.agenda.findIndex((item) => item.id === session.currentItemId);
  const item = session.agenda[index];
  const canFacilitate = Boolean(session.abilities?.canFacilitate);
  const hasHand = session.hands.some((hand) => hand.user.id === user.id);

  const act = (work: () => Promise<unknown>) =>
    form.handleSubmit(async () => {
      await work();
      refresh();
    });
  const move = (kind: 'next' | 'back') =>
    act(() =>
      api.reviewSessions.move({
        sessionId: session.id,
        move: kind,
        fromItemId: session.currentItemId,
      }),
    );

  return (
    <section className="session-bar" aria-label={t('reviews.sessionBar')} data-testid="session-bar">
      <div className="session-bar__item" aria-live="polite">
        <strong>{session.title}</strong>{' '}
        <span data-testid="session-current-item">
          {t('reviews.itemOf', {
            n: index + 1,
            total: session.agenda.length,
            title: item?.title ?? '',
          })}
        </span>{' '}
        <span className="session-bar__time" data-testid="session-time-left">
          {left === null ? '…' : t('reviews.timeLeft', { time: formatLeft(left) })}
        </span>
      </div>
      <div className="session-bar__people">
        <span>
          {t('reviews.present', { names: session.participants.map((p) => p.name).join(', ') })}
        </span>
        {session.hands.length > 0 && (
          <ol
            className="session-bar__hands"
            aria-label={t('reviews.handsQueue')}
            data-testid="hands-queue"
          >
            {session.hands.map((hand) => (
              <li key={hand.user.id}>
                {hand.user.name}
                {(canFacilitate || hand.user.id === user.id) && (
                  <button
                    type="button"
                    className="button button--small button--ghost"
                    onClick={act(() =>
                      api.reviewSessions.lowerHand({ sessionId: session.id, userId: hand.user.id }),
                    )}
                  >
                    {t('reviews.lowerHandOf', { name: hand.user.name })}
                  </button>
                )}
              </li>
            ))}
          </ol>
        )}
      </div>
      <div className="session-bar__actions">
        {session.abilities?.canRaiseHand && !hasHand && (
          <button
            type="button"
            className="button button--small"
            onClick={act(() => api.reviewSessions.raiseHand(session.id))}
          >
            {t('reviews.raiseHand')}
          </button>
        )}
        {!follow.isFollowing && (
          <button
            type="button"
            className="button button--small button--ghost"
            onClick={follow.rejoin}
          >
            {t('reviews.rejoinFollow')}
          </button>
        )}
        {canFacilitate && (
          <>
            <button
              type="button"
              className="button button--small"
              disabled={index <= 0}
              onClick={move('back')}
            >
              {t('reviews.back')}
            </button>
            <button
              type="button"
              className="button button--small"
              disabled={index + 1 >= session.agenda.length}
              onClick={move('next')}
            >
              {t('reviews.next')}
            </button>
            <button
              type="button"
              className="button button--small"
              onClick={act(() =>
                api.reviewSessions.extend({
                  sessionId: session.id,
                  minutes: 5,
                  expectedVersion: session.version,
                }),
              )}
            >
              {t('reviews.extend')}
            </button>
            {item && (
              <DecisionForm
                key={item.id}
                title={item.title}
                initial={session.decisions[item.id] ?? ''}
                onSave={(text) =>
                  act(() =>
                    api.reviewSessions.decide({ sessionId: session.id, itemId: item.id, text }),
                  )
                }
              />
            )}
            <button
              type="button"
              className="button button--small button--danger"
              onClick={act(() => api.reviewSessions.end(session.id))}
            >
              {t('reviews.end')}
            </button>
          </>
        )}
      </div>
      <FormError message={form.error} />
    </section>
  );
}

/** The bar of the document's live session, if one is running. */
export function SessionBar({ documentId, editor }: { documentId: string; editor: Editor | null }) {
  const sessions = useReviewSessions(documentId);
  if (sessions.status !== 'ready') return null;
  const live = sessions.data.sessions.find((session) => session.state === 'live');
  return live ? <LiveSessionBar key={live.id} session={live} editor={editor} /> : null;
}
