/**
 * Use case: resolve or reopen a thread, and/or re-anchor it to a new selection (an orphaned
 * thread gets its text back; the mark leaves the old text). Emits `thread.updated`.
 */
import type { EncodedAnchor } from '../comments/anchor';
import { assertDecodableAnchor, markAnchoredRange } from '../comments/anchor';
import type { CollabServer } from '../collab';
import type { EventBus } from '../events';
import type { Storage, ThreadPatch, ThreadRecord, ThreadStatus, User } from '../storage/types';

/** Applies the status and/or the new anchor; answers the stored thread. */
export async function changeThread(input: {
  storage: Storage;
  events: EventBus;
  collab: Pick<CollabServer, 'change'>;
  actor: User;
  thread: ThreadRecord;
  status?: ThreadStatus;
  anchor?: EncodedAnchor;
  ip?: string | null;
}): Promise<ThreadRecord> {
  const { thread, actor, anchor } = input;
  const patch: ThreadPatch = {};
  if (input.status !== undefined && input.status !== thread.status) {
    patch.status = input.status;
    patch.resolvedById = input.status === 'resolved' ? actor.id : null;
    patch.resolvedAt = input.status === 'resolved' ? new Date() : null;
  }
  if (anchor) {
    assertDecodableAnchor(anchor);
    let quote = '';
    await input.collab.change(thread.documentId, (ydoc) => {
      quote = markAnchoredRange({ ydoc, threadId: thread.id, anchor }).quote;
    });
    Object.assign(patch, { quote, anchorStart: anchor.start, anchorEnd: anchor.end });
  }
  if (Object.keys(patch).length === 0) return thread;
  const updated = await input.storage.updateThread({ id: thread.id, patch });
  await input.events.emit('thread.updated', {
    context: { actor, ip: input.ip ?? null },
    thread: updated,
  });
  return updated;
}
