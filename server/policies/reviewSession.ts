/**
 * Who may do what with a document's review sessions. Pure functions over (actor, membership
 * in the document's workspace, document[, session]), like `./document.ts`.
 */
import type { DocumentRecord, Membership, ReviewSessionRecord } from '../storage/types';
import { canEditDocumentContent, canReadDocument } from './document';
import type { Actor } from './role';

type DocumentLike = Pick<DocumentRecord, 'status' | 'deletedAt' | 'createdById'>;

/** Owners and editors schedule sessions on a live document (the people who run the review). */
export function canScheduleReviewSession(
  actor: Actor,
  membership: Membership | null,
  document: DocumentLike,
): boolean {
  return canEditDocumentContent(actor, membership, document);
}

/**
 * Running the session (start, next, back, extend, end, decisions, lowering others' hands):
 * the named facilitator while they can read the document, and any owner or editor, so a
 * session whose facilitator dropped out can still go on.
 */
export function canFacilitate(
  actor: Actor,
  membership: Membership | null,
  document: DocumentLike,
  session: Pick<ReviewSessionRecord, 'facilitatorId'>,
): boolean {
  if (!canReadDocument(actor, membership, document)) return false;
  return (
    session.facilitatorId === actor.id || canScheduleReviewSession(actor, membership, document)
  );
}

/** Anyone who can read the document takes part: raises a hand, lowers their own. */
export function canTakePart(
  actor: Actor,
  membership: Membership | null,
  document: DocumentLike,
): boolean {
  return canReadDocument(actor, membership, document);
}
