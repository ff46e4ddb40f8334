/**
 * Comment threads on a document's text: request schemas and answer shapes of
 * `/api/documents/:id/threads`, `/api/threads/:id…` and `/api/comments/:id`.
 */
import { z } from 'zod';
import type { UserSummaryDto } from './entities';
import { idField } from './fields';

/** The most characters a comment body may have (a long review note fits; a pasted report does not). */
export const MAX_COMMENT_CHARS = 10_000;
/** The most people one comment may mention. */
export const MAX_MENTIONS = 20;

/** One end of a selection: base64 of `Y.encodeRelativePosition`, made in the `default` fragment. */
const EncodedPosition = z
  .string()
  .min(1)
  .max(512)
  .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'must be base64');

/** The selection a thread is anchored to. */
export const ThreadAnchor = z.strictObject({ start: EncodedPosition, end: EncodedPosition });

/** A comment's text: any characters (shown as text, never as HTML), not blank. */
const CommentBody = z
  .string()
  .max(MAX_COMMENT_CHARS, `must be at most ${MAX_COMMENT_CHARS} characters`)
  .refine((body) => body.trim().length > 0, 'must not be empty');

const Mentions = z
  .array(idField)
  .max(MAX_MENTIONS)
  .transform((ids) => [...new Set(ids)]);

/**
 * The client's key for one submission: the same key again (a double click, a retry after a
 * lost answer) gives back what the first one made instead of a second comment.
 */
const IdempotencyKey = z
  .string()
  .regex(/^[A-Za-z0-9_-]{8,100}$/, 'must be 8–100 letters, digits, - or _');

/** `POST /api/documents/:id/threads`. */
export const CreateThreadBody = z.strictObject({
  anchor: ThreadAnchor,
  body: CommentBody,
  mentions: Mentions.optional(),
  idempotencyKey: IdempotencyKey.optional(),
});
export type CreateThreadBody = z.infer<typeof CreateThreadBody>;

/** `POST /api/threads/:id/comments`. */
export const CreateCommentBody = z.strictObject({
  body: CommentBody,
  mentions: Mentions.optional(),
  idempotencyKey: IdempotencyKey.optional(),
});
export type CreateCommentBody = z.infer<typeof CreateCommentBody>;

/** `PATCH /api/comments/:id`: the author edits their comment. */
export const UpdateCommentBody = z.strictObject({
  body: CommentBody,
  mentions: Mentions.optional(),
});
export type UpdateCommentBody = z.infer<typeof UpdateCommentBody>;

/** `PATCH /api/threads/:id`: resolve or reopen, and/or re-anchor to a new selection. */
export const UpdateThreadBody = z
  .strictObject({
    status: z.enum(['open', 'resolved']).optional(),
    anchor: ThreadAnchor.optional(),
  })
  .refine((body) => body.status !== undefined || body.anchor !== undefined, {
    message: 'Give a status or an anchor.',
  });
export type UpdateThreadBody = z.infer<typeof UpdateThreadBody>;

/** What the caller may do with one comment. */
export interface CommentAbilities {
  edit: boolean;
  delete: boolean;
}

/** What the caller may do with one thread. */
export interface ThreadAbilities {
  reply: boolean;
  /** Resolve, reopen and re-anchor: owners, editors and the thread's author. */
  resolve: boolean;
}

export interface CommentDto {
  id: string;
  threadId: string;
  author: UserSummaryDto;
  /** Plain text; clients render it as text (links may be made clickable), never as HTML. */
  body: string;
  mentions: UserSummaryDto[];
  createdAt: string;
  editedAt: string | null;
  /** In HTTP answers; broadcasts omit it. */
  abilities?: CommentAbilities;
}

export interface ThreadDto {
  id: string;
  documentId: string;
  author: UserSummaryDto;
  /** The text the thread was made on (kept when that text is deleted). */
  quote: string;
  status: 'open' | 'resolved';
  /** True when no text of the document carries the thread's mark any more. */
  orphaned: boolean;
  anchor: { start: string; end: string };
  resolvedBy: UserSummaryDto | null;
  resolvedAt: string | null;
  createdAt: string;
  updatedAt: string;
  comments: CommentDto[];
  /** In HTTP answers; broadcasts omit it. */
  abilities?: ThreadAbilities;
}
