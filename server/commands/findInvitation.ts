/**
 * Looks up a usable invitation by its raw token. Unknown, used and expired invitations are
 * all "invalid" alike, so a token cannot be probed for which of these it is.
 */
import { hashToken } from '../auth/sessions';
import { NotFoundError } from '../errors';
import type { Invitation, Storage } from '../storage/types';

/** The pending, unexpired invitation for `token`, or null. */
export async function findUsableInvitation(options: {
  storage: Storage;
  token: string;
  now?: Date;
}): Promise<Invitation | null> {
  const invitation = await options.storage.getInvitationByTokenHash({
    tokenHash: hashToken(options.token),
  });
  if (!invitation || invitation.acceptedAt) return null;
  const now = options.now ?? new Date();
  if (invitation.expiresAt.getTime() <= now.getTime()) return null;
  return invitation;
}

/** 404 `invalid_invitation`: one answer for unknown, used and expired tokens alike. */
export function invalidInvitationError(): NotFoundError {
  return new NotFoundError(
    'This invitation is unknown, expired or already used.',
    'invalid_invitation',
  );
}
