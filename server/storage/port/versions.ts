/** The storage port for named versions of a document (copies of its Yjs state). */

/** A version as lists show it: who took it, when, under which label (no state, no text). */
export interface VersionSummary {
  id: string;
  documentId: string;
  label: string;
  /** Null for versions the server took by itself (e.g. at a status change). */
  authorId: string | null;
  createdAt: Date;
  /** Bytes of the stored Yjs state (for the size cap on restore). */
  stateBytes: number;
}

/** A whole version: the Yjs state (`Y.encodeStateAsUpdate`) and its plain text. */
export interface VersionRecord extends VersionSummary {
  state: Uint8Array;
  plainText: string;
}

/** Named versions (`sqlite/versions.ts`, `mongo/versions.ts`). */
export interface VersionMethods {
  /**
   * Stores a version. A document that does not exist is `NotFoundError`
   * `reference_not_found`, and nothing is written.
   */
  createVersion(input: {
    documentId: string;
    label: string;
    authorId: string | null;
    state: Uint8Array;
    plainText: string;
  }): Promise<VersionSummary>;
  /** The document's versions, newest first, without state or text; at most `limit`. */
  listVersions(input: { documentId: string; limit?: number }): Promise<VersionSummary[]>;
  /** One version with its state and text; null when missing (purged with its document). */
  getVersion(input: { id: string }): Promise<VersionRecord | null>;
}
