/** The storage port for document records: metadata, derived fields, trash and purge. */
import type {
  DocumentKind,
  DocumentStatus,
  LinkAccess,
  PolicyArea,
  StakeholderType,
  DocumentLanguage,
} from '../../../shared/domain';

export interface OutlineHeading {
  level: number;
  text: string;
}

export interface DocumentRecord {
  id: string;
  workspaceId: string;
  title: string;
  kind: DocumentKind;
  status: DocumentStatus;
  /** The city (an organisation of type `city`) a case study is about. */
  cityId: string | null;
  policyAreas: PolicyArea[];
  stakeholders: StakeholderType[];
  /** The language the text is written in (ISO 639-1); `'en'` for documents made before it. */
  language: DocumentLanguage;
  createdById: string;
  createdAt: Date;
  updatedAt: Date;
  /** Set when the document is in the trash. */
  deletedAt: Date | null;
  deletedById: string | null;
  /**
   * Starts at 1 and grows by one on every write of the title, kind, status, city, policy
   * areas, stakeholders or trash fields (not of derived fields): the base of optimistic
   * concurrency (`expectedVersion`).
   */
  version: number;
  /** Who beyond the workspace and direct shares may read it (default `restricted`). */
  linkAccess: LinkAccess;
  /** Derived from the Yjs content on a debounce (see `server/collab/`). */
  plainText: string;
  outline: OutlineHeading[];
  wordCount: number;
  lastEditorIds: string[];
  contentUpdatedAt: Date | null;
}

/** The fields derived from a document's Yjs content (large: plain text of up to ~1 MB). */
export type DocumentDerivedField =
  'plainText' | 'outline' | 'wordCount' | 'lastEditorIds' | 'contentUpdatedAt';

/**
 * A document's metadata without its derived content: what access checks need. Reading it
 * never loads the plain text, so a check stays cheap however long the document is.
 */
export type DocumentMeta = Omit<DocumentRecord, DocumentDerivedField>;

/**
 * A document as lists return it: everything but the plain text (which only the text
 * filter needs, inside the engine). Lists of many long documents stay small.
 */
export type DocumentSummary = Omit<DocumentRecord, 'plainText'>;

export type DocumentFilter = {
  workspaceId?: string;
  kind?: DocumentKind;
  status?: DocumentStatus;
  cityId?: string;
  policyArea?: PolicyArea;
  /** Case-insensitive substring of the title or plain text. */
  text?: string;
  /** Default `'active'`. */
  trash?: 'active' | 'trashed' | 'all';
  /** Only documents trashed before this moment (implies trashed; the purge's query). */
  trashedBefore?: Date;
};

export type DocumentPatch = Partial<
  Pick<
    DocumentRecord,
    | 'title'
    | 'kind'
    | 'status'
    | 'cityId'
    | 'policyAreas'
    | 'stakeholders'
    | 'language'
    | 'deletedAt'
    | 'deletedById'
    | 'linkAccess'
    | 'plainText'
    | 'outline'
    | 'wordCount'
    | 'lastEditorIds'
    | 'contentUpdatedAt'
  >
>;

/** Document records (`sqlite/documents.ts`, `mongo/documents.ts`). */
export interface DocumentMethods {
  createDocument(input: {
    workspaceId: string;
    title: string;
    kind: DocumentKind;
    createdById: string;
    cityId?: string | null;
    policyAreas?: PolicyArea[];
    stakeholders?: StakeholderType[];
    /** Default `'en'`. */
    language?: DocumentLanguage;
  }): Promise<DocumentRecord>;
  getDocument(input: { id: string }): Promise<DocumentRecord | null>;
  /** Like `getDocument` without the derived fields (no plain text read): for access checks. */
  getDocumentMeta(input: { id: string }): Promise<DocumentMeta | null>;
  /**
   * `getDocumentMeta` of several documents in one read, trashed ones included, in no particular
   * order; an id with no document is left out. The access re-check round reads each slice of
   * open documents with it instead of one read per document.
   */
  listDocumentMetas(input: { ids: string[] }): Promise<DocumentMeta[]>;
  /** Newest `updatedAt` first; the plain text is not read (the text filter still uses it). */
  listDocuments(input: { filter: DocumentFilter; limit?: number }): Promise<DocumentSummary[]>;
  /**
   * The live (not trashed) documents of every workspace the user is a member of, newest
   * `updatedAt` first, at most `limit`: the dashboard's "recent documents", in one query.
   */
  listRecentDocuments(input: { userId: string; limit: number }): Promise<DocumentSummary[]>;
  /**
   * The live documents shared directly with the user (`document_shares`), newest `updatedAt`
   * first, at most `limit`: the dashboard's "Shared with me".
   */
  listDocumentsSharedWith(input: { userId: string; limit: number }): Promise<DocumentSummary[]>;
  /**
   * With `expectedVersion`, writes only while the stored `version` equals it; otherwise
   * nothing is written and a `ConflictError` with code `version_conflict` is thrown.
   */
  updateDocument(input: {
    id: string;
    patch: DocumentPatch;
    expectedVersion?: number;
  }): Promise<DocumentRecord>;
  /** Removes the document and its Yjs log for good (trash purge). */
  purgeDocument(input: { id: string }): Promise<void>;
}
