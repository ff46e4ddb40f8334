/** The storage port for direct shares of one document with one account (`document_shares`). */
import type { ShareRole } from '../../../shared/domain';

/** One account's direct access to one document; unique per (document, user). */
export interface DocumentShare {
  id: string;
  documentId: string;
  userId: string;
  role: ShareRole;
  createdById: string;
  createdAt: Date;
  updatedAt: Date;
}

/** Document shares (`sqlite/shares.ts`, `mongo/shares.ts`); they go with their document (purge). */
export interface ShareMethods {
  /**
   * Shares the document with the user, or changes the role of their existing share (so a
   * second share of the same pair never makes two rows). NotFoundError for a missing
   * document or user.
   */
  upsertDocumentShare(input: {
    documentId: string;
    userId: string;
    role: ShareRole;
    createdById: string;
  }): Promise<{ share: DocumentShare; isNew: boolean }>;
  getDocumentShare(input: { documentId: string; userId: string }): Promise<DocumentShare | null>;
  getDocumentShareById(input: { id: string }): Promise<DocumentShare | null>;
  /** The document's shares, oldest first. */
  listDocumentShares(input: { documentId: string }): Promise<DocumentShare[]>;
  /** The shares of several documents in one read (the access re-check round), oldest first. */
  listSharesOfDocuments(input: { documentIds: string[] }): Promise<DocumentShare[]>;
  /** The user's shares (of any document, trashed ones included), oldest first. */
  listDocumentSharesForUser(input: { userId: string }): Promise<DocumentShare[]>;
  /** NotFoundError when there is no such share. */
  deleteDocumentShare(input: { id: string }): Promise<void>;
}
