/**
 * WebSocket close codes of the collaboration endpoint (`/collab/<documentId>`).
 * 4xxx mirrors the HTTP status a REST client would get for the same problem.
 */
export const CLOSE_CODES = {
  /** A malformed, truncated or unknown message: only that connection closes. */
  badMessage: 4400,
  /** Missing, invalid or expired collab token, or the account was deactivated. */
  unauthenticated: 4401,
  /** The token's user may not read this document (or lost access while connected). */
  forbidden: 4403,
  /** No such document, or it is in the trash. */
  notFound: 4404,
  /** The message or the document's state is over its size cap. */
  tooLarge: 4413,
  /** Too many messages in a short time, or too many connections. */
  rateLimited: 4429,
  /** The server is shutting down; reconnect later. Standard "going away". */
  goingAway: 1001,
} as const;
export type CloseCode = (typeof CLOSE_CODES)[keyof typeof CLOSE_CODES];

/**
 * Stable close reasons sent with some close codes, so a client can tell the person exactly what
 * happened (the code alone does not: 4413 is both "one message too large" and "document
 * full"). A reason may be followed by `: ` and a detail for the logs.
 */
export const CLOSE_REASONS = {
  /** 4413: this one message is over the server's message size cap. */
  messageTooLarge: 'message_too_large',
  /** 4413: the change would take the document over its size cap; deleting still works. */
  documentTooLarge: 'document_too_large',
  /** 4400: the change writes into a shared type the editor does not use. */
  unknownSharedType: 'unknown_shared_type',
} as const;
export type CloseReason = (typeof CLOSE_REASONS)[keyof typeof CLOSE_REASONS];
