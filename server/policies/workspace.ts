/**
 * Who may do what with a workspace. Pure functions over (actor, membership, workspace):
 * routes load the three, ask here, and turn a `false` into 404 (no access at all) or
 * 403 (a member without the right).
 */
import type { Membership, Workspace } from '../storage/types';
import { effectiveRole, hasRoleAtLeast, type Actor } from './role';

/** Any member (and a network admin) sees the workspace, its members and documents. */
export function canReadWorkspace(
  actor: Actor,
  membership: Membership | null,
  _workspace: Workspace,
): boolean {
  return effectiveRole(actor, membership) !== null;
}

/** Renaming, describing and (un)archiving is for owners. */
export function canUpdateWorkspace(
  actor: Actor,
  membership: Membership | null,
  _workspace: Workspace,
): boolean {
  return hasRoleAtLeast(actor, membership, 'owner');
}

/** Adding, inviting, re-roling and removing members (and seeing pending invitations). */
export function canManageMembers(
  actor: Actor,
  membership: Membership | null,
  _workspace: Workspace,
): boolean {
  return hasRoleAtLeast(actor, membership, 'owner');
}

/**
 * An archived workspace is read-only, documents included: their text (collab connections
 * become read-only), metadata and status, creating, trashing and restoring documents. Its
 * owners may still change the workspace itself, to unarchive it. Routes check it after the
 * role (a member without the right gets 403, one with it 409 `workspace_archived`).
 */
export function isReadOnlyWorkspace(workspace: Pick<Workspace, 'isArchived'>): boolean {
  return workspace.isArchived;
}

/**
 * Owners and editors start documents (by role: in an archived workspace nobody does, see
 * `isReadOnlyWorkspace`).
 */
export function canCreateDocument(
  actor: Actor,
  membership: Membership | null,
  _workspace: Workspace,
): boolean {
  return hasRoleAtLeast(actor, membership, 'editor');
}

/** The trash is the owners' business, as they are the ones who can restore from it. */
export function canViewTrash(
  actor: Actor,
  membership: Membership | null,
  _workspace: Workspace,
): boolean {
  return hasRoleAtLeast(actor, membership, 'owner');
}

/**
 * Starting a new line of work is open to every active account (the creator becomes its
 * owner), as in any document tool; network admins can always step in afterwards.
 */
export function canCreateWorkspace(actor: Actor): boolean {
  return actor.isActive;
}

/** Leaving a workspace is always allowed for oneself (the last-owner rule still applies). */
export function canRemoveMember(
  actor: Actor,
  membership: Membership | null,
  workspace: Workspace,
  targetUserId: string,
): boolean {
  if (canManageMembers(actor, membership, workspace)) return true;
  return effectiveRole(actor, membership) !== null && targetUserId === actor.id;
}
