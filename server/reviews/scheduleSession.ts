/**
 * Use case: an owner or editor schedules a review session on a document: title, time,
 * facilitator (the scheduler unless named; `PUT /api/review-sessions/:id/facilitator` hands
 * over later), agenda items with minutes each, optionally tied
 * to headings of the document's outline.
 */
import { randomUUID } from 'node:crypto';
import type { CreateReviewSessionBody } from '../../shared/api/reviewSessions';
import { ValidationError } from '../errors';
import type { EventBus, EventContext } from '../events';
import type { DocumentRecord, ReviewSessionRecord, Storage, User } from '../storage/types';
import { accessOfPeople, canStillRead } from './accessOfPeople';

/**
 * The named facilitator must be able to open the document (a member, someone it is shared
 * with directly, an admin); 400 `facilitator_without_access` if not (unknown ids alike).
 */
export async function assertFacilitator(
  storage: Storage,
  document: DocumentRecord,
  facilitatorId: string,
): Promise<void> {
  const [person] = await accessOfPeople({ storage, document, userIds: [facilitatorId] });
  if (!canStillRead(person?.access ?? null, document)) {
    throw new ValidationError(
      'The facilitator must be able to open this document: share it with them first.',
      { facilitatorId: 'not a person with access to this document' },
      'facilitator_without_access',
    );
  }
}

/** Stores the session (`scheduled`) and emits `reviewSession.changed` (`schedule`). */
export async function scheduleReviewSession(input: {
  storage: Storage;
  events: EventBus;
  context: EventContext;
  actor: User;
  document: DocumentRecord;
  body: CreateReviewSessionBody;
}): Promise<ReviewSessionRecord> {
  const { storage, actor, document, body } = input;
  const facilitatorId = body.facilitatorId ?? actor.id;
  if (facilitatorId !== actor.id) await assertFacilitator(storage, document, facilitatorId);
  const session = await storage.createReviewSession({
    documentId: document.id,
    title: body.title,
    startsAt: new Date(body.startsAt),
    facilitatorId,
    createdById: actor.id,
    agenda: body.agenda.map((item) => ({
      id: randomUUID(),
      title: item.title,
      minutes: item.minutes,
      heading: item.heading ?? null,
    })),
  });
  await input.events.emit('reviewSession.changed', {
    context: input.context,
    before: null,
    session,
    move: 'schedule',
  });
  return session;
}
