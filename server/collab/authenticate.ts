/**
 * First stage of a collab connection, run before the WebSocket upgrade completes: parse
 * `/collab/<documentId>?token=…`, verify the token, load the rows and decide access.
 * Never throws on hostile input; every refusal carries the close code the client will see.
 */
import type { IncomingMessage } from 'node:http';
import { CLOSE_CODES } from '../../shared/closeCodes';
import { loadDocumentMembership } from '../access/documentAccess';
import { verifyCollabToken } from '../auth/collabToken';
import type { Storage } from '../storage/types';
import { decideAccess } from './access';

/** Path prefix of the collab endpoint; the rest of the path is the document id. */
export const COLLAB_PATH_PREFIX = '/collab/';

/** A connection that may proceed, with what it may do. */
export interface ConnectionGrant {
  documentId: string;
  workspaceId: string;
  userId: string;
  /** The account's display name: the server writes it into the connection's presence. */
  userName: string;
  tokenCanWrite: boolean;
  /** The sign-in session the token was issued under, when it was issued to a browser. */
  sessionId: string | null;
  canWrite: boolean;
  /** Suggest-only (reviewers): see `CollabConnection.canSuggest`. */
  canSuggest: boolean;
}

export type AuthResult =
  { isAllowed: true; grant: ConnectionGrant } | { isAllowed: false; code: number; reason: string };

const DOCUMENT_ID_PATTERN = /^[A-Za-z0-9_-]{1,128}$/;

/** Authenticates and authorizes an upgrade request against fresh storage rows. */
export async function authenticateUpgrade(input: {
  request: IncomingMessage;
  secret: string;
  storage: Storage;
}): Promise<AuthResult> {
  const url = parseUrl(input.request.url);
  // Stryker disable next-line StringLiteral: equivalent, without a URL the path check below refuses whatever the fallback
  const documentId = url?.pathname.slice(COLLAB_PATH_PREFIX.length) ?? '';
  if (!url?.pathname.startsWith(COLLAB_PATH_PREFIX) || !DOCUMENT_ID_PATTERN.test(documentId)) {
    return { isAllowed: false, code: CLOSE_CODES.notFound, reason: 'bad document path' };
  }
  const token = url.searchParams.get('token');
  if (!token)
    return { isAllowed: false, code: CLOSE_CODES.unauthenticated, reason: 'missing token' };
  const verified = verifyCollabToken({ secret: input.secret, token });
  if (!verified.isValid) {
    return {
      isAllowed: false,
      code: CLOSE_CODES.unauthenticated,
      reason: `token ${verified.reason}`,
    };
  }
  const { claims } = verified;
  if (claims.documentId !== documentId) {
    return {
      isAllowed: false,
      code: CLOSE_CODES.unauthenticated,
      reason: 'token is for another document',
    };
  }
  const [document, user, isSessionLive] = await Promise.all([
    // Without the derived fields: access needs none of them, and the plain text can be long.
    input.storage.getDocumentMeta({ id: documentId }),
    input.storage.getUserById({ id: claims.userId }),
    isSessionAlive({ storage: input.storage, sessionId: claims.sessionId, userId: claims.userId }),
  ]);
  if (!isSessionLive) {
    return { isAllowed: false, code: CLOSE_CODES.unauthenticated, reason: 'session ended' };
  }
  // The document-level membership: workspace role, direct share or link reach.
  const [membership, workspace] = document
    ? await Promise.all([
        user ? loadDocumentMembership({ storage: input.storage, actor: user, document }) : null,
        input.storage.getWorkspace({ id: document.workspaceId }),
      ])
    : // Stryker disable next-line ArrayDeclaration: equivalent, without a document decideAccess refuses before reading either
      [null, null];
  const decision = decideAccess({
    user,
    document,
    workspace,
    membership,
    tokenCanWrite: claims.canWrite,
  });
  if (!decision.isAllowed || !document || !user) {
    return decision.isAllowed
      ? // Stryker disable next-line ObjectLiteral,BooleanLiteral,StringLiteral: equivalent, unreachable: decideAccess already refuses a missing document or user (this narrows the types)
        { isAllowed: false, code: CLOSE_CODES.notFound, reason: 'no such document' }
      : decision;
  }
  return {
    isAllowed: true,
    grant: {
      documentId,
      workspaceId: document.workspaceId,
      userId: claims.userId,
      userName: user.name,
      tokenCanWrite: claims.canWrite,
      sessionId: claims.sessionId,
      canWrite: decision.canWrite,
      canSuggest: decision.canSuggest,
    },
  };
}

/**
 * Whether the sign-in session a token was issued under still exists, belongs to the token's
 * user and has not expired. A token without a session (minted by the server) is not bound.
 */
export async function isSessionAlive(input: {
  storage: Storage;
  sessionId: string | null;
  userId: string;
  now?: Date;
}): Promise<boolean> {
  if (!input.sessionId) return true;
  const session = await input.storage.getSession({ id: input.sessionId });
  if (!session || session.userId !== input.userId) return false;
  return session.expiresAt.getTime() > (input.now ?? new Date()).getTime();
}

function parseUrl(raw: string | undefined): URL | null {
  try {
    // Stryker disable next-line StringLiteral: equivalent, an empty relative URL resolves to the base's `/` too
    // Stryker disable BlockStatement: equivalent, the `catch` below: an undefined URL is refused like null (to the end of the file)
    return new URL(raw ?? '/', 'http://localhost');
  } catch {
    return null;
  }
}
