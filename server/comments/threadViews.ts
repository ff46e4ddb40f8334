/**
 * Threads as the API shows them: records, comments and people from storage, plus where each
 * thread's mark is in the live document (document order, orphaned or not). Used by the HTTP
 * routes (with the caller's abilities) and by the broadcasts (without).
 */
import type { ThreadDto } from '../../shared/api/threads';
import { commentAbilities, threadAbilities } from '../policies/thread';
import type { Actor } from '../policies/role';
import { peopleOf, personLookup, presentComment, presentThread } from '../presenters/threads';
import type { DocumentRecord, Membership, Storage, ThreadRecord } from '../storage/types';
import { locateThreadsInState } from './anchor';

/** What reads the live document's state (the collab server). */
export interface LiveStateReader {
  encodeState(input: { documentId: string }): Promise<Uint8Array>;
}

/** Who is asking, for the abilities in an HTTP answer. */
export interface ThreadCaller {
  actor: Actor;
  membership: Membership | null;
  document: DocumentRecord;
  /** False in an archived workspace. */
  isWritable: boolean;
}

/**
 * The document's threads (all, or those in `threadIds`) in document order: threads whose
 * mark is in the text by its first character, then orphaned ones, oldest first.
 */
export async function loadThreadViews(input: {
  storage: Storage;
  live: LiveStateReader;
  documentId: string;
  threadIds?: readonly string[];
  caller?: ThreadCaller;
}): Promise<ThreadDto[]> {
  const { storage, documentId, caller } = input;
  const wanted = input.threadIds ? new Set(input.threadIds) : null;
  const [allThreads, allComments, state] = await Promise.all([
    storage.listThreads({ documentId }),
    storage.listCommentsOfDocument({ documentId }),
    input.live.encodeState({ documentId }),
  ]);
  const threads = wanted ? allThreads.filter((thread) => wanted.has(thread.id)) : allThreads;
  const comments = wanted
    ? allComments.filter((comment) => wanted.has(comment.threadId))
    : allComments;
  const person = personLookup(await storage.listUsers({ ids: peopleOf(threads, comments) }));
  const located = locateThreadsInState(state);
  const order = [...located.keys()];
  const rank = (thread: ThreadRecord): number => {
    const index = order.indexOf(thread.id);
    return index === -1 ? Number.MAX_SAFE_INTEGER : index;
  };
  // listThreads is oldest first and sort is stable, so orphaned threads stay oldest first.
  const sorted = [...threads].sort((a, b) => rank(a) - rank(b));
  return sorted.map((thread) =>
    presentThread({
      thread,
      person,
      isOrphaned: !located.has(thread.id),
      comments: comments
        .filter((comment) => comment.threadId === thread.id)
        .map((comment) =>
          presentComment(
            comment,
            person,
            caller &&
              commentAbilities(
                caller.actor,
                caller.membership,
                caller.document,
                comment,
                caller.isWritable,
              ),
          ),
        ),
      ...(caller
        ? {
            abilities: threadAbilities(
              caller.actor,
              caller.membership,
              caller.document,
              thread,
              caller.isWritable,
            ),
          }
        : {}),
    }),
  );
}

/** One thread as `loadThreadViews` shows it; null when it was deleted meanwhile. */
export async function loadThreadView(input: {
  storage: Storage;
  live: LiveStateReader;
  thread: ThreadRecord;
  caller?: ThreadCaller;
}): Promise<ThreadDto | null> {
  const [view] = await loadThreadViews({
    storage: input.storage,
    live: input.live,
    documentId: input.thread.documentId,
    threadIds: [input.thread.id],
    ...(input.caller ? { caller: input.caller } : {}),
  });
  return view ?? null;
}
