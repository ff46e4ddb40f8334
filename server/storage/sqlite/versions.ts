/** Named versions of documents in SQLite (`document_versions`, migration 5). */
import { randomUUID } from 'node:crypto';
import type { VersionMethods, VersionRecord, VersionSummary } from '../port/versions';
import { fromBlob, fromMs, toBlob } from './codec';
import type { SqliteContext } from './database';
import { translateSqlite } from './errors';

interface VersionSummaryRow {
  id: string;
  document_id: string;
  label: string;
  author_id: string | null;
  created_at: number;
  state_bytes: number;
}

interface VersionRow extends VersionSummaryRow {
  state: Buffer;
  plain_text: string;
}

const SUMMARY_COLUMNS =
  'id, document_id, label, author_id, created_at, length(state) AS state_bytes';

function toSummary(row: VersionSummaryRow): VersionSummary {
  return {
    id: row.id,
    documentId: row.document_id,
    label: row.label,
    authorId: row.author_id,
    createdAt: fromMs(row.created_at),
    stateBytes: row.state_bytes,
  };
}

/** The versions part of the SQLite adapter. */
export function createSqliteVersions({ stmt }: SqliteContext): VersionMethods {
  const getSummary = (id: string): VersionSummary | null => {
    const row = stmt(`SELECT ${SUMMARY_COLUMNS} FROM document_versions WHERE id = ?`).get(id) as
      VersionSummaryRow | undefined;
    return row ? toSummary(row) : null;
  };
  return {
    async createVersion(input) {
      const id = randomUUID();
      translateSqlite(
        () =>
          stmt(
            `INSERT INTO document_versions (id, document_id, label, author_id, created_at, state, plain_text)
             VALUES (?, ?, ?, ?, ?, ?, ?)`,
          ).run(
            id,
            input.documentId,
            input.label,
            input.authorId,
            Date.now(),
            toBlob(input.state),
            input.plainText,
          ),
        { missingMessage: 'No such document.' },
      );
      return getSummary(id) as VersionSummary;
    },

    async listVersions({ documentId, limit }) {
      if (limit !== undefined && limit <= 0) return [];
      const rows = translateSqlite(() =>
        stmt(
          `SELECT ${SUMMARY_COLUMNS} FROM document_versions WHERE document_id = ?
           ORDER BY created_at DESC, rowid DESC LIMIT ?`,
        ).all(documentId, limit === undefined ? -1 : Math.floor(limit)),
      ) as VersionSummaryRow[];
      return rows.map(toSummary);
    },

    async getVersion({ id }) {
      const row = translateSqlite(() =>
        stmt(
          `SELECT ${SUMMARY_COLUMNS}, state, plain_text FROM document_versions WHERE id = ?`,
        ).get(id),
      ) as VersionRow | undefined;
      if (!row) return null;
      const version: VersionRecord = {
        ...toSummary(row),
        state: fromBlob(row.state),
        plainText: row.plain_text,
      };
      return version;
    },
  };
}
