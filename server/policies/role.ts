/**
 * The one place that turns "who is asking" into a workspace role, so every policy
 * agrees on how network admins and deactivated accounts are treated.
 */
import { workspaceRoleRank, type WorkspaceRole } from '../../shared/domain';
import type { Membership, User } from '../storage/types';

/**
 * Who is acting: the server's one actor type, the parts of an account the policies look at
 * (a full `User` fits, and so does a Socket.IO connection's user, see realtime/access.ts).
 */
export type Actor = Pick<User, 'id' | 'role' | 'isActive'>;

/**
 * The role the actor acts with in a workspace, or null when they have no access.
 * Choice: a network admin (coordinator) acts as an `owner` in every workspace, member
 * or not, so they can read, manage members and unblock any line of work. A deactivated
 * account has no role anywhere, whatever its memberships say.
 */
export function effectiveRole(actor: Actor, membership: Membership | null): WorkspaceRole | null {
  if (!actor.isActive) return null;
  if (actor.role === 'admin') return 'owner';
  if (!membership || membership.userId !== actor.id) return null;
  return membership.role;
}

/** Whether the actor's effective role is at least `minimum`. */
export function hasRoleAtLeast(
  actor: Actor,
  membership: Membership | null,
  minimum: WorkspaceRole,
): boolean {
  const role = effectiveRole(actor, membership);
  if (!role) return false;
  return workspaceRoleRank(role) >= workspaceRoleRank(minimum);
}
