/**
 * Use case: an owner or editor schedules a review session on a document: title, time,
 * facilitator (the scheduler unless named), agenda items with minutes each, optionally tied
 * to headings of the document's outline.
 */
import { randomUUID } from 'node:crypto';
import type { CreateReviewSessionBody } from '../../shared/api/reviewSessions';
import { ValidationError } from '../errors';
import type { EventBus, EventContext } from '../events';
import { canReadDocument } from '../policies/document';
import type { DocumentRecord, ReviewSessionRecord, Storage, User } from '../storage/types';

/** The named facilitator must be able to open the document; 400 `validation_failed` if not. */
async function assertFacilitator(
  storage: Storage,
  document: DocumentRecord,
  facilitatorId: string,
): Promise<void> {
  const facilitator = await storage.getUserById({ id: facilitatorId });
  const membership = facilitator
    ? await storage.getMembership({ workspaceId: document.workspaceId, userId: facilitator.id })
    : null;
  if (!facilitator || !canReadDocument(facilitator, membership, document)) {
    throw new ValidationError('The facilitator must be able to open this document.', {
      facilitatorId: 'not a person with access to this document',
    });
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
