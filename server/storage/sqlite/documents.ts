/** Document metadata and derived fields in SQLite, with the filtered listing. */
import { randomUUID } from 'node:crypto';
import type {
  DocumentKind,
  DocumentStatus,
  LinkAccess,
  PolicyArea,
  StakeholderType,
  DocumentLanguage,
} from '../../../shared/domain';
import { isVersionedPatch, versionConflict } from '../documentVersion';
import { documentNotFound } from '../notFound';
import type {
  DocumentFilter,
  DocumentMeta,
  DocumentPatch,
  DocumentRecord,
  DocumentSummary,
  OutlineHeading,
} from '../types';
import type { DocumentMethods } from '../port/documents';
import {
  compilePatch,
  encode,
  fromJson,
  fromMs,
  fromMsOrNull,
  toJson,
  type PatchColumns,
  type SqlValue,
} from './codec';
import type { SqliteContext } from './database';
import { translateSqlite } from './errors';

interface DocumentMetaRow {
  id: string;
  workspace_id: string;
  title: string;
  kind: string;
  status: string;
  city_id: string | null;
  policy_areas: string;
  stakeholders: string;
  language: string;
  created_by_id: string;
  created_at: number;
  updated_at: number;
  deleted_at: number | null;
  deleted_by_id: string | null;
  version: number;
  link_access: string;
}

/** What lists read of a document row. */
export interface DocumentSummaryRow extends DocumentMetaRow {
  outline: string;
  word_count: number;
  last_editor_ids: string;
  content_updated_at: number | null;
}

interface DocumentRow extends DocumentSummaryRow {
  plain_text: string;
}

const DOCUMENT_COLUMNS: PatchColumns<DocumentPatch> = {
  title: { column: 'title', encode: encode.text },
  kind: { column: 'kind', encode: encode.text },
  status: { column: 'status', encode: encode.text },
  cityId: { column: 'city_id', encode: encode.textOrNull },
  policyAreas: { column: 'policy_areas', encode: encode.json },
  stakeholders: { column: 'stakeholders', encode: encode.json },
  language: { column: 'language', encode: encode.text },
  deletedAt: { column: 'deleted_at', encode: encode.msOrNull },
  deletedById: { column: 'deleted_by_id', encode: encode.textOrNull },
  linkAccess: { column: 'link_access', encode: encode.text },
  plainText: { column: 'plain_text', encode: encode.text },
  outline: { column: 'outline', encode: encode.json },
  wordCount: { column: 'word_count', encode: encode.integer },
  lastEditorIds: { column: 'last_editor_ids', encode: encode.json },
  contentUpdatedAt: { column: 'content_updated_at', encode: encode.msOrNull },
};

function toDocumentMeta(row: DocumentMetaRow): DocumentMeta {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    title: row.title,
    kind: row.kind as DocumentKind,
    status: row.status as DocumentStatus,
    cityId: row.city_id,
    policyAreas: fromJson<PolicyArea[]>(row.policy_areas),
    stakeholders: fromJson<StakeholderType[]>(row.stakeholders),
    language: row.language as DocumentLanguage,
    createdById: row.created_by_id,
    createdAt: fromMs(row.created_at),
    updatedAt: fromMs(row.updated_at),
    deletedAt: fromMsOrNull(row.deleted_at),
    deletedById: row.deleted_by_id,
    version: row.version,
    linkAccess: row.link_access as LinkAccess,
  };
}

/** A list row as the port's `DocumentSummary`. */
export function toDocumentSummary(row: DocumentSummaryRow): DocumentSummary {
  return {
    ...toDocumentMeta(row),
    outline: fromJson<OutlineHeading[]>(row.outline),
    wordCount: row.word_count,
    lastEditorIds: fromJson<string[]>(row.last_editor_ids),
    contentUpdatedAt: fromMsOrNull(row.content_updated_at),
  };
}

function toDocument(row: DocumentRow): DocumentRecord {
  return { ...toDocumentSummary(row), plainText: row.plain_text };
}

