/**
 * Who may do what on a collab connection, decided from fresh storage rows with the same
 * policies the HTTP API uses (`server/policies/document.ts`). Used both when a socket
 * connects and by the periodic re-check, so a role change, a removal, a deactivation or
 * trashing applies to open connections the same way it applies to new ones.
 */
import { CLOSE_CODES } from '../../shared/closeCodes';
import { canReadDocument, canSuggestText, canWriteText } from '../policies/document';
import { isReadOnlyWorkspace } from '../policies/workspace';
import type { DocumentMeta, Membership, User, Workspace } from '../storage/types';

export type AccessDecision =
  | { isAllowed: true; canWrite: boolean; canSuggest: boolean }
  | { isAllowed: false; code: number; reason: string };

/**
 * Decides access. `tokenCanWrite` can only narrow it: a read-only token stays read-only even
 * if the role allows writing (and a writer token loses writing when the role is lowered or the
 * workspace is archived or the document approved/published, and gets it back when the
 * workspace is unarchived or the document moved back to draft).
 */
export function decideAccess(input: {
  user: User | null;
  document: DocumentMeta | null;
  /** The document's workspace (null when there is no document). */
  workspace: Pick<Workspace, 'isArchived'> | null;
  membership: Membership | null;
  tokenCanWrite: boolean;
}): AccessDecision {
  const { user, document, membership } = input;
  if (!document || document.deletedAt) {
    return { isAllowed: false, code: CLOSE_CODES.notFound, reason: 'no such document' };
  }
  if (!user || !user.isActive) {
    return { isAllowed: false, code: CLOSE_CODES.unauthenticated, reason: 'account not active' };
  }
  if (!canReadDocument(user, membership, document)) {
    return { isAllowed: false, code: CLOSE_CODES.forbidden, reason: 'no access to this document' };
  }
  const isWorkspaceWritable = !(input.workspace && isReadOnlyWorkspace(input.workspace));
  return {
    isAllowed: true,
    canWrite:
      input.tokenCanWrite && canWriteText(user, membership, document) && isWorkspaceWritable,
    // Not narrowed by the token: a reviewer's token is read-only (it does not allow writing),
    // and suggest-only is judged per update from the account's role, read fresh here.
    canSuggest: canSuggestText(user, membership, document) && isWorkspaceWritable,
  };
}
