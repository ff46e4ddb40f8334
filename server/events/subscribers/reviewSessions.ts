/**
 * What follows a review-session change or an event that concerns sessions:
 * - every change is sent as `review:state {session}` to `doc:<id>` (late joiners get the
 *   current item and its end time from `GET /api/review-sessions/:id`), and so is a live
 *   session whenever the people with its document open change (its participants);
 * - a thread started while a session is live is tagged with the current agenda item;
 * - a trashed document's scheduled and live sessions end (without minutes);
 * - a person who loses access (removed from the workspace, deactivated, their share revoked,
 *   the link reach narrowed) leaves: their hand goes down;
 * - scheduling invites everyone who can read the document (a `review_session` notification),
 *   and a hand-over tells the new facilitator;
 * - a purged document's sessions, review requests and status history go with it (SQLite's
 *   foreign keys do it; MongoDB has none).
 */
import { mentionablePeople } from '../../comments/mentions';
import { presentReviewSessions } from '../../presenters/reviewSessions';
import { notifyPeople } from '../../reviews/notifyPeople';
import { peopleWithoutAccess } from '../../reviews/accessOfPeople';
import { sessionsReachedBy } from '../../reviews/sessionsReachedBy';
import type { Broadcaster } from '../../realtime/broadcaster';
import { changeReviewSession, type PresenceReader } from '../../reviews/changeSession';
import type { RaisedAnchor, SessionMove } from '../../reviews/sessionMoves';
import type { ReviewSessionRecord, Storage } from '../../storage/types';
import type { EventBus } from '../bus';
import type { EventContext } from '../domainEvents';

/** Subscribes the review-session broadcasts and reactions. */
export function subscribeReviewSessions(input: {
  events: EventBus;
  storage: Storage;
  broadcaster: Broadcaster;
  presence: PresenceReader;
}): void {
  const { events, storage, broadcaster, presence } = input;

  const apply = (context: EventContext, session: ReviewSessionRecord, move: SessionMove) =>
    changeReviewSession({ storage, events, presence, context, sessionId: session.id, move });

  /**
   * In each live session of `sessions`, the hands of people (all, or `onlyUserId`) who can no
   * longer read the document go down: they left. Re-checked rather than assumed, so a person
   * removed from the workspace who still has a direct share of the document stays.
   */
  const leaveUnlessReaders = async (
    context: EventContext,
    sessions: readonly ReviewSessionRecord[],
    onlyUserId?: string,
  ) => {
    for (const session of sessions) {
      if (session.state !== 'live') continue;
      const holders = session.hands
        .map((hand) => hand.userId)
        .filter((userId) => onlyUserId === undefined || userId === onlyUserId);
      const gone = await peopleWithoutAccess({
        storage,
        documentId: session.documentId,
        userIds: holders,
      });
      for (const userId of gone) await apply(context, session, { kind: 'leave', userId });
    }
  };
  const liveOn = (documentId: string) =>
    storage.listReviewSessions({ documentId, states: ['live'] });

  const broadcast = async (session: ReviewSessionRecord) => {
    const [dto] = await presentReviewSessions({ storage, presence, sessions: [session] });
    if (dto) broadcaster.toDocument(session.documentId).emit('review:state', { session: dto });
  };
  events.on('reviewSession.changed', ({ session }) => broadcast(session));
  // Someone opened or left the document: the live session's participants change for everyone.
  // Only a first arrival is stored (an attendee of the minutes, one version more); otherwise
  // the session is re-sent as it is, so no facilitator's guarded move is refused for it.
  events.on('document.presenceChanged', async ({ documentId }) => {
    const present = presence.usersOf({ documentId }).map((user) => user.id);
    for (const session of await liveOn(documentId)) {
      const known = new Set(session.attendeeIds);
      if (present.some((id) => !known.has(id)))
        await apply({ actor: null, ip: null }, session, { kind: 'attend' });
      else await broadcast(session);
    }
  });

  // Scheduled: everyone who can read the document is invited (the scheduler excepted).
  // Handed over: the new facilitator hears of it.
  events.on('reviewSession.changed', async ({ context, session, move }) => {
    if ((move !== 'schedule' && move !== 'handOver') || !context.actor) return;
    const [actor] = await storage.listUsers({ ids: [context.actor.id] });
    const document = await storage.getDocument({ id: session.documentId });
    if (!actor || !document) return;
    const userIds =
      move === 'schedule'
        ? (await mentionablePeople({ storage, document })).map((reader) => reader.id)
        : [session.facilitatorId];
    await notifyPeople({ storage, broadcaster, kind: 'review_session', actor, document, userIds });
  });

  /** Tags `anchor` with the current item of the document's live sessions. */
  const tagInLiveSessions = async (
    context: EventContext,
    documentId: string,
    anchor: RaisedAnchor,
  ) => {
    for (const session of await liveOn(documentId))
      await apply(context, session, { kind: 'tag', anchor });
  };
  events.on('thread.created', ({ context, thread }) =>
    tagInLiveSessions(context, thread.documentId, { kind: 'thread', id: thread.id }),
  );
  events.on('suggestion.created', ({ context, suggestion }) =>
    tagInLiveSessions(context, suggestion.documentId, { kind: 'suggestion', id: suggestion.id }),
  );

  events.on('document.trashed', async ({ context, document }) => {
    const open = await storage.listReviewSessions({
      documentId: document.id,
      states: ['scheduled', 'live'],
    });
    for (const session of open) await apply(context, session, { kind: 'end' });
  });

  // People who lose access leave: removed from the workspace, deactivated, a share revoked,
  // the link reach narrowed.
  events.on('membership.removed', async ({ context, workspaceId, userId }) => {
    const sessions = await storage.listReviewSessions({
      workspaceIds: [workspaceId],
      states: ['live'],
    });
    await leaveUnlessReaders(context, sessions, userId);
  });
  events.on('user.deactivated', async ({ context, userId }) => {
    const sessions = await sessionsReachedBy({ storage, userId, states: ['live'] });
    await leaveUnlessReaders(context, sessions, userId);
  });
  events.on('document.unshared', async ({ context, document, share }) =>
    leaveUnlessReaders(context, await liveOn(document.id), share.userId),
  );
  events.on('document.updated', async ({ context, before, document }) => {
    if (before.linkAccess === document.linkAccess) return;
    await leaveUnlessReaders(context, await liveOn(document.id));
  });

  events.on('document.purged', async ({ document }) => {
    await storage.deleteReviewSessionsOfDocument({ documentId: document.id });
    await storage.deleteReviewRequestsOfDocument({ documentId: document.id });
  });
}