// The metadata columns: what access checks read, never the (large) derived text.
const META_COLUMNS = `id, workspace_id, title, kind, status, city_id, policy_areas, stakeholders, language, created_by_id,
  created_at, updated_at, deleted_at, deleted_by_id, version, link_access`;
// What lists read: everything but the plain text (up to ~1 MB per document).
const SUMMARY_COLUMNS = `${META_COLUMNS}, outline, word_count, last_editor_ids, content_updated_at`;
/** The summary columns qualified by a table alias, for queries that join (search). */
export function summaryColumnsOf(alias: string): string {
  return SUMMARY_COLUMNS.split(',')
    .map((column) => `${alias}.${column.trim()}`)
    .join(', ');
}
// Every column but search_text (an index-like copy of title + plain text nobody reads back).
const COLUMNS = `${SUMMARY_COLUMNS}, plain_text`;

/** Builds the WHERE clause of a listing; every value is a bound parameter. */
function compileFilter(filter: DocumentFilter): { where: string; params: SqlValue[] } {
  const conditions: string[] = [];
  const params: SqlValue[] = [];
  const add = (condition: string, ...values: SqlValue[]): void => {
    conditions.push(condition);
    params.push(...values);
  };
  if (filter.workspaceId !== undefined) add('workspace_id = ?', filter.workspaceId);
  if (filter.kind !== undefined) add('kind = ?', filter.kind);
  if (filter.status !== undefined) add('status = ?', filter.status);
  if (filter.cityId !== undefined) add('city_id = ?', filter.cityId);
  if (filter.policyArea !== undefined) {
    add(
      'EXISTS (SELECT 1 FROM json_each(documents.policy_areas) WHERE value = ?)',
      filter.policyArea,
    );
  }
  if (filter.text !== undefined && filter.text !== '') {
    // search_text is lower-cased on write; instr, not LIKE: `%` and `_` stay literal.
    add('instr(search_text, ?) > 0', filter.text.toLowerCase());
  }
  const trash = filter.trash ?? 'active';
  if (trash === 'active') add('deleted_at IS NULL');
  if (trash === 'trashed') add('deleted_at IS NOT NULL');
  if (filter.trashedBefore !== undefined) add('deleted_at < ?', filter.trashedBefore.getTime());
  return { where: conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '', params };
}

