/**
 * Use case: one change to a review session (a facilitator's move, a raised hand, a decision,
 * a thread tagged by the subscriber). Read, apply the pure move (`sessionMoves.ts`), write at
 * the version read. When another writer got in first (a hand raised in the same instant), the
 * move is simply redone on the new state; a caller's own guard (`expectedVersion`,
 * `fromItemId`) that no longer holds is 409 `review_session_conflict` instead, which is what
 * stops a second facilitator tab from advancing twice.
 */
import { ConflictError, NotFoundError } from '../errors';
import type { EventBus, EventContext } from '../events';
import type { ReviewSessionRecord, Storage } from '../storage/types';
import { applyMove, withAttendees, type SessionMove } from './sessionMoves';

/** Who has the document open now (the Socket.IO presence tracker). */
export interface PresenceReader {
  usersOf(input: { documentId: string }): { id: string; name: string }[];
}

/** What the caller's page believed; a belief that no longer holds is a conflict. */
export interface MoveGuard {
  expectedVersion?: number | undefined;
  /** The item the page shows as current (null: none yet). */
  fromItemId?: string | null | undefined;
}

/** How often a move is redone after losing a race it did not ask to guard against. */
const MAX_ATTEMPTS = 8;

function staleGuard(): ConflictError {
  return new ConflictError(
    'The session moved on meanwhile (another tab or person); reload it and try again.',
    'review_session_conflict',
  );
}

function checkGuard(session: ReviewSessionRecord, guard: MoveGuard): void {
  if (guard.expectedVersion !== undefined && guard.expectedVersion !== session.version)
    throw staleGuard();
  if (guard.fromItemId !== undefined && guard.fromItemId !== session.currentItemId)
    throw staleGuard();
}

function isRaceLost(error: unknown): boolean {
  return error instanceof ConflictError && error.code === 'review_session_conflict';
}

/**
 * Applies `move` to the session and emits `reviewSession.changed` (the `review:state`
 * broadcast subscribes). Returns the session as stored; unchanged (and nothing emitted) when
 * the move changes nothing, e.g. a hand raised twice.
 */
export async function changeReviewSession(input: {
  storage: Storage;
  events: EventBus;
  presence: PresenceReader;
  context: EventContext;
  sessionId: string;
  move: SessionMove;
  guard?: MoveGuard;
}): Promise<ReviewSessionRecord> {
  const { storage, presence, move } = input;
  const actorId = input.context.actor?.id;
  for (let attempt = 1; ; attempt += 1) {
    const session = await storage.getReviewSession({ id: input.sessionId });
    if (!session) throw new NotFoundError('No such review session.', 'review_session_not_found');
    checkGuard(session, input.guard ?? {});
    const patch = applyMove(session, move, new Date());
    if (!patch) return session;
    const presentIds = presence.usersOf({ documentId: session.documentId }).map((user) => user.id);
    if (actorId && move.kind !== 'leave') presentIds.push(actorId);
    let changed: ReviewSessionRecord;
    try {
      changed = await storage.updateReviewSession({
        id: session.id,
        expectedVersion: session.version,
        patch: withAttendees(session, patch, presentIds),
      });
    } catch (error) {
      if (!isRaceLost(error) || attempt >= MAX_ATTEMPTS) throw error;
      continue;
    }
    await input.events.emit('reviewSession.changed', {
      context: input.context,
      before: session,
      session: changed,
      move: move.kind,
    });
    return changed;
  }
}
