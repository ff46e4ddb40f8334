/**
 * The storage port for live peer-review sessions (issue 14): one record per session with its
 * agenda, the current item and its end time, raised hands, decisions, who attended and which
 * comment threads were raised under which agenda item. The whole record is written at once
 * under a version number (compare-and-set), so two facilitator tabs or two server processes
 * can never interleave half of a move each.
 */

/** `scheduled` → `live` → `ended`; nothing goes back. */
export type ReviewSessionState = 'scheduled' | 'live' | 'ended';

/** One point of the agenda, optionally tied to a heading of the document's outline. */
export interface AgendaItemRecord {
  id: string;
  title: string;
  /** Time planned for the item; `extend` adds to the running clock, not to this. */
  minutes: number;
  /** The outline heading's text the item is about (follow mode scrolls to it), or null. */
  heading: string | null;
}

/** A raised hand: the queue is in `raisedAt` order. */
export interface RaisedHandRecord {
  userId: string;
  raisedAt: Date;
}

/** A comment thread started while the session was live, under the item current then. */
export interface ThreadTagRecord {
  threadId: string;
  itemId: string;
}

/** A suggestion made while the session was live, under the item current then. */
export interface SuggestionTagRecord {
  suggestionId: string;
  itemId: string;
}

export interface ReviewSessionRecord {
  id: string;
  documentId: string;
  workspaceId: string;
  title: string;
  startsAt: Date;
  facilitatorId: string;
  createdById: string;
  state: ReviewSessionState;
  agenda: AgendaItemRecord[];
  currentItemId: string | null;
  /** When the current item's time is up (the server owns the clock; clients count down to it). */
  itemEndsAt: Date | null;
  hands: RaisedHandRecord[];
  /** Decision noted per agenda item id. */
  decisions: Record<string, string>;
  /** Everyone who was present while the session was live (for the minutes). */
  attendeeIds: string[];
  threadTags: ThreadTagRecord[];
  suggestionTags: SuggestionTagRecord[];
  minutesDocumentId: string | null;
  startedAt: Date | null;
  endedAt: Date | null;
  /** Starts at 1; every update adds one. */
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

/** The fields an update may replace (the whole value of each field given). */
export type ReviewSessionPatch = Partial<
  Pick<
    ReviewSessionRecord,
    | 'title'
    | 'startsAt'
    | 'facilitatorId'
    | 'state'
    | 'agenda'
    | 'currentItemId'
    | 'itemEndsAt'
    | 'hands'
    | 'decisions'
    | 'attendeeIds'
    | 'threadTags'
    | 'suggestionTags'
    | 'minutesDocumentId'
    | 'startedAt'
    | 'endedAt'
  >
>;

/** Review sessions (`sqlite/reviewSessions.ts`, `mongo/reviewSessions.ts`). */
export interface ReviewSessionMethods {
  /** A new `scheduled` session at version 1; `reference_not_found` when the document is missing. */
  createReviewSession(input: {
    documentId: string;
    title: string;
    startsAt: Date;
    facilitatorId: string;
    createdById: string;
    agenda: AgendaItemRecord[];
  }): Promise<ReviewSessionRecord>;
  getReviewSession(input: { id: string }): Promise<ReviewSessionRecord | null>;
  /**
   * Sessions of one document, or of several workspaces, earliest `startsAt` first; `states`
   * keeps only those in one of the given states.
   */
  listReviewSessions(
    input: ({ documentId: string } | { workspaceIds: readonly string[] }) & {
      states?: readonly ReviewSessionState[];
    },
  ): Promise<ReviewSessionRecord[]>;
  /**
   * Writes `patch` when the stored version is still `expectedVersion` and adds one to it;
   * `review_session_not_found` when missing, ConflictError `review_session_conflict` when
   * someone else wrote first (read again and redo the change).
   */
  updateReviewSession(input: {
    id: string;
    expectedVersion: number;
    patch: ReviewSessionPatch;
  }): Promise<ReviewSessionRecord>;
  /** Removes every session of a document (it was purged). */
  deleteReviewSessionsOfDocument(input: { documentId: string }): Promise<void>;
}
