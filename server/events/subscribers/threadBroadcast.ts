/**
 * Tells open pages of a document about its comment threads: `thread:created`,
 * `thread:updated` and `comment:created` to `doc:<id>`, so every open editor shows a new
 * thread, reply, edit or resolve within a second. Also removes a purged document's threads
 * (SQLite's foreign keys do it already; MongoDB has none).
 */
import { loadThreadView, type LiveStateReader } from '../../comments/threadViews';
import { personLookup, presentComment } from '../../presenters/threads';
import type { Broadcaster } from '../../realtime/broadcaster';
import type { Storage, ThreadRecord } from '../../storage/types';
import type { EventBus } from '../bus';

/** Subscribes the thread broadcasts and the purge clean-up. */
export function subscribeThreadBroadcast(input: {
  events: EventBus;
  storage: Storage;
  broadcaster: Broadcaster;
  collab: LiveStateReader;
}): void {
  const { events, storage, broadcaster, collab } = input;
  const sendThread = async (
    event: 'thread:created' | 'thread:updated',
    record: ThreadRecord,
  ): Promise<void> => {
    const thread = await loadThreadView({ storage, live: collab, thread: record });
    if (thread) broadcaster.toDocument(record.documentId).emit(event, { thread });
  };
  events.on('thread.created', ({ thread }) => sendThread('thread:created', thread));
  events.on('thread.updated', ({ thread }) => sendThread('thread:updated', thread));
  events.on('comment.updated', ({ thread }) => sendThread('thread:updated', thread));
  events.on('comment.deleted', ({ thread }) => sendThread('thread:updated', thread));
  events.on('comment.created', async ({ thread, comment }) => {
    const person = personLookup(
      await storage.listUsers({ ids: [comment.authorId, ...comment.mentions] }),
    );
    broadcaster
      .toDocument(thread.documentId)
      .emit('comment:created', { threadId: thread.id, comment: presentComment(comment, person) });
  });
  events.on('document.purged', ({ document }) =>
    storage.deleteThreadsOfDocument({ documentId: document.id }),
  );
}
