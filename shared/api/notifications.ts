/** In-app notifications: answer shapes and request schemas of `/api/notifications…`. */
import { z } from 'zod';
import type { UserSummaryDto } from './entities';
import { idField } from './fields';

export interface NotificationDto {
  id: string;
  /**
   * `mention`: someone named you in a comment; `reply`: a new comment in a thread you are in;
   * `review_request`: you were asked to review the document; `review_answer`: a reviewer
   * answered your request; `review_session`: you were invited to a review session on it;
   * `suggestion`: someone suggested a change in a document you edit; `suggestion_accepted` /
   * `suggestion_rejected`: your suggestion was accepted or rejected.
   */
  kind:
    | 'mention'
    | 'reply'
    | 'review_request'
    | 'review_answer'
    | 'review_session'
    | 'suggestion'
    | 'suggestion_accepted'
    | 'suggestion_rejected';
  read: boolean;
  documentId: string;
  documentTitle: string;
  threadId: string | null;
  commentId: string | null;
  actor: UserSummaryDto;
  createdAt: string;
}

/** `GET /api/notifications?unread=1&limit=50`. */
export const ListNotificationsQuery = z.object({
  unread: z
    .enum(['1', '0', 'true', 'false'])
    .optional()
    .transform((value) => value === '1' || value === 'true'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** `POST /api/notifications/read`: the given ones, or all without `ids`. */
export const MarkNotificationsReadBody = z.strictObject({
  ids: z.array(idField).max(200).optional(),
});
