/** Documents' original files in SQLite (`document_originals`, migration 18). */
import type {
  DocumentOriginalMethods,
  DocumentOriginalRecord,
  DocumentOriginalSummary,
} from '../port/documentOriginals';
import { fromBlob, fromMs, toBlob } from './codec';
import type { SqliteContext } from './database';
import { translateSqlite } from './errors';

interface OriginalSummaryRow {
  document_id: string;
  name: string;
  content_type: string;
  size: number;
  created_by_id: string;
  created_at: number;
}

const SUMMARY_COLUMNS = 'document_id, name, content_type, size, created_by_id, created_at';

function toSummary(row: OriginalSummaryRow): DocumentOriginalSummary {
  return {
    documentId: row.document_id,
    name: row.name,
    contentType: row.content_type,
    size: row.size,
    createdById: row.created_by_id,
    createdAt: fromMs(row.created_at),
  };
}

/** The original-file part of the SQLite adapter. */
export function createSqliteDocumentOriginals({ stmt }: SqliteContext): DocumentOriginalMethods {
  const getSummary = (documentId: string): DocumentOriginalSummary | null => {
    const row = stmt(`SELECT ${SUMMARY_COLUMNS} FROM document_originals WHERE document_id = ?`).get(
      documentId,
    ) as OriginalSummaryRow | undefined;
    return row ? toSummary(row) : null;
  };
  return {
    async storeDocumentOriginal(input) {
      translateSqlite(
        () =>
          stmt(
            `INSERT INTO document_originals (document_id, name, content_type, size, bytes, created_by_id, created_at)
             VALUES (?, ?, ?, ?, ?, ?, ?)`,
          ).run(
            input.documentId,
            input.name,
            input.contentType,
            input.bytes.byteLength,
            toBlob(input.bytes),
            input.createdById,
            Date.now(),
          ),
        { missingMessage: 'No such document or user.' },
      );
      return getSummary(input.documentId) as DocumentOriginalSummary;
    },

    getDocumentOriginalSummary: async ({ documentId }) =>
      translateSqlite(() => getSummary(documentId)),

    async getDocumentOriginal({ documentId }) {
      const row = translateSqlite(() =>
        stmt(`SELECT ${SUMMARY_COLUMNS}, bytes FROM document_originals WHERE document_id = ?`).get(
          documentId,
        ),
      ) as (OriginalSummaryRow & { bytes: Buffer }) | undefined;
      if (!row) return null;
      const original: DocumentOriginalRecord = { ...toSummary(row), bytes: fromBlob(row.bytes) };
      return original;
    },
  };
}
