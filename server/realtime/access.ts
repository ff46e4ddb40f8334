/**
 * Read-access checks for joining rooms. Deliberately the same rule the HTTP API applies for
 * reading (member of the workspace, any role, or network admin); looked up fresh on every
 * join so a removed member cannot come back through an old socket.
 */
import type { RealtimeErrorCode, SocketData } from '../../shared/realtime/events';
import type { Storage } from '../storage/types';

export type AccessResult<T> =
  { isAllowed: true; value: T } | { isAllowed: false; code: RealtimeErrorCode };

/** May this user follow the workspace's activity (`workspace:<id>`)? */
export async function checkWorkspaceRead(input: {
  storage: Storage;
  user: SocketData['user'];
  workspaceId: string;
}): Promise<AccessResult<{ workspaceId: string }>> {
  const { storage, user, workspaceId } = input;
  const workspace = await storage.getWorkspace({ id: workspaceId });
  if (!workspace) return { isAllowed: false, code: 'not_found' };
  if (user.isAdmin) return { isAllowed: true, value: { workspaceId } };
  const membership = await storage.getMembership({ workspaceId, userId: user.id });
  if (!membership) return { isAllowed: false, code: 'forbidden' };
  return { isAllowed: true, value: { workspaceId } };
}

/** May this user read the document (`doc:<id>`)? Answers with its workspace. */
export async function checkDocumentRead(input: {
  storage: Storage;
  user: SocketData['user'];
  documentId: string;
}): Promise<AccessResult<{ workspaceId: string }>> {
  const { storage, user, documentId } = input;
  const document = await storage.getDocument({ id: documentId });
  if (!document || document.deletedAt !== null) return { isAllowed: false, code: 'not_found' };
  const workspace = await checkWorkspaceRead({ storage, user, workspaceId: document.workspaceId });
  // A member of another workspace learns nothing about this document's existence beyond 403.
  if (!workspace.isAllowed) return { isAllowed: false, code: 'forbidden' };
  return workspace;
}
