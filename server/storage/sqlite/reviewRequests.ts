/** Review requests and status history in SQLite (migration 16). */
import { randomUUID } from 'node:crypto';
import type { DocumentStatus } from '../../../shared/domain';
import { reviewRequestNotFound } from '../notFound';
import type {
  ReviewRequestMethods,
  ReviewRequestRecord,
  ReviewVerdict,
  StatusChangeRecord,
} from '../port/reviewRequests';
import { fromMs, fromMsOrNull, toMsOrNull } from './codec';
import type { SqliteContext } from './database';
import { translateSqlite } from './errors';

interface RequestRow {
  id: string;
  document_id: string;
  reviewer_id: string;
  requested_by_id: string;
  note: string;
  due_at: number | null;
  verdict: ReviewVerdict;
  answer_note: string;
  answered_at: number | null;
  created_at: number;
}

interface StatusChangeRow {
  id: string;
  document_id: string;
  actor_id: string;
  from_status: DocumentStatus;
  to_status: DocumentStatus;
  note: string;
  created_at: number;
}

function toRequest(row: RequestRow): ReviewRequestRecord {
  return {
    id: row.id,
    documentId: row.document_id,
    reviewerId: row.reviewer_id,
    requestedById: row.requested_by_id,
    note: row.note,
    dueAt: fromMsOrNull(row.due_at),
    verdict: row.verdict,
    answerNote: row.answer_note,
    answeredAt: fromMsOrNull(row.answered_at),
    createdAt: fromMs(row.created_at),
  };
}

function toStatusChange(row: StatusChangeRow): StatusChangeRecord {
  return {
    id: row.id,
    documentId: row.document_id,
    actorId: row.actor_id,
    from: row.from_status,
    to: row.to_status,
    note: row.note,
    createdAt: fromMs(row.created_at),
  };
}

/** The review-request part of the SQLite adapter. */
export function createSqliteReviewRequests({ stmt }: SqliteContext): ReviewRequestMethods {
  const getRequest = (id: string): ReviewRequestRecord | null => {
    const row = translateSqlite(() =>
      stmt('SELECT * FROM review_requests WHERE id = ?').get(id),
    ) as RequestRow | undefined;
    return row ? toRequest(row) : null;
  };
  return {
    async requestReviews(input) {
      const now = Date.now();
      return [...new Set(input.reviewerIds)].map((reviewerId) => {
        // A new round replaces the reviewer's earlier request on this document.
        translateSqlite(
          () =>
            stmt(
              `INSERT INTO review_requests (id, document_id, reviewer_id, requested_by_id, note,
                 due_at, verdict, answer_note, answered_at, created_at)
               VALUES (?, ?, ?, ?, ?, ?, 'pending', '', NULL, ?)
               ON CONFLICT (document_id, reviewer_id) DO UPDATE SET
                 requested_by_id = excluded.requested_by_id,
                 note = excluded.note, due_at = excluded.due_at, verdict = 'pending',
                 answer_note = '', answered_at = NULL, created_at = excluded.created_at`,
            ).run(
              randomUUID(),
              input.documentId,
              reviewerId,
              input.requestedById,
              input.note,
              toMsOrNull(input.dueAt),
              now,
            ),
          { missingMessage: 'No such document or person.' },
        );
        const row = stmt(
          'SELECT * FROM review_requests WHERE document_id = ? AND reviewer_id = ?',
        ).get(input.documentId, reviewerId) as RequestRow;
        return toRequest(row);
      });
    },

    async getReviewRequest({ id }) {
      return getRequest(id);
    },

    async listReviewRequests(input) {
      let rows: RequestRow[];
      if ('documentId' in input) {
        rows = translateSqlite(() =>
          stmt(
            'SELECT * FROM review_requests WHERE document_id = ? ORDER BY created_at, rowid',
          ).all(input.documentId),
        ) as RequestRow[];
      } else {
        const verdicts = input.verdicts ?? ['pending', 'approved', 'changes_requested'];
        if (verdicts.length === 0) return [];
        rows = translateSqlite(() =>
          stmt(
            `SELECT * FROM review_requests WHERE reviewer_id = ?
               AND verdict IN (${verdicts.map(() => '?').join(', ')})
             ORDER BY created_at, rowid`,
          ).all(input.reviewerId, ...verdicts),
        ) as RequestRow[];
      }
      return rows.map(toRequest);
    },

    async answerReviewRequest({ id, verdict, note }) {
      const result = translateSqlite(() =>
        stmt(
          'UPDATE review_requests SET verdict = ?, answer_note = ?, answered_at = ? WHERE id = ?',
        ).run(verdict, note, Date.now(), id),
      );
      if (result.changes === 0) throw reviewRequestNotFound();
      return getRequest(id) as ReviewRequestRecord;
    },

    async recordStatusChange(input) {
      const id = randomUUID();
      translateSqlite(
        () =>
          stmt(
            `INSERT INTO status_changes (id, document_id, actor_id, from_status, to_status, note,
               created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
          ).run(id, input.documentId, input.actorId, input.from, input.to, input.note, Date.now()),
        { missingMessage: 'No such document.' },
      );
      const row = stmt('SELECT * FROM status_changes WHERE id = ?').get(id) as StatusChangeRow;
      return toStatusChange(row);
    },

    async listStatusChanges({ documentId }) {
      const rows = translateSqlite(() =>
        stmt(
          'SELECT * FROM status_changes WHERE document_id = ? ORDER BY created_at DESC, rowid DESC',
        ).all(documentId),
      ) as StatusChangeRow[];
      return rows.map(toStatusChange);
    },

    async deleteReviewRequestsOfDocument({ documentId }) {
      translateSqlite(() => {
        stmt('DELETE FROM review_requests WHERE document_id = ?').run(documentId);
        stmt('DELETE FROM status_changes WHERE document_id = ?').run(documentId);
      });
    },
  };
}
