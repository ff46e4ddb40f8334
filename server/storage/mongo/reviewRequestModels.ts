/** Mongoose schemas of review requests and the status history, built per connection. */
import { Schema, type Connection, type Model, type Types } from 'mongoose';
import type { DocumentStatus } from '../../../shared/domain';
import type { ReviewVerdict } from '../port/reviewRequests';

/** A review request as stored. */
export interface ReviewRequestDoc {
  _id: Types.ObjectId;
  documentId: Types.ObjectId;
  reviewerId: Types.ObjectId;
  requestedById: Types.ObjectId;
  note: string;
  dueAt: Date | null;
  verdict: ReviewVerdict;
  answerNote: string;
  answeredAt: Date | null;
  createdAt: Date;
}

/** One status change as stored. */
export interface StatusChangeDoc {
  _id: Types.ObjectId;
  documentId: Types.ObjectId;
  actorId: Types.ObjectId;
  from: DocumentStatus;
  to: DocumentStatus;
  note: string;
  createdAt: Date;
}

/** The review-request models of one storage instance. */
export interface ReviewRequestModels {
  ReviewRequest: Model<ReviewRequestDoc>;
  StatusChange: Model<StatusChangeDoc>;
}

const { ObjectId } = Schema.Types;

/** Declares the schemas on `connection`. */
export function createReviewRequestModels(connection: Connection): ReviewRequestModels {
  const request = new Schema<ReviewRequestDoc>({
    documentId: { type: ObjectId, required: true },
    reviewerId: { type: ObjectId, required: true },
    requestedById: { type: ObjectId, required: true },
    note: { type: String, default: '' },
    dueAt: { type: Date, default: null },
    verdict: {
      type: String,
      enum: ['pending', 'approved', 'changes_requested'],
      required: true,
    },
    answerNote: { type: String, default: '' },
    answeredAt: { type: Date, default: null },
    createdAt: { type: Date, required: true },
  });
  request.index({ documentId: 1, reviewerId: 1 }, { unique: true });
  request.index({ reviewerId: 1, verdict: 1, createdAt: 1 });
  const statusChange = new Schema<StatusChangeDoc>({
    documentId: { type: ObjectId, required: true },
    actorId: { type: ObjectId, required: true },
    from: { type: String, required: true },
    to: { type: String, required: true },
    note: { type: String, default: '' },
    createdAt: { type: Date, required: true },
  });
  statusChange.index({ documentId: 1, createdAt: -1, _id: -1 });
  return {
    ReviewRequest: connection.model<ReviewRequestDoc>('ReviewRequest', request, 'reviewRequests'),
    StatusChange: connection.model<StatusChangeDoc>('StatusChange', statusChange, 'statusChanges'),
  };
}
