/**
 * Review requests and the status history (issue 14): request schemas and answer shapes of
 * `/api/documents/:id/review-requests`, `/api/documents/:id/status-history` and
 * `/api/review-requests…`.
 */
import { z } from 'zod';
import type { DocumentStatus } from '../domain';
import type { UserSummaryDto } from './entities';
import { idField } from './fields';

/** Most reviewers one request may name. */
export const MAX_REVIEWERS = 20;

/** `POST /api/documents/:id/review-requests`: send to review (from draft) naming reviewers. */
export const RequestReviewBody = z.strictObject({
  reviewerIds: z
    .array(idField)
    .min(1)
    .max(MAX_REVIEWERS)
    .transform((ids) => [...new Set(ids)]),
  note: z.string().trim().max(2_000).optional(),
  dueAt: z.iso.datetime({ offset: true }).optional(),
});
export type RequestReviewBody = z.infer<typeof RequestReviewBody>;

/** `POST /api/review-requests/:id/answer`: the reviewer's answer. */
export const AnswerReviewBody = z.strictObject({
  verdict: z.enum(['approved', 'changes_requested']),
  note: z.string().trim().max(2_000).optional(),
});

export interface ReviewRequestDto {
  id: string;
  documentId: string;
  reviewer: UserSummaryDto;
  requestedBy: UserSummaryDto;
  note: string;
  dueAt: string | null;
  verdict: 'pending' | 'approved' | 'changes_requested';
  answerNote: string;
  answeredAt: string | null;
  createdAt: string;
  /** The document, for lists across documents ("Awaiting my review"). */
  document?: { id: string; title: string; workspaceId: string };
}

/**
 * Someone who may be asked to review a document (`GET /api/documents/:id/review-candidates`):
 * they can comment on it, through the workspace or a direct share (`isDirectShare`).
 */
export interface ReviewCandidateDto {
  id: string;
  name: string;
  /** They reach this document only because it was shared with them, not as a member. */
  isDirectShare: boolean;
}

export interface StatusChangeDto {
  id: string;
  actor: UserSummaryDto;
  from: DocumentStatus;
  to: DocumentStatus;
  note: string;
  createdAt: string;
}
