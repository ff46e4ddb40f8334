/** Turns document records into what the API sends (never the raw row, never the plain text). */
import type { DocumentAbilities, DocumentDto, UserSummaryDto } from '../../shared/api/entities';
import { documentAbilities } from '../policies/abilities';
import type { DocumentSummary, Storage, User, Workspace } from '../storage/types';
import type { Caller } from './caller';

/** Names of the last editors, looked up once for a whole list of documents. */
export type EditorLookup = ReadonlyMap<string, Pick<User, 'id' | 'name'>>;

/**
 * A document's metadata and derived fields; `editors` resolves `lastEditorIds` to names.
 * `abilities` are the caller's (HTTP answers); a broadcast to many people has none.
 */
export function presentDocument(
  document: DocumentSummary,
  editors: EditorLookup,
  abilities?: DocumentAbilities,
): DocumentDto {
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
    language: document.language,
    linkAccess: document.linkAccess,
    createdById: document.createdById,
    createdAt: document.createdAt.toISOString(),
    updatedAt: document.updatedAt.toISOString(),
    deletedAt: document.deletedAt ? document.deletedAt.toISOString() : null,
    outline: document.outline.map((heading) => ({ level: heading.level, text: heading.text })),
    wordCount: document.wordCount,
    lastEditors,
    contentUpdatedAt: document.contentUpdatedAt ? document.contentUpdatedAt.toISOString() : null,
    version: document.version,
    ...(abilities ? { abilities } : {}),
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

/** The caller's view of one workspace: the workspace and their membership in it. */
export interface CallerInWorkspace extends Caller {
  workspace: Workspace;
}

/**
 * Presents a list of documents, as an HTTP answer to the caller, with their editors' names
 * and the caller's abilities; `callerFor` gives the caller's view of one document (its
 * workspace, and their document-level membership: see `server/access/documentCallers.ts`).
 */
export async function presentDocuments(input: {
  storage: Storage;
  documents: DocumentSummary[];
  callerFor: (document: DocumentSummary) => CallerInWorkspace;
}): Promise<DocumentDto[]> {
  const editors = await loadEditors(input);
  return input.documents.map((document) => {
    const { actor, membership, workspace } = input.callerFor(document);
    return presentDocument(
      document,
      editors,
      documentAbilities(actor, membership, workspace, document),
    );
  });
}

/** One document as an HTTP answer to the caller (see `presentDocuments`). */
export async function presentDocumentTo(input: {
  storage: Storage;
  document: DocumentSummary;
  caller: CallerInWorkspace;
}): Promise<DocumentDto> {
  const editors = await loadEditors({ storage: input.storage, documents: [input.document] });
  const { actor, membership, workspace } = input.caller;
  return presentDocument(
    input.document,
    editors,
    documentAbilities(actor, membership, workspace, input.document),
  );
}

/**
 * One document for an answer that is not the caller's own: a broadcast to a room, or the
 * current record in a 409. Carries no abilities (clients refetch to learn what they may do).
 */
export async function presentDocumentWithoutAbilities(input: {
  storage: Storage;
  document: DocumentSummary;
}): Promise<DocumentDto> {
  const editors = await loadEditors({ storage: input.storage, documents: [input.document] });
  return presentDocument(input.document, editors);
}
