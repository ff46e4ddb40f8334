/** Comment threads and comments as the API sends them (explicit field lists). */
import type { UserSummaryDto } from '../../shared/api/entities';
import type {
  CommentAbilities,
  CommentDto,
  ThreadAbilities,
  ThreadDto,
} from '../../shared/api/threads';
import type { CommentRecord, ThreadRecord, User } from '../storage/types';

/** Looks up the people a thread names (authors, resolver, mentions). */
export type PersonLookup = (userId: string) => UserSummaryDto;

/** A lookup over `users`; someone missing (a deleted account) shows as "Former member". */
export function personLookup(users: readonly User[]): PersonLookup {
  const byId = new Map(users.map((user) => [user.id, user]));
  return (userId) => {
    const user = byId.get(userId);
    return { id: userId, name: user ? user.name : 'Former member' };
  };
}

/** Every person id a thread and its comments refer to. */
export function peopleOf(threads: readonly ThreadRecord[], comments: readonly CommentRecord[]) {
  const ids = new Set<string>();
  for (const thread of threads) {
    ids.add(thread.authorId);
    if (thread.resolvedById) ids.add(thread.resolvedById);
  }
  for (const comment of comments) {
    ids.add(comment.authorId);
    for (const mention of comment.mentions) ids.add(mention);
  }
  return [...ids];
}

/** One comment; `abilities` only in HTTP answers. */
export function presentComment(
  comment: CommentRecord,
  person: PersonLookup,
  abilities?: CommentAbilities,
): CommentDto {
  return {
    id: comment.id,
    threadId: comment.threadId,
    author: person(comment.authorId),
    body: comment.body,
    mentions: comment.mentions.map(person),
    createdAt: comment.createdAt.toISOString(),
    editedAt: comment.editedAt ? comment.editedAt.toISOString() : null,
    ...(abilities ? { abilities } : {}),
  };
}

/** One thread with its comments (oldest first). */
export function presentThread(input: {
  thread: ThreadRecord;
  comments: CommentDto[];
  isOrphaned: boolean;
  person: PersonLookup;
  abilities?: ThreadAbilities;
}): ThreadDto {
  const { thread, person } = input;
  return {
    id: thread.id,
    documentId: thread.documentId,
    author: person(thread.authorId),
    quote: thread.quote,
    status: thread.status,
    orphaned: input.isOrphaned,
    anchor: { start: thread.anchorStart, end: thread.anchorEnd },
    resolvedBy: thread.resolvedById ? person(thread.resolvedById) : null,
    resolvedAt: thread.resolvedAt ? thread.resolvedAt.toISOString() : null,
    createdAt: thread.createdAt.toISOString(),
    updatedAt: thread.updatedAt.toISOString(),
    comments: input.comments,
    ...(input.abilities ? { abilities: input.abilities } : {}),
  };
}
