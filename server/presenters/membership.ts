/** Turns memberships and workspace invitations into what the API sends. */
import type { InvitationDto, MembershipDto } from '../../shared/api/entities';
import type { Invitation, Membership, User } from '../storage/types';

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

/**
 * A pending or accepted invitation. The token and link exist only in the answer that
 * created it (the stored record has just the token's hash).
 */
export function presentWorkspaceInvitation(
  invitation: Invitation,
  secret?: { token: string; link: string },
): InvitationDto {
  const dto: InvitationDto = {
    id: invitation.id,
    email: invitation.email,
    workspaceId: invitation.workspaceId,
    role: invitation.role,
    expiresAt: invitation.expiresAt.toISOString(),
    acceptedAt: invitation.acceptedAt ? invitation.acceptedAt.toISOString() : null,
  };
  if (secret) {
    dto.token = secret.token;
    dto.link = secret.link;
  }
  return dto;
}
