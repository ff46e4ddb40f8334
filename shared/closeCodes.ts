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
