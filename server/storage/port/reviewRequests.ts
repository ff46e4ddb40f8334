/**
 * The storage port for the status workflow with people in it (issue 14): review requests
 * (who was asked to review a document, by whom, by when, and their answer) and the history
 * of status changes (who, when, from, to, and the note they gave).
 */
import type { DocumentStatus } from '../../../shared/domain';

/** A reviewer's answer; `pending` until they give one (they may change it later). */
export type ReviewVerdict = 'pending' | 'approved' | 'changes_requested';

export interface ReviewRequestRecord {
  id: string;
  documentId: string;
  reviewerId: string;
  requestedById: string;
  /** What the requester asked for ("" when nothing). */
  note: string;
  dueAt: Date | null;
  verdict: ReviewVerdict;
  /** The reviewer's note with their answer ("" when none yet). */
  answerNote: string;
  answeredAt: Date | null;
  createdAt: Date;
}

export interface StatusChangeRecord {
  id: string;
  documentId: string;
  actorId: string;
  from: DocumentStatus;
  to: DocumentStatus;
  note: string;
  createdAt: Date;
}

/** Review requests and status history (`sqlite/reviewRequests.ts`, `mongo/reviewRequests.ts`). */
export interface ReviewRequestMethods {
  /**
   * One pending request per reviewer. A reviewer already asked on this document gets a fresh
   * request instead (pending again, with the new note and due date): a new round of review.
   * `reference_not_found` when the document or a person does not exist.
   */
  requestReviews(input: {
    documentId: string;
    requestedById: string;
    reviewerIds: readonly string[];
    note: string;
    dueAt: Date | null;
  }): Promise<ReviewRequestRecord[]>;
  getReviewRequest(input: { id: string }): Promise<ReviewRequestRecord | null>;
  /** A document's requests (oldest first), or a reviewer's (with `verdicts`: only those). */
  listReviewRequests(
    input: { documentId: string } | { reviewerId: string; verdicts?: readonly ReviewVerdict[] },
  ): Promise<ReviewRequestRecord[]>;
  /** Records the reviewer's answer; `review_request_not_found` when missing. */
  answerReviewRequest(input: {
    id: string;
    verdict: Exclude<ReviewVerdict, 'pending'>;
    note: string;
  }): Promise<ReviewRequestRecord>;
  /** Appends one entry to the document's status history. */
  recordStatusChange(input: {
    documentId: string;
    actorId: string;
    from: DocumentStatus;
    to: DocumentStatus;
    note: string;
  }): Promise<StatusChangeRecord>;
  /** Newest first. */
  listStatusChanges(input: { documentId: string }): Promise<StatusChangeRecord[]>;
  /** Removes a purged document's requests and history. */
  deleteReviewRequestsOfDocument(input: { documentId: string }): Promise<void>;
}
