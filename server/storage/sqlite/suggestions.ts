/** Suggestion records in SQLite. */
import { suggestionNotFound, suggestionResolved } from '../notFound';
import type {
  SuggestionKind,
  SuggestionMethods,
  SuggestionRecord,
  SuggestionStatus,
} from '../port/suggestions';
import { fromMs, fromMsOrNull } from './codec';
import type { SqliteContext } from './database';
import { translateSqlite } from './errors';

interface SuggestionRow {
  id: string;
  document_id: string;
  author_id: string;
  kind: string;
  text: string;
  status: string;
  resolved_by_id: string | null;
  resolved_at: number | null;
  created_at: number;
}

function toSuggestion(row: SuggestionRow): SuggestionRecord {
  return {
    id: row.id,
    documentId: row.document_id,
    authorId: row.author_id,
    kind: row.kind as SuggestionKind,
    text: row.text,
    status: row.status as SuggestionStatus,
    resolvedById: row.resolved_by_id,
    resolvedAt: fromMsOrNull(row.resolved_at),
    createdAt: fromMs(row.created_at),
  };
}

/** The suggestion part of the SQLite adapter. */
export function createSqliteSuggestions({ stmt }: SqliteContext): SuggestionMethods {
  const getSuggestion = (id: string): SuggestionRecord | null => {
    const row = stmt('SELECT * FROM suggestions WHERE id = ?').get(id) as SuggestionRow | undefined;
    return row ? toSuggestion(row) : null;
  };

  return {
    async recordSuggestion(input) {
      // INSERT OR IGNORE: the first sighting wins; a repeated one changes nothing.
      const result = translateSqlite(
        () =>
          stmt(
            `INSERT OR IGNORE INTO suggestions (id, document_id, author_id, kind, text, status,
               resolved_by_id, resolved_at, created_at)
             VALUES (?, ?, ?, ?, ?, 'open', NULL, NULL, ?)`,
          ).run(input.id, input.documentId, input.authorId, input.kind, input.text, Date.now()),
        { missingMessage: 'No such document or user.' },
      );
      return { record: getSuggestion(input.id) as SuggestionRecord, isNew: result.changes > 0 };
    },

    getSuggestion: async ({ id }) => translateSqlite(() => getSuggestion(id)),

    async listSuggestions({ documentId }) {
      const rows = translateSqlite(
        () =>
          stmt('SELECT * FROM suggestions WHERE document_id = ? ORDER BY created_at, rowid').all(
            documentId,
          ) as SuggestionRow[],
      );
      return rows.map(toSuggestion);
    },

    async resolveSuggestion({ id, status, resolvedById }) {
      const result = translateSqlite(
        () =>
          stmt(
            `UPDATE suggestions SET status = ?, resolved_by_id = ?, resolved_at = ?
             WHERE id = ? AND status = 'open'`,
          ).run(status, resolvedById, Date.now(), id),
        { missingMessage: 'No such user.' },
      );
      if (result.changes === 0) {
        const existing = getSuggestion(id);
        throw existing ? suggestionResolved(existing) : suggestionNotFound();
      }
      return getSuggestion(id) as SuggestionRecord;
    },

    async deleteSuggestionsOfDocument({ documentId }) {
      translateSqlite(() => stmt('DELETE FROM suggestions WHERE document_id = ?').run(documentId));
    },
  };
}
