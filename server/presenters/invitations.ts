/** Invitations as the API shows them; the raw token only in the answer that created it. */
import type { InvitationDto } from '../../shared/api/entities';
import type { Invitation } from '../storage/types';

/** One invitation; pass `token`, `link` and `isEmailed` only right after creating it. */
export function presentInvitation(
  invitation: Invitation,
  extras: { token?: string; link?: string; isEmailed?: boolean } = {},
): InvitationDto {
  return {
    id: invitation.id,
    ...(extras.token ? { token: extras.token } : {}),
    email: invitation.email,
    workspaceId: invitation.workspaceId,
    documentId: invitation.documentId,
    role: invitation.role,
    expiresAt: invitation.expiresAt.toISOString(),
    acceptedAt: invitation.acceptedAt ? invitation.acceptedAt.toISOString() : null,
    awaitsApproval: invitation.awaitsApproval,
    ...(extras.link ? { link: extras.link } : {}),
    ...(extras.isEmailed !== undefined ? { isEmailed: extras.isEmailed } : {}),
  };
}
