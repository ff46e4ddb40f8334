/**
 * Live peer-review sessions (issue 14): request schemas and answer shapes of
 * `/api/documents/:id/review-sessions` and `/api/review-sessions/:id…`.
 */
import { z } from 'zod';
import type { UserSummaryDto } from './entities';
import { idField, visibleTextField } from './fields';

/** Longest agenda a session may have. */
export const MAX_AGENDA_ITEMS = 30;
/** Most minutes one agenda item may plan (and one extension may add: `MAX_EXTEND_MINUTES`). */
export const MAX_ITEM_MINUTES = 240;
export const MAX_EXTEND_MINUTES = 60;
/** Longest decision text noted for one item. */
export const MAX_DECISION_CHARS = 5_000;

const DecisionText = z.string().max(MAX_DECISION_CHARS).trim();

/** One agenda item as the scheduler sends it. */
export const AgendaItemInput = z.strictObject({
  title: visibleTextField(200),
  minutes: z.number().int().min(1).max(MAX_ITEM_MINUTES),
  /** The outline heading (its text) the item is about; follow mode scrolls to it. */
  heading: z.string().trim().min(1).max(500).nullable().optional(),
});

/** `POST /api/documents/:id/review-sessions`. */
export const CreateReviewSessionBody = z.strictObject({
  title: visibleTextField(200),
  startsAt: z.iso.datetime({ offset: true }),
  agenda: z.array(AgendaItemInput).min(1).max(MAX_AGENDA_ITEMS),
  /** Default: the person scheduling it. */
  facilitatorId: idField.optional(),
});
export type CreateReviewSessionBody = z.infer<typeof CreateReviewSessionBody>;

/**
 * What a facilitator's move may carry so a second tab (or a stale page) cannot move twice:
 * `expectedVersion` (the session's `version` the page shows; also `If-Match: "<version>"`),
 * or `fromItemId` (the item the page shows as current; null before the start). Either one
 * that no longer holds is 409 `review_session_conflict`.
 */
export const SessionMoveBody = z.strictObject({
  expectedVersion: z.number().int().min(1).optional(),
  fromItemId: idField.nullable().optional(),
});
export type SessionMoveBody = z.infer<typeof SessionMoveBody>;

/** `POST /api/review-sessions/:id/extend`: more time for the current item. */
export const ExtendSessionBody = SessionMoveBody.extend({
  minutes: z.number().int().min(1).max(MAX_EXTEND_MINUTES),
});

/** `POST /api/review-sessions/:id/end`: decisions noted at the end join those noted before. */
export const EndSessionBody = SessionMoveBody.extend({
  decisions: z
    .record(idField, DecisionText)
    .refine((decisions) => Object.keys(decisions).length <= MAX_AGENDA_ITEMS, 'too many items')
    .optional(),
});

/** `PUT /api/review-sessions/:id/decisions/:itemId`: the decision noted for one item ("" clears it). */
export const DecisionBody = z.strictObject({ text: DecisionText });

/**
 * `PUT /api/review-sessions/:id/facilitator`: hand the session over to someone else who can
 * open the document (before it ends); guarded like a move.
 */
export const HandOverBody = SessionMoveBody.extend({ facilitatorId: idField });

/** `:id` and `:itemId` / `:userId` route parameters. */
export const SessionItemParams = z.object({ id: idField, itemId: idField });
export const SessionUserParams = z.object({ id: idField, userId: idField });

export type ReviewSessionState = 'scheduled' | 'live' | 'ended';

export interface AgendaItemDto {
  id: string;
  title: string;
  minutes: number;
  heading: string | null;
}

/** What the caller may do with the session (HTTP answers only; broadcasts carry none). */
export interface ReviewSessionAbilities {
  canFacilitate: boolean;
  canRaiseHand: boolean;
}

export interface ReviewSessionDto {
  id: string;
  documentId: string;
  workspaceId: string;
  title: string;
  startsAt: string;
  state: ReviewSessionState;
  facilitator: UserSummaryDto;
  agenda: AgendaItemDto[];
  currentItemId: string | null;
  /** When the current item's time is up; clients count down to it (the server owns the clock). */
  itemEndsAt: string | null;
  /** The server's clock when this answer was made, so a client can correct its own. */
  serverNow: string;
  /** Raised hands, first raised first. */
  hands: { user: UserSummaryDto; raisedAt: string }[];
  /** Decision per agenda item id. */
  decisions: Record<string, string>;
  /** Who has the document open now. */
  participants: UserSummaryDto[];
  /** Threads started while live, with the agenda item that was current. */
  threadTags: { threadId: string; itemId: string }[];
  /** Suggestions made while live, with the agenda item that was current. */
  suggestionTags: { suggestionId: string; itemId: string }[];
  minutesDocumentId: string | null;
  startedAt: string | null;
  endedAt: string | null;
  /** Goes up by one with every change: send it back as `expectedVersion`. */
  version: number;
  abilities?: ReviewSessionAbilities;
}
