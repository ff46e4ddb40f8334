/** Review sessions as the API and the `review:state` broadcast send them (explicit fields). */
import type { ReviewSessionAbilities, ReviewSessionDto } from '../../shared/api/reviewSessions';
import type { PresenceReader } from '../reviews/changeSession';
import type { ReviewSessionRecord, Storage } from '../storage/types';
import { personLookup, type PersonLookup } from './threads';

const isoOrNull = (date: Date | null): string | null => (date ? date.toISOString() : null);

/** One session; `participants` are the people with the document open now. */
export function presentReviewSession(
  session: ReviewSessionRecord,
  person: PersonLookup,
  participants: { id: string; name: string }[],
  abilities?: ReviewSessionAbilities,
): ReviewSessionDto {
  return {
    id: session.id,
    documentId: session.documentId,
    workspaceId: session.workspaceId,
    title: session.title,
    startsAt: session.startsAt.toISOString(),
    state: session.state,
    facilitator: person(session.facilitatorId),
    agenda: session.agenda.map((item) => ({
      id: item.id,
      title: item.title,
      minutes: item.minutes,
      heading: item.heading,
    })),
    currentItemId: session.currentItemId,
    itemEndsAt: isoOrNull(session.itemEndsAt),
    serverNow: new Date().toISOString(),
    hands: session.hands.map((hand) => ({
      user: person(hand.userId),
      raisedAt: hand.raisedAt.toISOString(),
    })),
    decisions: { ...session.decisions },
    participants:
      session.state === 'live' ? participants.map(({ id, name }) => ({ id, name })) : [],
    threadTags: session.threadTags.map(({ threadId, itemId }) => ({ threadId, itemId })),
    suggestionTags: session.suggestionTags.map(({ suggestionId, itemId }) => ({
      suggestionId,
      itemId,
    })),
    minutesDocumentId: session.minutesDocumentId,
    startedAt: isoOrNull(session.startedAt),
    endedAt: isoOrNull(session.endedAt),
    version: session.version,
    ...(abilities ? { abilities } : {}),
  };
}

/**
 * Sessions with the names they refer to loaded in one query; `abilitiesOf` adds the caller's
 * abilities (HTTP answers), absent for broadcasts.
 */
export async function presentReviewSessions(input: {
  storage: Storage;
  presence: PresenceReader;
  sessions: readonly ReviewSessionRecord[];
  abilitiesOf?: (session: ReviewSessionRecord) => ReviewSessionAbilities;
}): Promise<ReviewSessionDto[]> {
  const ids = new Set<string>();
  for (const session of input.sessions) {
    ids.add(session.facilitatorId);
    for (const hand of session.hands) ids.add(hand.userId);
  }
  const person = personLookup(await input.storage.listUsers({ ids: [...ids] }));
  return input.sessions.map((session) =>
    presentReviewSession(
      session,
      person,
      input.presence.usersOf({ documentId: session.documentId }),
      input.abilitiesOf?.(session),
    ),
  );
}
