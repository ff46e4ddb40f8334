/**
 * Mongoose schema of review sessions, built per connection like `models.ts` (kept apart so
 * the review features add files rather than grow the core model list).
 */
import { Schema, type Connection, type Model, type Types } from 'mongoose';
import type {
  AgendaItemRecord,
  ReviewSessionState,
  SuggestionTagRecord,
  ThreadTagRecord,
} from '../port/reviewSessions';

/** A review session as stored (what `lean()` returns). */
export interface ReviewSessionDoc {
  _id: Types.ObjectId;
  documentId: Types.ObjectId;
  workspaceId: Types.ObjectId;
  title: string;
  startsAt: Date;
  facilitatorId: Types.ObjectId;
  createdById: Types.ObjectId;
  state: ReviewSessionState;
  agenda: AgendaItemRecord[];
  currentItemId: string | null;
  itemEndsAt: Date | null;
  hands: { userId: string; raisedAt: Date }[];
  /** An array, not an object keyed by item id: a key is never built from stored values. */
  decisions: { itemId: string; text: string }[];
  attendeeIds: string[];
  threadTags: ThreadTagRecord[];
  /** Absent on sessions stored before suggestions were tagged. */
  suggestionTags?: SuggestionTagRecord[];
  minutesDocumentId: Types.ObjectId | null;
  startedAt: Date | null;
  endedAt: Date | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

/** The review-session model of one storage instance. */
export interface ReviewModels {
  ReviewSession: Model<ReviewSessionDoc>;
}

const { ObjectId } = Schema.Types;

/** Declares the review-session schema on `connection`. */
export function createReviewModels(connection: Connection): ReviewModels {
  const agendaItem = new Schema<AgendaItemRecord>(
    {
      id: { type: String, required: true },
      title: { type: String, required: true },
      minutes: { type: Number, required: true },
      heading: { type: String, default: null },
    },
    { _id: false },
  );
  const session = new Schema<ReviewSessionDoc>({
    documentId: { type: ObjectId, required: true },
    workspaceId: { type: ObjectId, required: true },
    title: { type: String, required: true },
    startsAt: { type: Date, required: true },
    facilitatorId: { type: ObjectId, required: true },
    createdById: { type: ObjectId, required: true },
    state: { type: String, enum: ['scheduled', 'live', 'ended'], required: true },
    agenda: { type: [agendaItem], default: [] },
    currentItemId: { type: String, default: null },
    itemEndsAt: { type: Date, default: null },
    hands: {
      type: [new Schema({ userId: String, raisedAt: Date }, { _id: false })],
      default: [],
    },
    decisions: {
      type: [new Schema({ itemId: String, text: String }, { _id: false })],
      default: [],
    },
    attendeeIds: { type: [String], default: [] },
    threadTags: {
      type: [new Schema({ threadId: String, itemId: String }, { _id: false })],
      default: [],
    },
    suggestionTags: {
      type: [new Schema({ suggestionId: String, itemId: String }, { _id: false })],
      default: [],
    },
    minutesDocumentId: { type: ObjectId, default: null },
    startedAt: { type: Date, default: null },
    endedAt: { type: Date, default: null },
    version: { type: Number, required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  });
  session.index({ documentId: 1, startsAt: 1, createdAt: 1, _id: 1 });
  session.index({ workspaceId: 1, state: 1, startsAt: 1 });
  return {
    ReviewSession: connection.model<ReviewSessionDoc>('ReviewSession', session, 'reviewSessions'),
  };
}
