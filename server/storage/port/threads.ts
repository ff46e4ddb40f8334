/**
 * The storage port for comment threads on a document's text and their comments. The
 * anchor itself lives in the shared document (the `comment` mark); the record keeps the
 * quote and the anchor the thread was made with, so a thread whose text was deleted is
 * still listed ("orphaned") and can be re-anchored.
 */

/** A thread is open until someone resolves it (and may be reopened). */
export type ThreadStatus = 'open' | 'resolved';

export interface ThreadRecord {
  id: string;
  documentId: string;
  authorId: string;
  /** The text the thread was anchored to (when it was made or last re-anchored). */
  quote: string;
  /** Base64 `Y.encodeRelativePosition` of the range's start and end in the `default` fragment. */
  anchorStart: string;
  anchorEnd: string;
  status: ThreadStatus;
  resolvedById: string | null;
  resolvedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface CommentRecord {
  id: string;
  threadId: string;
  /** Denormalised from the thread so one query lists a whole document's comments. */
  documentId: string;
  authorId: string;
  body: string;
  /** Ids of the people mentioned in the body. */
  mentions: string[];
  /**
   * The client's key for this submission (unique per author): a retried or double-clicked
   * submission finds the comment it already made instead of making a second one.
   */
  idempotencyKey: string | null;
  createdAt: Date;
  /** Set when the author edited the body. */
  editedAt: Date | null;
}

export type ThreadPatch = Partial<
  Pick<
    ThreadRecord,
    'status' | 'resolvedById' | 'resolvedAt' | 'quote' | 'anchorStart' | 'anchorEnd'
  >
>;

/** Threads and comments (`sqlite/threads.ts`, `mongo/threads.ts`). */
export interface ThreadMethods {
  /** A new open thread; `reference_not_found` when the document or author does not exist. */
  createThread(input: {
    documentId: string;
    authorId: string;
    quote: string;
    anchorStart: string;
    anchorEnd: string;
  }): Promise<ThreadRecord>;
  getThread(input: { id: string }): Promise<ThreadRecord | null>;
  /** Oldest first (the route puts them in document order). */
  listThreads(input: { documentId: string }): Promise<ThreadRecord[]>;
  /** Open threads per document, for the given documents (absent: none open). */
  countOpenThreads(input: { documentIds: readonly string[] }): Promise<Map<string, number>>;
  /** `thread_not_found` when missing. */
  updateThread(input: { id: string; patch: ThreadPatch }): Promise<ThreadRecord>;
  /** Removes the thread and its comments; `thread_not_found` when missing. */
  deleteThread(input: { id: string }): Promise<void>;
  /** Removes every thread (and comment) of a document (it was purged). */
  deleteThreadsOfDocument(input: { documentId: string }): Promise<void>;

  /**
   * A comment in a thread; `reference_not_found` when the thread does not exist, ConflictError
   * `comment_exists` when the author already used `idempotencyKey`.
   */
  createComment(input: {
    threadId: string;
    authorId: string;
    body: string;
    mentions: string[];
    idempotencyKey?: string | null;
  }): Promise<CommentRecord>;
  getComment(input: { id: string }): Promise<CommentRecord | null>;
  /** The comment `authorId` made with `idempotencyKey`, if any. */
  findCommentByIdempotencyKey(input: {
    authorId: string;
    idempotencyKey: string;
  }): Promise<CommentRecord | null>;
  /** Every comment of a document's threads, oldest first. */
  listCommentsOfDocument(input: { documentId: string }): Promise<CommentRecord[]>;
  /** Oldest first. */
  listComments(input: { threadId: string }): Promise<CommentRecord[]>;
  /** New body and mentions; sets `editedAt`. `comment_not_found` when missing. */
  updateComment(input: { id: string; body: string; mentions: string[] }): Promise<CommentRecord>;
  /** `comment_not_found` when missing. */
  deleteComment(input: { id: string }): Promise<void>;
}
