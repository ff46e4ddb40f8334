/** Turns document records into what the API sends (never the raw row, never the plain text). */
import type { DocumentDto, UserSummaryDto } from '../../shared/api/entities';
import type { DocumentSummary, Storage, User } from '../storage/types';

/** Names of the last editors, looked up once for a whole list of documents. */
export type EditorLookup = ReadonlyMap<string, Pick<User, 'id' | 'name'>>;

/** A document's metadata and derived fields; `editors` resolves `lastEditorIds` to names. */
export function presentDocument(document: DocumentSummary, editors: EditorLookup): DocumentDto {
  const lastEditors: UserSummaryDto[] = document.lastEditorIds.flatMap((id) => {
    const user = editors.get(id);
    return user ? [{ id: user.id, name: user.name }] : [];
  });
  return {
    id: document.id,
    workspaceId: document.workspaceId,
    title: document.title,
    kind: document.kind,
    status: document.status,
    cityId: document.cityId,
    policyAreas: [...document.policyAreas],
    stakeholders: [...document.stakeholders],
    createdById: document.createdById,
    createdAt: document.createdAt.toISOString(),
    updatedAt: document.updatedAt.toISOString(),
    deletedAt: document.deletedAt ? document.deletedAt.toISOString() : null,
    outline: document.outline.map((heading) => ({ level: heading.level, text: heading.text })),
    wordCount: document.wordCount,
    lastEditors,
    contentUpdatedAt: document.contentUpdatedAt ? document.contentUpdatedAt.toISOString() : null,
    version: document.version,
  };
}

/** Loads the editors named by `documents` in one storage call. */
export async function loadEditors(input: {
  storage: Storage;
  documents: DocumentSummary[];
}): Promise<EditorLookup> {
  const ids = [...new Set(input.documents.flatMap((document) => document.lastEditorIds))];
  if (ids.length === 0) return new Map();
  const users = await input.storage.listUsers({ ids });
  return new Map(users.map((user) => [user.id, user]));
}

/** Presents a list of documents with their editors' names. */
export async function presentDocuments(input: {
  storage: Storage;
  documents: DocumentSummary[];
}): Promise<DocumentDto[]> {
  const editors = await loadEditors(input);
  return input.documents.map((document) => presentDocument(document, editors));
}
