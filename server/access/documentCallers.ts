/**
 * The caller's view of each document of a list (search hits, recent documents, "shared with
 * me"), read in a few storage calls for the whole list: their workspaces, the caller's
 * memberships and direct shares, folded per document by `documentMembership`.
 */
import { documentMembership } from '../policies/documentReach';
import { effectiveRole } from '../policies/role';
import type { CallerInWorkspace } from '../presenters/document';
import type { DocumentSummary, Storage, User, Workspace } from '../storage/types';

/**
 * Loads what `presentDocuments` needs for `documents`; the documents whose workspace could
 * not be read (deleted meanwhile) or that the caller cannot reach are left out of `visible`.
 */
export async function loadDocumentCallers(input: {
  storage: Storage;
  actor: User;
  documents: DocumentSummary[];
}): Promise<{
  visible: DocumentSummary[];
  callerFor: (document: DocumentSummary) => CallerInWorkspace;
}> {
  const { storage, actor, documents } = input;
  const workspaceIds = [...new Set(documents.map((document) => document.workspaceId))];
  const [workspaces, memberships, shares] = await Promise.all([
    Promise.all(workspaceIds.map((id) => storage.getWorkspace({ id }))),
    storage.listMembershipsForUser({ userId: actor.id }),
    storage.listDocumentSharesForUser({ userId: actor.id }),
  ]);
  const workspaceById = new Map(
    workspaces.filter((w): w is Workspace => w !== null).map((w) => [w.id, w]),
  );
  const membershipIn = new Map(memberships.map((m) => [m.workspaceId, m]));
  const shareOf = new Map(shares.map((share) => [share.documentId, share]));
  const callers = new Map<string, CallerInWorkspace>();
  for (const document of documents) {
    const workspace = workspaceById.get(document.workspaceId);
    if (!workspace) continue;
    const membership = documentMembership({
      actor,
      membership: membershipIn.get(document.workspaceId) ?? null,
      share: shareOf.get(document.id) ?? null,
      document,
    });
    callers.set(document.id, { actor, workspace, membership });
  }
  // The reads are separate: access that changed between them leaves a document out rather
  // than failing the list.
  const visible = documents.filter((document) => {
    const caller = callers.get(document.id);
    return caller !== undefined && effectiveRole(actor, caller.membership) !== null;
  });
  return {
    visible,
    callerFor: (document) => {
      const caller = callers.get(document.id);
      if (!caller) throw new Error(`Document ${document.id} of a list is not loaded.`);
      return caller;
    },
  };
}
