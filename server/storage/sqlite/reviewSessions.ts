/** Review sessions in SQLite (`review_sessions`, migration 15). */
import { randomUUID } from 'node:crypto';
import { ConflictError, NotFoundError } from '../../errors';
import { reviewSessionNotFound } from '../notFound';
import type {
  ReviewSessionMethods,
  ReviewSessionPatch,
  ReviewSessionRecord,
  ReviewSessionState,
} from '../port/reviewSessions';
import {
  compilePatch,
  encode,
  fromJson,
  fromMs,
  fromMsOrNull,
  type PatchColumns,
  type SqlValue,
} from './codec';
import type { SqliteContext } from './database';
import { translateSqlite } from './errors';

interface ReviewSessionRow {
  id: string;
  document_id: string;
  workspace_id: string;
  title: string;
  starts_at: number;
  facilitator_id: string;
  created_by_id: string;
  state: ReviewSessionState;
  agenda: string;
  current_item_id: string | null;
  item_ends_at: number | null;
  hands: string;
  decisions: string;
  attendee_ids: string;
  thread_tags: string;
  suggestion_tags: string;
  minutes_document_id: string | null;
  started_at: number | null;
  ended_at: number | null;
  version: number;
  created_at: number;
  updated_at: number;
}

function toSession(row: ReviewSessionRow): ReviewSessionRecord {
  const hands = fromJson<{ userId: string; raisedAt: number }[]>(row.hands);
  return {
    id: row.id,
    documentId: row.document_id,
    workspaceId: row.workspace_id,
    title: row.title,
    startsAt: fromMs(row.starts_at),
    facilitatorId: row.facilitator_id,
    createdById: row.created_by_id,
    state: row.state,
    agenda: fromJson(row.agenda),
    currentItemId: row.current_item_id,
    itemEndsAt: fromMsOrNull(row.item_ends_at),
    hands: hands.map((hand) => ({ userId: hand.userId, raisedAt: fromMs(hand.raisedAt) })),
    decisions: fromJson(row.decisions),
    attendeeIds: fromJson(row.attendee_ids),
    threadTags: fromJson(row.thread_tags),
    suggestionTags: fromJson(row.suggestion_tags),
    minutesDocumentId: row.minutes_document_id,
    startedAt: fromMsOrNull(row.started_at),
    endedAt: fromMsOrNull(row.ended_at),
    version: row.version,
    createdAt: fromMs(row.created_at),
    updatedAt: fromMs(row.updated_at),
  };
}

const encodeHands = (hands: ReviewSessionRecord['hands']): string =>
  encode.json(hands.map((hand) => ({ userId: hand.userId, raisedAt: hand.raisedAt.getTime() })));

const SESSION_COLUMNS: PatchColumns<ReviewSessionPatch> = {
  title: { column: 'title', encode: encode.text },
  startsAt: { column: 'starts_at', encode: (date) => date.getTime() },
  facilitatorId: { column: 'facilitator_id', encode: encode.text },
  state: { column: 'state', encode: encode.text },
  agenda: { column: 'agenda', encode: encode.json },
  currentItemId: { column: 'current_item_id', encode: encode.textOrNull },
  itemEndsAt: { column: 'item_ends_at', encode: encode.msOrNull },
  hands: { column: 'hands', encode: encodeHands },
  decisions: { column: 'decisions', encode: encode.json },
  attendeeIds: { column: 'attendee_ids', encode: encode.json },
  threadTags: { column: 'thread_tags', encode: encode.json },
  suggestionTags: { column: 'suggestion_tags', encode: encode.json },
  minutesDocumentId: { column: 'minutes_document_id', encode: encode.textOrNull },
  startedAt: { column: 'started_at', encode: encode.msOrNull },
  endedAt: { column: 'ended_at', encode: encode.msOrNull },
};

/** `AND state IN (?, …)` for a state filter (empty when there is none). */
function stateFilter(states: readonly ReviewSessionState[] | undefined): {
  sql: string;
  params: SqlValue[];
} {
  if (!states) return { sql: '', params: [] };
  if (states.length === 0) return { sql: ' AND 0', params: [] };
  return { sql: ` AND state IN (${states.map(() => '?').join(', ')})`, params: [...states] };
}

/** The review-session part of the SQLite adapter. */
export function createSqliteReviewSessions({ stmt }: SqliteContext): ReviewSessionMethods {
  const getSession = (id: string): ReviewSessionRecord | null => {
    const row = translateSqlite(() =>
      stmt('SELECT * FROM review_sessions WHERE id = ?').get(id),
    ) as ReviewSessionRow | undefined;
    return row ? toSession(row) : null;
  };
  return {
    async createReviewSession(input) {
      const document = translateSqlite(() =>
        stmt('SELECT workspace_id FROM documents WHERE id = ?').get(input.documentId),
      ) as { workspace_id: string } | undefined;
      if (!document) throw new NotFoundError('No such document.', 'reference_not_found');
      const id = randomUUID();
      const now = Date.now();
      translateSqlite(() =>
        stmt(
          `INSERT INTO review_sessions (id, document_id, workspace_id, title, starts_at,
             facilitator_id, created_by_id, state, agenda, current_item_id, item_ends_at, hands,
             decisions, attendee_ids, thread_tags, minutes_document_id, started_at, ended_at,
             version, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, 'scheduled', ?, NULL, NULL, '[]', '{}', '[]', '[]', NULL,
             NULL, NULL, 1, ?, ?)`,
        ).run(
          id,
          input.documentId,
          document.workspace_id,
          input.title,
          input.startsAt.getTime(),
          input.facilitatorId,
          input.createdById,
          encode.json(input.agenda),
          now,
          now,
        ),
      );
      return getSession(id) as ReviewSessionRecord;
    },

    async getReviewSession({ id }) {
      return getSession(id);
    },

    async listReviewSessions(input) {
      const filter = stateFilter(input.states);
      let rows: ReviewSessionRow[];
      if ('documentId' in input) {
        rows = translateSqlite(() =>
          stmt(
            `SELECT * FROM review_sessions WHERE document_id = ?${filter.sql}
             ORDER BY starts_at, created_at, id`,
          ).all(input.documentId, ...filter.params),
        ) as ReviewSessionRow[];
      } else {
        if (input.workspaceIds.length === 0) return [];
        const marks = input.workspaceIds.map(() => '?').join(', ');
        rows = translateSqlite(() =>
          stmt(
            `SELECT * FROM review_sessions WHERE workspace_id IN (${marks})${filter.sql}
             ORDER BY starts_at, created_at, id`,
          ).all(...input.workspaceIds, ...filter.params),
        ) as ReviewSessionRow[];
      }
      return rows.map(toSession);
    },

    async updateReviewSession({ id, expectedVersion, patch }) {
      const { assignments, params } = compilePatch(patch, SESSION_COLUMNS);
      const result = translateSqlite(() =>
        stmt(
          `UPDATE review_sessions SET ${[...assignments, 'version = version + 1', 'updated_at = ?'].join(', ')}
           WHERE id = ? AND version = ?`,
        ).run(...params, Date.now(), id, expectedVersion),
      );
      if (result.changes === 1) return getSession(id) as ReviewSessionRecord;
      if (!getSession(id)) throw reviewSessionNotFound();
      throw new ConflictError(
        'The session changed meanwhile; reload it and try again.',
        'review_session_conflict',
      );
    },

    async deleteReviewSessionsOfDocument({ documentId }) {
      translateSqlite(() =>
        stmt('DELETE FROM review_sessions WHERE document_id = ?').run(documentId),
      );
    },
  };
}
