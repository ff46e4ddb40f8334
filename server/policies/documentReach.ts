/**
 * How far a document reaches beyond its workspace: a direct share gives one person a role on
 * this one document; the link reach (`network`, `public`) lets people read it. Pure functions;
 * `server/access/documentAccess.ts` loads what they need.
 */
import { workspaceRoleRank, type LinkAccess, type WorkspaceRole } from '../../shared/domain';
import type { DocumentRecord, DocumentShare, Membership } from '../storage/types';
import type { Actor } from './role';

/**
 * The role the link reach gives an active account that has no other access: `viewer` when
 * the document is readable by the whole network or the public, none when it is restricted.
 */
function linkRole(linkAccess: LinkAccess): WorkspaceRole | null {
  return linkAccess === 'restricted' ? null : 'viewer';
}

/** The stronger of two roles (null: no role). */
function strongest(a: WorkspaceRole | null, b: WorkspaceRole | null): WorkspaceRole | null {
  if (!a) return b;
  if (!b) return a;
  // Stryker disable next-line EqualityOperator: equivalent, equal ranks are the same role
  return workspaceRoleRank(a) >= workspaceRoleRank(b) ? a : b;
}

/**
 * The membership the document policies (`server/policies/document.ts`) judge this one
 * document by: the strongest of the actor's workspace membership, their direct share of the
 * document and its link reach. Without a workspace membership it is a stand-in that exists
 * for this document only: it must never be passed to a workspace policy, and it never holds
 * `owner` (shares stop at `editor`, the link at `viewer`), so no share reaches a
 * workspace-level right (managing members, sharing, approving, publishing, restoring).
 */
export function documentMembership(input: {
  actor: Actor;
  membership: Membership | null;
  share: Pick<DocumentShare, 'userId' | 'role'> | null;
  document: Pick<DocumentRecord, 'workspaceId' | 'linkAccess'>;
}): Membership | null {
  const { actor, membership, document } = input;
  const memberRole = membership?.userId === actor.id ? membership.role : null;
  const shareRole = input.share?.userId === actor.id ? input.share.role : null;
  const role = strongest(memberRole, strongest(shareRole, linkRole(document.linkAccess)));
  if (!role) return null;
  if (membership && role === memberRole) return membership;
  const since = membership?.createdAt ?? new Date(0);
  return {
    workspaceId: document.workspaceId,
    userId: actor.id,
    role,
    createdAt: since,
    updatedAt: membership?.updatedAt ?? since,
  };
}

/** Whether anyone at all, signed in or not, may read the document (public link reach). */
export function isPubliclyReadable(
  document: Pick<DocumentRecord, 'linkAccess' | 'deletedAt'>,
): boolean {
  return document.linkAccess === 'public' && !document.deletedAt;
}
