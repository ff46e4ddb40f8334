/** Document shares and pending document invitations as the share dialog shows them. */
import type { ShareDto } from '../../shared/api/shares';
import type { ShareRole } from '../../shared/domain';
import type { DocumentShare, Invitation, User } from '../storage/types';

/** An active share of `user`. */
export function presentShare(share: DocumentShare, user: User): ShareDto {
  return {
    id: share.id,
    documentId: share.documentId,
    status: 'active',
    email: user.email,
    role: share.role,
    user: { id: user.id, name: user.name, email: user.email },
    createdAt: share.createdAt.toISOString(),
  };
}

/** A pending document invitation, listed as a share waiting for its person to register. */
export function presentPendingShare(invitation: Invitation): ShareDto {
  return {
    id: invitation.id,
    documentId: invitation.documentId ?? '',
    status: 'pending',
    email: invitation.email,
    // Document invitations are made with a share role only (`shareDocument`).
    role: (invitation.role === 'owner' ? 'viewer' : (invitation.role ?? 'viewer')) as ShareRole,
    user: null,
    createdAt: invitation.createdAt.toISOString(),
    awaitsApproval: invitation.awaitsApproval,
  };
}
