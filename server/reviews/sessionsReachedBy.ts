/**
 * The review sessions a person may reach: those on documents of their workspaces and on
 * documents shared with them directly. The dashboard lists them; access changes re-check
 * them (a person who loses access leaves).
 */
import type { ReviewSessionRecord, ReviewSessionState, Storage } from '../storage/types';

/**
 * The sessions in `states` on documents of the person's workspaces and on documents shared
 * with them, each once, earliest first. Access is not checked here: the caller decides
 * (a trashed or narrowed document still lists its sessions).
 */
export async function sessionsReachedBy(input: {
  storage: Storage;
  userId: string;
  states: readonly ReviewSessionState[];
}): Promise<ReviewSessionRecord[]> {
  const { storage, userId, states } = input;
  const [workspaces, shares] = await Promise.all([
    storage.listWorkspacesForUser({ userId }),
    storage.listDocumentSharesForUser({ userId }),
  ]);
  const lists = await Promise.all([
    storage.listReviewSessions({ workspaceIds: workspaces.map((w) => w.id), states }),
    ...shares.map((share) => storage.listReviewSessions({ documentId: share.documentId, states })),
  ]);
  const byId = new Map(lists.flat().map((session) => [session.id, session]));
  return [...byId.values()].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
}
