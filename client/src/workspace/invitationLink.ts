/** The absolute accept-invitation link to hand over (the server's, or built from the token). */
import type { InvitationDto } from '../../../shared/api/entities';

/** Resolves the invitation's link against this site. */
export function invitationLink(invitation: InvitationDto): string {
  if (invitation.link) return new URL(invitation.link, window.location.origin).toString();
  return `${window.location.origin}/invite/${invitation.token ?? ''}`;
}
