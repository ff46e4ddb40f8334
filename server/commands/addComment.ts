/** Use case: reply in a comment thread (idempotent per author and key). */
import { readableMentions } from '../comments/mentions';
import { ConflictError } from '../errors';
import type { EventBus } from '../events';
import type { CommentRecord, DocumentRecord, Storage, ThreadRecord, User } from '../storage/types';

/** Stores the reply and emits `comment.created`; a repeated key answers the first reply. */
export async function addComment(input: {
  storage: Storage;
  events: EventBus;
  actor: User;
  document: DocumentRecord;
  thread: ThreadRecord;
  body: string;
  mentions: readonly string[];
  idempotencyKey?: string;
  ip?: string | null;
}): Promise<{ comment: CommentRecord; isReplay: boolean }> {
  const { storage, actor, thread } = input;
  const findReplay = async (): Promise<CommentRecord | null> => {
    if (!input.idempotencyKey) return null;
    const found = await storage.findCommentByIdempotencyKey({
      authorId: actor.id,
      idempotencyKey: input.idempotencyKey,
    });
    if (found && found.threadId !== thread.id) {
      throw new ConflictError(
        'That idempotency key was used for another comment.',
        'comment_exists',
      );
    }
    return found;
  };
  const earlier = await findReplay();
  if (earlier) return { comment: earlier, isReplay: true };
  const mentions = await readableMentions({
    storage,
    document: input.document,
    mentions: input.mentions,
  });
  let comment: CommentRecord;
  try {
    comment = await storage.createComment({
      threadId: thread.id,
      authorId: actor.id,
      body: input.body,
      mentions,
      idempotencyKey: input.idempotencyKey ?? null,
    });
  } catch (error) {
    const raced = error instanceof ConflictError ? await findReplay() : null;
    if (raced) return { comment: raced, isReplay: true };
    throw error;
  }
  await input.events.emit('comment.created', {
    context: { actor, ip: input.ip ?? null },
    thread,
    comment,
  });
  return { comment, isReplay: false };
}
