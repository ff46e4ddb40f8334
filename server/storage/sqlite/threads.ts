/** Comment threads and their comments in SQLite. */
import { randomUUID } from 'node:crypto';
import { NotFoundError } from '../../errors';
import { commentNotFound, threadNotFound } from '../notFound';
import type {
  CommentRecord,
  ThreadMethods,
  ThreadPatch,
  ThreadRecord,
  ThreadStatus,
} from '../port/threads';
import {
  compilePatch,
  encode,
  fromJson,
  fromMs,
  fromMsOrNull,
  toJson,
  type PatchColumns,
} from './codec';
import type { SqliteContext } from './database';
import { translateSqlite } from './errors';

interface ThreadRow {
  id: string;
  document_id: string;
  author_id: string;
  quote: string;
  anchor_start: string;
  anchor_end: string;
  status: string;
  resolved_by_id: string | null;
  resolved_at: number | null;
  created_at: number;
  updated_at: number;
}

interface CommentRow {
  id: string;
  thread_id: string;
  document_id: string;
  author_id: string;
  body: string;
  mentions: string;
  idempotency_key: string | null;
  created_at: number;
  edited_at: number | null;
}

const THREAD_COLUMNS: PatchColumns<ThreadPatch> = {
  status: { column: 'status', encode: encode.text },
  resolvedById: { column: 'resolved_by_id', encode: encode.textOrNull },
  resolvedAt: { column: 'resolved_at', encode: encode.msOrNull },
  quote: { column: 'quote', encode: encode.text },
  anchorStart: { column: 'anchor_start', encode: encode.text },
  anchorEnd: { column: 'anchor_end', encode: encode.text },
};

function toThread(row: ThreadRow): ThreadRecord {
  return {
    id: row.id,
    documentId: row.document_id,
    authorId: row.author_id,
    quote: row.quote,
    anchorStart: row.anchor_start,
    anchorEnd: row.anchor_end,
    status: row.status as ThreadStatus,
    resolvedById: row.resolved_by_id,
    resolvedAt: fromMsOrNull(row.resolved_at),
    createdAt: fromMs(row.created_at),
    updatedAt: fromMs(row.updated_at),
  };
}

function toComment(row: CommentRow): CommentRecord {
  return {
    id: row.id,
    threadId: row.thread_id,
    documentId: row.document_id,
    authorId: row.author_id,
    body: row.body,
    mentions: fromJson<string[]>(row.mentions),
    idempotencyKey: row.idempotency_key,
    createdAt: fromMs(row.created_at),
    editedAt: fromMsOrNull(row.edited_at),
  };
}

