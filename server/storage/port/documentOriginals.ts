/**
 * The storage port for a document's original file: the Word or Markdown file it was imported
 * from, kept only when the importer asked for it (one per document, purged with it).
 */

/** What the details panel shows of an original file: everything but its bytes. */
export interface DocumentOriginalSummary {
  documentId: string;
  /** The file name as uploaded (path and control characters removed by the importer). */
  name: string;
  /** The media type the server gave it from its extension (never the uploader's claim). */
  contentType: string;
  /** Bytes of the file. */
  size: number;
  createdById: string;
  createdAt: Date;
}

/** The original file with its bytes, for the download. */
export interface DocumentOriginalRecord extends DocumentOriginalSummary {
  bytes: Uint8Array;
}

/** Original files (`sqlite/documentOriginals.ts`, `mongo/documentOriginals.ts`). */
export interface DocumentOriginalMethods {
  /**
   * Keeps `bytes` as the document's original file. A document that does not exist is
   * `NotFoundError` `reference_not_found`; a second original for one document is
   * `ConflictError` `conflict`. Purging the document removes it.
   */
  storeDocumentOriginal(input: {
    documentId: string;
    name: string;
    contentType: string;
    bytes: Uint8Array;
    createdById: string;
  }): Promise<DocumentOriginalSummary>;
  /** The document's original without its bytes; null when none was kept. */
  getDocumentOriginalSummary(input: {
    documentId: string;
  }): Promise<DocumentOriginalSummary | null>;
  /** The document's original with its bytes; null when none was kept. */
  getDocumentOriginal(input: { documentId: string }): Promise<DocumentOriginalRecord | null>;
}
