/** Direct shares of one document with one account in SQLite (`document_shares`). */
import { randomUUID } from 'node:crypto';
import type { ShareRole } from '../../../shared/domain';
import { shareNotFound } from '../notFound';
import type { DocumentShare, ShareMethods } from '../port/shares';
import { fromMs } from './codec';
import type { SqliteContext } from './database';
import { translateSqlite } from './errors';

interface ShareRow {
  id: string;
  document_id: string;
  user_id: string;
  role: string;
  created_by_id: string;
  created_at: number;
  updated_at: number;
}

function toShare(row: ShareRow): DocumentShare {
  return {
    id: row.id,
    documentId: row.document_id,
    userId: row.user_id,
    role: row.role as ShareRole,
    createdById: row.created_by_id,
    createdAt: fromMs(row.created_at),
    updatedAt: fromMs(row.updated_at),
  };
}

/** The document-share part of the SQLite adapter. */
export function createSqliteShares({ db, stmt }: SqliteContext): ShareMethods {
  const byPair = (documentId: string, userId: string): DocumentShare | null => {
    const row = stmt('SELECT * FROM document_shares WHERE document_id = ? AND user_id = ?').get(
      documentId,
      userId,
    ) as ShareRow | undefined;
    return row ? toShare(row) : null;
  };
  /** The shares matching `condition` (one fixed SQL fragment, one bound value), oldest first. */
  const sharesWhere = (condition: string, value: string): DocumentShare[] =>
    translateSqlite(
      () =>
        stmt(`SELECT * FROM document_shares WHERE ${condition} ORDER BY created_at, rowid`).all(
          value,
        ) as ShareRow[],
    ).map(toShare);
  // One transaction: two concurrent shares of the same pair leave one row (the unique index).
  const upsert = db.transaction(
    (input: Parameters<ShareMethods['upsertDocumentShare']>[0]): boolean => {
      const now = Date.now();
      const changed = stmt(
        'UPDATE document_shares SET role = ?, updated_at = ? WHERE document_id = ? AND user_id = ?',
      ).run(input.role, now, input.documentId, input.userId).changes;
      if (changed > 0) return false;
      stmt(
        `INSERT INTO document_shares (id, document_id, user_id, role, created_by_id, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ).run(randomUUID(), input.documentId, input.userId, input.role, input.createdById, now, now);
      return true;
    },
  );

  return {
    async upsertDocumentShare(input) {
      const isNew = translateSqlite(() => upsert(input), {
        missingMessage: 'No such document or user.',
      });
      return { share: byPair(input.documentId, input.userId) as DocumentShare, isNew };
    },

    async getDocumentShare({ documentId, userId }) {
      return translateSqlite(() => byPair(documentId, userId));
    },

    async getDocumentShareById({ id }) {
      const row = translateSqlite(
        () => stmt('SELECT * FROM document_shares WHERE id = ?').get(id) as ShareRow | undefined,
      );
      return row ? toShare(row) : null;
    },

    async listDocumentShares({ documentId }) {
      return sharesWhere('document_id = ?', documentId);
    },

    async listSharesOfDocuments({ documentIds }) {
      if (documentIds.length === 0) return [];
      return sharesWhere(
        'document_id IN (SELECT value FROM json_each(?))',
        JSON.stringify(documentIds),
      );
    },

    async listDocumentSharesForUser({ userId }) {
      return sharesWhere('user_id = ?', userId);
    },

    async deleteDocumentShare({ id }) {
      const { changes } = translateSqlite(() =>
        stmt('DELETE FROM document_shares WHERE id = ?').run(id),
      );
      if (changes === 0) throw shareNotFound();
    },
  };
}