/** The document-metadata part of the SQLite adapter. */
export function createSqliteDocuments({ db, stmt }: SqliteContext): DocumentMethods {
  const get = (id: string): DocumentRecord | null => {
    const row = stmt(`SELECT ${COLUMNS} FROM documents WHERE id = ?`).get(id) as
      DocumentRow | undefined;
    return row ? toDocument(row) : null;
  };
  const update = db.transaction(
    (id: string, patch: DocumentPatch, expectedVersion: number | undefined): number => {
      const { assignments, params } = compilePatch(patch, DOCUMENT_COLUMNS);
      if (isVersionedPatch(patch)) assignments.push('version = version + 1');
      const sets = [...assignments, 'updated_at = ?'].join(', ');
      const sql =
        expectedVersion === undefined
          ? `UPDATE documents SET ${sets} WHERE id = ?`
          : `UPDATE documents SET ${sets} WHERE id = ? AND version = ?`;
      const where = expectedVersion === undefined ? [id] : [id, expectedVersion];
      const { changes } = stmt(sql).run(...params, Date.now(), ...where);
      if (changes > 0 && (patch.title !== undefined || patch.plainText !== undefined)) {
        // A second statement: SET expressions see the row as it was before the update.
        stmt(
          'UPDATE documents SET search_text = unicode_lower(title || char(10) || plain_text) WHERE id = ?',
        ).run(id);
      }
      return changes;
    },
  );
  const purge = db.transaction((id: string): number => {
    // doc_updates and doc_snapshots also cascade; deleted explicitly so intent is visible.
    stmt('DELETE FROM doc_updates WHERE document_id = ?').run(id);
    stmt('DELETE FROM doc_snapshots WHERE document_id = ?').run(id);
    stmt('DELETE FROM document_versions WHERE document_id = ?').run(id);
    stmt('DELETE FROM document_originals WHERE document_id = ?').run(id);
    return stmt('DELETE FROM documents WHERE id = ?').run(id).changes;
  });

  return {
    async createDocument(input) {
      const now = Date.now();
      const id = randomUUID();
      translateSqlite(
        () =>
          stmt(
            `INSERT INTO documents (id, workspace_id, title, kind, status, city_id, policy_areas, stakeholders,
               language, created_by_id, created_at, updated_at, search_text)
             VALUES (?, ?, ?, ?, 'draft', ?, ?, ?, ?, ?, ?, ?, unicode_lower(? || char(10)))`,
          ).run(
            id,
            input.workspaceId,
            input.title,
            input.kind,
            input.cityId ?? null,
            toJson(input.policyAreas ?? []),
            toJson(input.stakeholders ?? []),
            input.language ?? 'en',
            input.createdById,
            now,
            now,
            input.title,
          ),
        { missingMessage: 'No such workspace or city.' },
      );
      return get(id) as DocumentRecord;
    },

    async getDocument({ id }) {
      return translateSqlite(() => get(id));
    },

    async getDocumentMeta({ id }) {
      const row = translateSqlite(() =>
        stmt(`SELECT ${META_COLUMNS} FROM documents WHERE id = ?`).get(id),
      ) as DocumentMetaRow | undefined;
      return row ? toDocumentMeta(row) : null;
    },

    async listDocumentMetas({ ids }) {
      if (ids.length === 0) return [];
      const rows = translateSqlite(() =>
        stmt(
          `SELECT ${META_COLUMNS} FROM documents WHERE id IN (SELECT value FROM json_each(?))`,
        ).all(JSON.stringify(ids)),
      ) as DocumentMetaRow[];
      return rows.map(toDocumentMeta);
    },

    async listDocuments({ filter, limit }) {
      // SQLite reads a negative LIMIT as "no limit"; the port means "none".
      if (limit !== undefined && limit <= 0) return [];
      const { where, params } = compileFilter(filter);
      const rows = translateSqlite(() =>
        stmt(
          `SELECT ${SUMMARY_COLUMNS} FROM documents ${where} ORDER BY updated_at DESC, rowid DESC LIMIT ?`,
        ).all(...params, limit === undefined ? -1 : Math.floor(limit)),
      ) as DocumentSummaryRow[];
      return rows.map(toDocumentSummary);
    },

    async listRecentDocuments({ userId, limit }) {
      if (limit <= 0) return [];
      const rows = translateSqlite(() =>
        stmt(
          `SELECT ${SUMMARY_COLUMNS} FROM documents
           WHERE deleted_at IS NULL
             AND workspace_id IN (SELECT workspace_id FROM memberships WHERE user_id = ?)
           ORDER BY updated_at DESC, rowid DESC LIMIT ?`,
        ).all(userId, limit === Infinity ? -1 : Math.floor(limit)),
      ) as DocumentSummaryRow[];
      return rows.map(toDocumentSummary);
    },

    async listDocumentsSharedWith({ userId, limit }) {
      if (limit <= 0) return [];
      const rows = translateSqlite(() =>
        stmt(
          `SELECT ${SUMMARY_COLUMNS} FROM documents
           WHERE deleted_at IS NULL
             AND id IN (SELECT document_id FROM document_shares WHERE user_id = ?)
           ORDER BY updated_at DESC, rowid DESC LIMIT ?`,
        ).all(userId, Math.floor(limit)),
      ) as DocumentSummaryRow[];
      return rows.map(toDocumentSummary);
    },

    async updateDocument({ id, patch, expectedVersion }) {
      const changes = translateSqlite(() => update(id, patch, expectedVersion), {
        missingMessage: 'No such city.',
      });
      if (changes === 0) throw get(id) ? versionConflict() : documentNotFound();
      return get(id) as DocumentRecord;
    },

    async purgeDocument({ id }) {
      const changes = translateSqlite(() => purge(id));
      if (changes === 0) throw documentNotFound();
    },
  };
}
