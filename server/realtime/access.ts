/**
 * Read-access checks for joining rooms. They ask the same policies the HTTP API asks
 * (`canReadWorkspace`, `canReadDocument`), so the two doors cannot drift apart; looked up
 * fresh on every join so a removed member cannot come back through an old socket.
 * They read metadata only (`getDocumentMeta`: never the plain text), and, like HTTP's 404,
 * answer `not_found` both for ids that do not exist and for ones the caller may not see, so
 * probing ids tells nothing about what exists.
 */
import type { RealtimeErrorCode, SocketData } from '../../shared/realtime/events';
import { loadDocumentMembership } from '../access/documentAccess';
import { canReadDocument } from '../policies/document';
import type { Actor } from '../policies/role';
import { canReadWorkspace } from '../policies/workspace';
import type { Membership, Storage, Workspace } from '../storage/types';

export type AccessResult<T> =
  { isAllowed: true; value: T } | { isAllowed: false; code: RealtimeErrorCode };

type SocketUser = SocketData['user'];

/**
 * The policies' view of a socket's user. Sockets only ever carry active accounts: the
 * handshake and every granting request resolve the session, which refuses deactivated ones.
 */
function actorOf(user: SocketUser): Actor {
  // Stryker disable next-line StringLiteral: equivalent, the policies only ever test `role === 'admin'`
  return { id: user.id, role: user.isAdmin ? 'admin' : 'member', isActive: true };
}

/** Loads what the policies need to judge a workspace, or null when it does not exist. */
async function loadWorkspaceContext(
  storage: Storage,
  user: SocketUser,
  workspaceId: string,
): Promise<{ workspace: Workspace; membership: Membership | null } | null> {
  const workspace = await storage.getWorkspace({ id: workspaceId });
  if (!workspace) return null;
  const membership = await storage.getMembership({ workspaceId, userId: user.id });
  return { workspace, membership };
}

/** May this user follow the workspace's activity (`workspace:<id>`)? */
export async function checkWorkspaceRead(input: {
  storage: Storage;
  user: SocketUser;
  workspaceId: string;
}): Promise<AccessResult<{ workspaceId: string }>> {
  const { storage, user, workspaceId } = input;
  const context = await loadWorkspaceContext(storage, user, workspaceId);
  if (!context) return { isAllowed: false, code: 'not_found' };
  if (!canReadWorkspace(actorOf(user), context.membership, context.workspace)) {
    return { isAllowed: false, code: 'not_found' };
  }
  return { isAllowed: true, value: { workspaceId } };
}

/** May this user read the document (`doc:<id>`)? Answers with its workspace. */
export async function checkDocumentRead(input: {
  storage: Storage;
  user: SocketUser;
  documentId: string;
}): Promise<AccessResult<{ workspaceId: string }>> {
  const { storage, user, documentId } = input;
  const document = await storage.getDocumentMeta({ id: documentId });
  if (!document) return { isAllowed: false, code: 'not_found' };
  // Stryker disable next-line ConditionalExpression: equivalent, `canReadDocument` below refuses a trashed document too; this only spares the membership reads
  if (document.deletedAt !== null) return { isAllowed: false, code: 'not_found' };
  const { workspaceId } = document;
  const actor = actorOf(user);
  // The document-level membership: workspace role, direct share or link reach.
  const membership = await loadDocumentMembership({ storage, actor, document });
  if (!canReadDocument(actor, membership, document)) {
    return { isAllowed: false, code: 'not_found' };
  }
  return { isAllowed: true, value: { workspaceId } };
}
