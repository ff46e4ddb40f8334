/**
 * Use case: start a comment thread on a selection of a document's text. The thread and its
 * first comment are stored together; then the server writes the `comment` mark into the live
 * document (reviewers cannot edit the text themselves), and only then tells everyone. A
 * selection that no longer resolves undoes the stored records, so nothing is half-written.
 */
import type { EncodedAnchor } from '../comments/anchor';
import { assertDecodableAnchor, markAnchoredRange } from '../comments/anchor';
import { readableMentions } from '../comments/mentions';
import type { CollabServer } from '../collab';
import { ConflictError } from '../errors';
import type { EventBus } from '../events';
import type { CommentRecord, DocumentRecord, Storage, ThreadRecord, User } from '../storage/types';

/** What was made (or, for a repeated idempotency key, found). */
export interface CreatedThread {
  thread: ThreadRecord;
  comment: CommentRecord;
  /** True when the idempotency key had been used: nothing new was made. */
  isReplay: boolean;
}

/** The thread a key already made on this document, if any. */
async function findReplay(input: {
  storage: Storage;
  actor: User;
  document: DocumentRecord;
  idempotencyKey?: string | undefined;
}): Promise<CreatedThread | null> {
  if (!input.idempotencyKey) return null;
  const comment = await input.storage.findCommentByIdempotencyKey({
    authorId: input.actor.id,
    idempotencyKey: input.idempotencyKey,
  });
  if (!comment) return null;
  const thread = await input.storage.getThread({ id: comment.threadId });
  if (!thread || thread.documentId !== input.document.id) {
    throw new ConflictError('That idempotency key was used for another comment.', 'comment_exists');
  }
  return { thread, comment, isReplay: true };
}

/** Stores the thread, marks the text, emits `thread.created`. */
export async function createThread(input: {
  storage: Storage;
  events: EventBus;
  collab: Pick<CollabServer, 'change'>;
  actor: User;
  document: DocumentRecord;
  anchor: EncodedAnchor;
  body: string;
  mentions: readonly string[];
  idempotencyKey?: string;
  ip?: string | null;
}): Promise<CreatedThread> {
  const { storage, actor, document } = input;
  const replay = await findReplay(input);
  if (replay) return replay;
  assertDecodableAnchor(input.anchor);
  const mentions = await readableMentions({ storage, document, mentions: input.mentions });

  let stored: { thread: ThreadRecord; comment: CommentRecord };
  try {
    stored = await storage.withTransaction(async (tx) => {
      const thread = await tx.createThread({
        documentId: document.id,
        authorId: actor.id,
        quote: '',
        anchorStart: input.anchor.start,
        anchorEnd: input.anchor.end,
      });
      const comment = await tx.createComment({
        threadId: thread.id,
        authorId: actor.id,
        body: input.body,
        mentions,
        idempotencyKey: input.idempotencyKey ?? null,
      });
      return { thread, comment };
    });
  } catch (error) {
    // Two submissions with one key raced: the other one made it; answer with that.
    const raced = error instanceof ConflictError ? await findReplay(input) : null;
    if (raced) return raced;
    throw error;
  }

  let quote = '';
  try {
    await input.collab.change(document.id, (ydoc) => {
      quote = markAnchoredRange({ ydoc, threadId: stored.thread.id, anchor: input.anchor }).quote;
    });
  } catch (error) {
    await storage.deleteThread({ id: stored.thread.id });
    throw error;
  }
  const thread = await storage.updateThread({ id: stored.thread.id, patch: { quote } });
  await input.events.emit('thread.created', {
    context: { actor, ip: input.ip ?? null },
    thread,
    comment: stored.comment,
  });
  return { thread, comment: stored.comment, isReplay: false };
}
