/**
 * Use cases of the workflow with people in it: send a document to review naming reviewers
 * (through the existing status command, so the status API and its events stay the one way a
 * status moves), and a reviewer's answer. Both notify the people concerned.
 */
import type { RequestReviewBody } from '../../shared/api/reviewRequests';
import { changeDocumentStatus } from '../commands/changeDocumentStatus';
import { ConflictError } from '../errors';
import type { EventBus } from '../events';
import type { Broadcaster } from '../realtime/broadcaster';
import type {
  DocumentRecord,
  ReviewRequestRecord,
  ReviewVerdict,
  Storage,
  User,
} from '../storage/types';
import { notifyPeople } from './notifyPeople';
import { assertReviewers } from './reviewers';

/**
 * Sends a draft to review (or adds reviewers to a document in review) and asks each
 * reviewer; 409 `invalid_transition` from any other status.
 */
export async function requestReview(input: {
  storage: Storage;
  events: EventBus;
  broadcaster: Broadcaster;
  actor: User;
  document: DocumentRecord;
  body: RequestReviewBody;
  ip: string | null;
}): Promise<{ document: DocumentRecord; requests: ReviewRequestRecord[] }> {
  const { storage, actor, body } = input;
  let { document } = input;
  if (document.status !== 'draft' && document.status !== 'in-review') {
    throw new ConflictError(
      `A ${document.status} document goes back to draft before a new review.`,
      'invalid_transition',
    );
  }
  await assertReviewers({ storage, document, reviewerIds: body.reviewerIds });
  if (document.status === 'draft') {
    document = await changeDocumentStatus({
      storage,
      events: input.events,
      actor,
      document,
      status: 'in-review',
      ...(body.note === undefined ? {} : { note: body.note }),
      ip: input.ip,
    });
  }
  const requests = await storage.requestReviews({
    documentId: document.id,
    requestedById: actor.id,
    reviewerIds: body.reviewerIds,
    note: body.note ?? '',
    dueAt: body.dueAt ? new Date(body.dueAt) : null,
  });
  await notifyPeople({
    storage,
    broadcaster: input.broadcaster,
    kind: 'review_request',
    actor,
    document,
    userIds: body.reviewerIds,
  });
  return { document, requests };
}

/** The reviewer answers (again, if they change their mind) while the document is in review. */
export async function answerReview(input: {
  storage: Storage;
  broadcaster: Broadcaster;
  actor: User;
  document: DocumentRecord;
  request: ReviewRequestRecord;
  verdict: Exclude<ReviewVerdict, 'pending'>;
  note: string;
}): Promise<ReviewRequestRecord> {
  const { storage, document } = input;
  if (document.status !== 'in-review') {
    throw new ConflictError('The document is no longer in review.', 'invalid_transition');
  }
  const answered = await storage.answerReviewRequest({
    id: input.request.id,
    verdict: input.verdict,
    note: input.note,
  });
  await notifyPeople({
    storage,
    broadcaster: input.broadcaster,
    kind: 'review_answer',
    actor: input.actor,
    document,
    userIds: [input.request.requestedById],
  });
  return answered;
}
