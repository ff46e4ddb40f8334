/**
 * Who may do what with comment threads. Pure functions over (actor, membership in the
 * document's workspace, document, thread or comment); the rules build on `canComment` and
 * `canEditDocumentContent` so losing access to the document loses these too.
 */
import type { CommentAbilities, ThreadAbilities } from '../../shared/api/threads';
import type { CommentRecord, DocumentRecord, Membership, ThreadRecord } from '../storage/types';
import { canComment, canEditDocumentContent } from './document';
import type { Actor } from './role';

type DocumentLike = Pick<DocumentRecord, 'status' | 'deletedAt' | 'createdById'>;

/** Resolving, reopening and re-anchoring: owners, editors, and the thread's author. */
export function canResolveThread(
  actor: Actor,
  membership: Membership | null,
  document: DocumentLike,
  thread: Pick<ThreadRecord, 'authorId'>,
): boolean {
  if (canEditDocumentContent(actor, membership, document)) return true;
  return thread.authorId === actor.id && canComment(actor, membership, document);
}

/** Editing or deleting a comment: its author only, while they may still comment. */
export function canChangeComment(
  actor: Actor,
  membership: Membership | null,
  document: DocumentLike,
  comment: Pick<CommentRecord, 'authorId'>,
): boolean {
  return comment.authorId === actor.id && canComment(actor, membership, document);
}

/** The abilities sent with a thread (`isWritable`: false in an archived workspace). */
export function threadAbilities(
  actor: Actor,
  membership: Membership | null,
  document: DocumentLike,
  thread: Pick<ThreadRecord, 'authorId'>,
  isWritable: boolean,
): ThreadAbilities {
  return {
    reply: isWritable && canComment(actor, membership, document),
    resolve: isWritable && canResolveThread(actor, membership, document, thread),
  };
}

/** The abilities sent with a comment. */
export function commentAbilities(
  actor: Actor,
  membership: Membership | null,
  document: DocumentLike,
  comment: Pick<CommentRecord, 'authorId'>,
  isWritable: boolean,
): CommentAbilities {
  const isAllowed = isWritable && canChangeComment(actor, membership, document, comment);
  return { edit: isAllowed, delete: isAllowed };
}
