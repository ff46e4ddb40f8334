/**
 * The review session's state machine, as pure functions: given the stored session, a move
 * and the time, what to write (or null: nothing changes, so a repeated move is harmless).
 * scheduled → live → ended; nothing goes back. The server owns the clock: a move sets the
 * current item's end time (`itemEndsAt`); nothing ticks.
 */
import { ConflictError, NotFoundError } from '../errors';
import type { ReviewSessionPatch, ReviewSessionRecord } from '../storage/types';

/**
 * Something raised on the document while a session is live, tagged with the current agenda
 * item (and listed under it in the minutes): a comment thread or a suggestion. Another kind
 * is a variant here, a list on the session record, a case in `tagged` below, and a
 * subscriber line (`events/subscribers/reviewSessions.ts`).
 */
export type RaisedAnchor = { kind: 'thread'; id: string } | { kind: 'suggestion'; id: string };

/** Everything that can happen to a session. */
export type SessionMove =
  | { kind: 'start' }
  | { kind: 'next' }
  | { kind: 'back' }
  | { kind: 'extend'; minutes: number }
  | { kind: 'end'; decisions?: Record<string, string> }
  | { kind: 'decide'; itemId: string; text: string }
  /** Someone else runs the session from now on (their access is checked by the caller). */
  | { kind: 'handOver'; facilitatorId: string }
  | { kind: 'raiseHand'; userId: string }
  | { kind: 'lowerHand'; userId: string }
  | { kind: 'tag'; anchor: RaisedAnchor }
  /**
   * Someone opened the document while the session is live: they join the attendees of the
   * minutes (`withAttendees` adds whoever is present; the caller moves only for newcomers).
   */
  | { kind: 'attend' }
  /** The person lost access to the document: their hand goes down. */
  | { kind: 'leave'; userId: string }
  /** The minutes were written: the session links to them (once). */
  | { kind: 'linkMinutes'; documentId: string };

/** The kind of a move (for events and logs). */
export type SessionMoveKind = SessionMove['kind'];

const MINUTE_MS = 60_000;

function invalidState(message: string): ConflictError {
  return new ConflictError(message, 'invalid_session_state');
}

function requireLive(session: ReviewSessionRecord): void {
  if (session.state !== 'live') throw invalidState('The session is not running.');
}

function itemIndex(session: ReviewSessionRecord, itemId: string | null): number {
  return session.agenda.findIndex((item) => item.id === itemId);
}

/** Makes `index` the current item, its clock starting now. */
function goTo(session: ReviewSessionRecord, index: number, now: Date): ReviewSessionPatch {
  const item = session.agenda[index];
  if (!item) throw invalidState('There is no agenda item there.');
  return {
    currentItemId: item.id,
    itemEndsAt: new Date(now.getTime() + item.minutes * MINUTE_MS),
  };
}

/** Decisions with `text` noted for `itemId` (an empty text removes the note). */
function withDecision(
  decisions: Record<string, string>,
  itemId: string,
  text: string,
): Record<string, string> {
  const next = { ...decisions };
  if (text === '') delete next[itemId];
  else next[itemId] = text;
  return next;
}

function requireItem(session: ReviewSessionRecord, itemId: string): void {
  if (itemIndex(session, itemId) < 0) {
    throw new NotFoundError('No such agenda item.', 'agenda_item_not_found');
  }
}

/** The write that tags `anchor` with `itemId`, or null when it is tagged already. */
function tagged(
  session: ReviewSessionRecord,
  anchor: RaisedAnchor,
  itemId: string,
): ReviewSessionPatch | null {
  switch (anchor.kind) {
    case 'thread':
      if (session.threadTags.some((tag) => tag.threadId === anchor.id)) return null;
      return { threadTags: [...session.threadTags, { threadId: anchor.id, itemId }] };
    case 'suggestion':
      if (session.suggestionTags.some((tag) => tag.suggestionId === anchor.id)) return null;
      return {
        suggestionTags: [...session.suggestionTags, { suggestionId: anchor.id, itemId }],
      };
  }
}

