/**
 * The API calls of reviewing a text: suggestions, comment threads, live review sessions and
 * review requests (part of `api` in `client.ts`).
 */
import type { z } from 'zod';
import type { SettleAllSuggestionsAnswer, SuggestionDto } from '../../../shared/api/suggestions';
import type { UserSummaryDto } from '../../../shared/api/entities';
import {
  AnswerReviewBody,
  RequestReviewBody,
  type ReviewCandidateDto,
  type ReviewRequestDto,
  type StatusChangeDto,
} from '../../../shared/api/reviewRequests';
import {
  CreateReviewSessionBody,
  DecisionBody,
  ExtendSessionBody,
  HandOverBody,
  SessionMoveBody,
  type ReviewSessionDto,
} from '../../../shared/api/reviewSessions';
import {
  CreateCommentBody,
  CreateThreadBody,
  UpdateCommentBody,
  UpdateThreadBody,
  type CommentDto,
  type ThreadDto,
} from '../../../shared/api/threads';
import { get, id, send, validated } from './http';

/** Suggestions, threads, review sessions and review requests, grouped by resource. */
export const reviewCalls = {
  suggestions: {
    /** The document's pending suggestions, in document order. */
    list: (documentId: string) =>
      get<{ suggestions: SuggestionDto[] }>(`/api/documents/${id(documentId)}/suggestions`),
    /** Accepts or rejects one suggestion (owners and editors), through the live document. */
    settle: (input: { documentId: string; suggestionId: string; outcome: 'accept' | 'reject' }) =>
      send<{ suggestion: { id: string; status: string } }>(
        'POST',
        `/api/documents/${id(input.documentId)}/suggestions/${encodeURIComponent(input.suggestionId)}/${input.outcome}`,
      ),
    /** Accepts or rejects every pending suggestion, or one author's, in one live change. */
    settleAll: (input: { documentId: string; outcome: 'accept' | 'reject'; authorId?: string }) =>
      send<SettleAllSuggestionsAnswer>(
        'POST',
        `/api/documents/${id(input.documentId)}/suggestions/${input.outcome}-all`,
        input.authorId ? { authorId: input.authorId } : {},
      ),
  },
  threads: {
    list: (documentId: string) =>
      get<{ threads: ThreadDto[] }>(`/api/documents/${id(documentId)}/threads`),
    /** Who a comment on the document may @-mention (its readers but the caller). */
    mentionable: (documentId: string) =>
      get<{ people: UserSummaryDto[] }>(`/api/documents/${id(documentId)}/mentionable`),
    create: (input: { documentId: string; body: z.input<typeof CreateThreadBody> }) =>
      send<{ thread: ThreadDto }>(
        'POST',
        `/api/documents/${id(input.documentId)}/threads`,
        validated(CreateThreadBody, input.body),
      ),
    reply: (input: { threadId: string; body: z.input<typeof CreateCommentBody> }) =>
      send<{ comment: CommentDto }>(
        'POST',
        `/api/threads/${id(input.threadId)}/comments`,
        validated(CreateCommentBody, input.body),
      ),
    update: (input: { threadId: string; body: z.input<typeof UpdateThreadBody> }) =>
      send<{ thread: ThreadDto }>(
        'PATCH',
        `/api/threads/${id(input.threadId)}`,
        validated(UpdateThreadBody, input.body),
      ),
    editComment: (input: { commentId: string; body: z.input<typeof UpdateCommentBody> }) =>
      send<{ comment: CommentDto }>(
        'PATCH',
        `/api/comments/${id(input.commentId)}`,
        validated(UpdateCommentBody, input.body),
      ),
    deleteComment: (commentId: string) => send<void>('DELETE', `/api/comments/${id(commentId)}`),
  },
  reviewSessions: {
    ofDocument: (documentId: string) =>
      get<{ sessions: ReviewSessionDto[] }>(`/api/documents/${id(documentId)}/review-sessions`),
    /** The caller's scheduled and live sessions (the dashboard). */
    upcoming: () => get<{ sessions: ReviewSessionDto[] }>('/api/review-sessions'),
    schedule: (input: { documentId: string; body: z.input<typeof CreateReviewSessionBody> }) =>
      send<{ session: ReviewSessionDto }>(
        'POST',
        `/api/documents/${id(input.documentId)}/review-sessions`,
        validated(CreateReviewSessionBody, input.body),
      ),
    /** A facilitator's move, guarded by the item the page shows as current. */
    move: (input: {
      sessionId: string;
      move: 'start' | 'next' | 'back';
      fromItemId: string | null;
    }) =>
      send<{ session: ReviewSessionDto }>(
        'POST',
        `/api/review-sessions/${id(input.sessionId)}/${input.move}`,
        validated(SessionMoveBody, { fromItemId: input.fromItemId }),
      ),
    /**
     * More time for the current item, guarded by the version the page shows: a second tab
     * pressing it for the same state is refused (409) instead of adding the time twice.
     */
    extend: (input: { sessionId: string; minutes: number; expectedVersion: number }) =>
      send<{ session: ReviewSessionDto }>(
        'POST',
        `/api/review-sessions/${id(input.sessionId)}/extend`,
        validated(ExtendSessionBody, {
          minutes: input.minutes,
          expectedVersion: input.expectedVersion,
        }),
      ),
    end: (sessionId: string) =>
      send<{ session: ReviewSessionDto; minutesDocumentId: string | null }>(
        'POST',
        `/api/review-sessions/${id(sessionId)}/end`,
      ),
    /** Hands the session over, guarded by the version the page shows. */
    handOver: (input: { sessionId: string; facilitatorId: string; expectedVersion: number }) =>
      send<{ session: ReviewSessionDto }>(
        'PUT',
        `/api/review-sessions/${id(input.sessionId)}/facilitator`,
        validated(HandOverBody, {
          facilitatorId: input.facilitatorId,
          expectedVersion: input.expectedVersion,
        }),
      ),
    decide: (input: { sessionId: string; itemId: string; text: string }) =>
      send<{ session: ReviewSessionDto }>(
        'PUT',
        `/api/review-sessions/${id(input.sessionId)}/decisions/${id(input.itemId)}`,
        validated(DecisionBody, { text: input.text }),
      ),
    raiseHand: (sessionId: string) =>
      send<{ session: ReviewSessionDto }>('POST', `/api/review-sessions/${id(sessionId)}/hands`),
    lowerHand: (input: { sessionId: string; userId: string }) =>
      send<{ session: ReviewSessionDto }>(
        'DELETE',
        `/api/review-sessions/${id(input.sessionId)}/hands/${id(input.userId)}`,
      ),
  },
  reviewRequests: {
    request: (input: { documentId: string; body: z.input<typeof RequestReviewBody> }) =>
      send<{ requests: ReviewRequestDto[] }>(
        'POST',
        `/api/documents/${id(input.documentId)}/review-requests`,
        validated(RequestReviewBody, input.body),
      ),
    /** Who may be asked to review: members and direct shares who can comment. */
    candidates: (documentId: string) =>
      get<{ people: ReviewCandidateDto[] }>(`/api/documents/${id(documentId)}/review-candidates`),
    ofDocument: (documentId: string) =>
      get<{ requests: ReviewRequestDto[] }>(`/api/documents/${id(documentId)}/review-requests`),
    history: (documentId: string) =>
      get<{ history: StatusChangeDto[] }>(`/api/documents/${id(documentId)}/status-history`),
    /** "Awaiting my review". */
    awaiting: () => get<{ requests: ReviewRequestDto[] }>('/api/review-requests'),
    answer: (input: { requestId: string; body: z.input<typeof AnswerReviewBody> }) =>
      send<{ request: ReviewRequestDto }>(
        'POST',
        `/api/review-requests/${id(input.requestId)}/answer`,
        validated(AnswerReviewBody, input.body),
      ),
  },
};
