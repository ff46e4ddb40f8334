/**
 * Loads what decides a person's access to one document: their workspace membership, their
 * direct share of it, and its link reach, folded into the one membership the document
 * policies judge by (`documentMembership`). Every door to a document (HTTP, collab,
 * Socket.IO, search lists, notifications, exports) reads access through here, so a share
 * or a link reach applies everywhere at once.
 */
import { documentMembership } from '../policies/documentReach';
import type { Actor } from '../policies/role';
import type { DocumentRecord, Membership, Storage } from '../storage/types';

/** The membership `actor` holds for `document` (null: no access at all). */
export async function loadDocumentMembership(input: {
  storage: Storage;
  actor: Actor;
  document: Pick<DocumentRecord, 'id' | 'workspaceId' | 'linkAccess'>;
}): Promise<Membership | null> {
  const { storage, actor, document } = input;
  const [membership, share] = await Promise.all([
    storage.getMembership({ workspaceId: document.workspaceId, userId: actor.id }),
    storage.getDocumentShare({ documentId: document.id, userId: actor.id }),
  ]);
  return documentMembership({ actor, membership, share, document });
}
