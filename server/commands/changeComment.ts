/** Use cases: the author edits or deletes their own comment. */
import { readableMentions } from '../comments/mentions';
import type { EventBus } from '../events';
import type { CommentRecord, DocumentRecord, Storage, ThreadRecord, User } from '../storage/types';

/** New body and mentions; emits `comment.updated`. */
export async function editComment(input: {
  storage: Storage;
  events: EventBus;
  actor: User;
  document: DocumentRecord;
  thread: ThreadRecord;
  comment: CommentRecord;
  body: string;
  mentions: readonly string[];
  ip?: string | null;
}): Promise<CommentRecord> {
  const { storage } = input;
  const mentions = await readableMentions({
    storage,
    document: input.document,
    mentions: input.mentions,
  });
  const comment = await storage.updateComment({ id: input.comment.id, body: input.body, mentions });
  await input.events.emit('comment.updated', {
    context: { actor: input.actor, ip: input.ip ?? null },
    thread: input.thread,
    comment,
  });
  return comment;
}

/** Removes the comment (the thread stays, with its other comments); emits `comment.deleted`. */
export async function deleteComment(input: {
  storage: Storage;
  events: EventBus;
  actor: User;
  thread: ThreadRecord;
  comment: CommentRecord;
  ip?: string | null;
}): Promise<void> {
  await input.storage.deleteComment({ id: input.comment.id });
  await input.events.emit('comment.deleted', {
    context: { actor: input.actor, ip: input.ip ?? null },
    thread: input.thread,
    commentId: input.comment.id,
  });
}
