/** Turns memberships into what the API sends (invitations: see `invitations.ts`). */
import type { MembershipDto } from '../../shared/api/entities';
import type { Membership, User } from '../storage/types';

/** A member as the workspace's member list shows them (e-mail included: they share the workspace). */
export function presentMembership(membership: Membership, user: User): MembershipDto {
  return {
    workspaceId: membership.workspaceId,
    userId: membership.userId,
    role: membership.role,
    user: { id: user.id, name: user.name, email: user.email },
    createdAt: membership.createdAt.toISOString(),
  };
}