/** The thread and comment part of the SQLite adapter. */
export function createSqliteThreads({ stmt }: SqliteContext): ThreadMethods {
  const getThread = (id: string): ThreadRecord | null => {
    const row = stmt('SELECT * FROM threads WHERE id = ?').get(id) as ThreadRow | undefined;
    return row ? toThread(row) : null;
  };
  const getComment = (id: string): CommentRecord | null => {
    const row = stmt('SELECT * FROM comments WHERE id = ?').get(id) as CommentRow | undefined;
    return row ? toComment(row) : null;
  };

  return {
    async createThread(input) {
      const id = randomUUID();
      const now = Date.now();
      translateSqlite(
        () =>
          stmt(
            `INSERT INTO threads (id, document_id, author_id, quote, anchor_start, anchor_end,
               status, resolved_by_id, resolved_at, created_at, updated_at)
             VALUES (?, ?, ?, ?, ?, ?, 'open', NULL, NULL, ?, ?)`,
          ).run(
            id,
            input.documentId,
            input.authorId,
            input.quote,
            input.anchorStart,
            input.anchorEnd,
            now,
            now,
          ),
        { missingMessage: 'No such document or user.' },
      );
      return getThread(id) as ThreadRecord;
    },

    getThread: async ({ id }) => translateSqlite(() => getThread(id)),

    async listThreads({ documentId }) {
      const rows = translateSqlite(
        () =>
          stmt('SELECT * FROM threads WHERE document_id = ? ORDER BY created_at, rowid').all(
            documentId,
          ) as ThreadRow[],
      );
      return rows.map(toThread);
    },

    async countOpenThreads({ documentIds }) {
      const counts = new Map<string, number>();
      if (documentIds.length === 0) return counts;
      const rows = translateSqlite(
        () =>
          stmt(
            `SELECT document_id, COUNT(*) AS open FROM threads
             WHERE status = 'open' AND document_id IN (SELECT value FROM json_each(?))
             GROUP BY document_id`,
          ).all(toJson(documentIds)) as { document_id: string; open: number }[],
      );
      for (const row of rows) counts.set(row.document_id, row.open);
      return counts;
    },

    async updateThread({ id, patch }) {
      const { assignments, params } = compilePatch(patch, THREAD_COLUMNS);
      const result = translateSqlite(() =>
        stmt(
          `UPDATE threads SET ${[...assignments, 'updated_at = ?'].join(', ')} WHERE id = ?`,
        ).run(...params, Date.now(), id),
      );
      if (result.changes === 0) throw threadNotFound();
      return getThread(id) as ThreadRecord;
    },

    async deleteThread({ id }) {
      const result = translateSqlite(() => stmt('DELETE FROM threads WHERE id = ?').run(id));
      if (result.changes === 0) throw threadNotFound();
    },

    async deleteThreadsOfDocument({ documentId }) {
      translateSqlite(() => stmt('DELETE FROM threads WHERE document_id = ?').run(documentId));
    },

    async createComment(input) {
      const thread = getThread(input.threadId);
      // The comment carries its thread's document: a missing thread is a dangling reference.
      if (!thread) throw new NotFoundError('No such thread.', 'reference_not_found');
      const id = randomUUID();
      translateSqlite(
        () =>
          stmt(
            `INSERT INTO comments (id, thread_id, document_id, author_id, body, mentions,
               idempotency_key, created_at, edited_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL)`,
          ).run(
            id,
            input.threadId,
            thread.documentId,
            input.authorId,
            input.body,
            toJson(input.mentions),
            input.idempotencyKey ?? null,
            Date.now(),
          ),
        {
          conflictCode: 'comment_exists',
          conflictMessage: 'A comment with that idempotency key exists already.',
          missingMessage: 'No such thread or user.',
        },
      );
      return getComment(id) as CommentRecord;
    },

    getComment: async ({ id }) => translateSqlite(() => getComment(id)),

    async findCommentByIdempotencyKey({ authorId, idempotencyKey }) {
      const row = translateSqlite(
        () =>
          stmt('SELECT * FROM comments WHERE author_id = ? AND idempotency_key = ?').get(
            authorId,
            idempotencyKey,
          ) as CommentRow | undefined,
      );
      return row ? toComment(row) : null;
    },

    async listCommentsOfDocument({ documentId }) {
      const rows = translateSqlite(
        () =>
          stmt('SELECT * FROM comments WHERE document_id = ? ORDER BY created_at, rowid').all(
            documentId,
          ) as CommentRow[],
      );
      return rows.map(toComment);
    },

    async listComments({ threadId }) {
      const rows = translateSqlite(
        () =>
          stmt('SELECT * FROM comments WHERE thread_id = ? ORDER BY created_at, rowid').all(
            threadId,
          ) as CommentRow[],
      );
      return rows.map(toComment);
    },

    async updateComment({ id, body, mentions }) {
      const result = translateSqlite(() =>
        stmt('UPDATE comments SET body = ?, mentions = ?, edited_at = ? WHERE id = ?').run(
          body,
          toJson(mentions),
          Date.now(),
          id,
        ),
      );
      if (result.changes === 0) throw commentNotFound();
      return getComment(id) as CommentRecord;
    },

    async deleteComment({ id }) {
      const result = translateSqlite(() => stmt('DELETE FROM comments WHERE id = ?').run(id));
      if (result.changes === 0) throw commentNotFound();
    },
  };
}
