/** Review requests and status history as the API sends them (explicit fields). */
import type { ReviewRequestDto, StatusChangeDto } from '../../shared/api/reviewRequests';
import type { DocumentRecord, ReviewRequestRecord, StatusChangeRecord } from '../storage/types';
import type { PersonLookup } from './threads';

/** One request; `document` names it in lists across documents. */
export function presentReviewRequest(
  request: ReviewRequestRecord,
  person: PersonLookup,
  document?: Pick<DocumentRecord, 'id' | 'title' | 'workspaceId'>,
): ReviewRequestDto {
  return {
    id: request.id,
    documentId: request.documentId,
    reviewer: person(request.reviewerId),
    requestedBy: person(request.requestedById),
    note: request.note,
    dueAt: request.dueAt ? request.dueAt.toISOString() : null,
    verdict: request.verdict,
    answerNote: request.answerNote,
    answeredAt: request.answeredAt ? request.answeredAt.toISOString() : null,
    createdAt: request.createdAt.toISOString(),
    ...(document
      ? { document: { id: document.id, title: document.title, workspaceId: document.workspaceId } }
      : {}),
  };
}

/** One entry of a document's status history. */
export function presentStatusChange(
  change: StatusChangeRecord,
  person: PersonLookup,
): StatusChangeDto {
  return {
    id: change.id,
    actor: person(change.actorId),
    from: change.from,
    to: change.to,
    note: change.note,
    createdAt: change.createdAt.toISOString(),
  };
}