/**
 * The write `move` makes on `session` at `now`, or null when it changes nothing. Throws
 * `invalid_session_state` for a move the state does not allow, `agenda_item_not_found` for a
 * decision on an unknown item.
 */
export function applyMove(
  session: ReviewSessionRecord,
  move: SessionMove,
  now: Date,
): ReviewSessionPatch | null {
  switch (move.kind) {
    case 'start':
      if (session.state !== 'scheduled') throw invalidState('The session has already started.');
      return { state: 'live', startedAt: now, ...goTo(session, 0, now) };
    case 'next': {
      requireLive(session);
      const index = itemIndex(session, session.currentItemId);
      if (index + 1 >= session.agenda.length) throw invalidState('This is the last agenda item.');
      return goTo(session, index + 1, now);
    }
    case 'back': {
      requireLive(session);
      const index = itemIndex(session, session.currentItemId);
      if (index <= 0) throw invalidState('This is the first agenda item.');
      return goTo(session, index - 1, now);
    }
    case 'extend': {
      requireLive(session);
      // Extending a clock that already ran out gives the time from now, not from the past.
      const from = Math.max(session.itemEndsAt?.getTime() ?? now.getTime(), now.getTime());
      return { itemEndsAt: new Date(from + move.minutes * MINUTE_MS) };
    }
    case 'end': {
      if (session.state === 'ended') throw invalidState('The session has already ended.');
      let decisions = session.decisions;
      for (const [itemId, text] of Object.entries(move.decisions ?? {})) {
        requireItem(session, itemId);
        decisions = withDecision(decisions, itemId, text);
      }
      return {
        state: 'ended',
        endedAt: now,
        currentItemId: null,
        itemEndsAt: null,
        hands: [],
        decisions,
      };
    }
    case 'decide':
      if (session.state === 'ended') throw invalidState('The session has already ended.');
      requireItem(session, move.itemId);
      if ((session.decisions[move.itemId] ?? '') === move.text) return null;
      return { decisions: withDecision(session.decisions, move.itemId, move.text) };
    case 'handOver':
      if (session.state === 'ended') throw invalidState('The session has already ended.');
      if (session.facilitatorId === move.facilitatorId) return null;
      return { facilitatorId: move.facilitatorId };
    case 'raiseHand':
      requireLive(session);
      if (session.hands.some((hand) => hand.userId === move.userId)) return null;
      return { hands: [...session.hands, { userId: move.userId, raisedAt: now }] };
    case 'lowerHand':
    case 'leave':
      if (!session.hands.some((hand) => hand.userId === move.userId)) return null;
      return { hands: session.hands.filter((hand) => hand.userId !== move.userId) };
    case 'attend':
      return session.state === 'live' ? {} : null;
    case 'linkMinutes':
      if (session.minutesDocumentId) return null;
      return { minutesDocumentId: move.documentId };
    case 'tag':
      if (session.state !== 'live' || !session.currentItemId) return null;
      return tagged(session, move.anchor, session.currentItemId);
  }
}

/**
 * Adds the people present (and the one acting) to the session's attendees while it is live
 * or ending, for the minutes; null when nobody new came.
 */
export function withAttendees(
  session: ReviewSessionRecord,
  patch: ReviewSessionPatch,
  presentIds: readonly string[],
): ReviewSessionPatch {
  const state = patch.state ?? session.state;
  const isRunning = state === 'live' || (state === 'ended' && session.state === 'live');
  if (!isRunning) return patch;
  const known = new Set(session.attendeeIds);
  const newcomers = [...new Set(presentIds)].filter((id) => !known.has(id));
  if (newcomers.length === 0) return patch;
  return { ...patch, attendeeIds: [...session.attendeeIds, ...newcomers] };
}
