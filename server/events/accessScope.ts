/**
 * Which open connections an access change can affect, so a re-check after a revocation reads
 * only theirs. Every field narrows; an empty scope means every connection.
 */
export interface AccessScope {
  /** Connections of this user (their role, account or sessions changed). */
  userId?: string;
  /** Connections to this workspace's documents (archived, or a member's role changed). */
  workspaceId?: string;
  /** Connections to this document (trashed). */
  documentId?: string;
}
