/**
 * Using an invitation: on registration (`registerUser`) or, for someone who already has an
 * account, signed in from the invitation page (`acceptInvitationSignedIn`). Nobody joins a
 * workspace without taking one of these two steps themselves.
 */
import { ConflictError, ForbiddenError } from '../errors';
import type { Invitation, Storage, User } from '../storage/types';
import { findUsableInvitation, invalidInvitationError } from './findInvitation';
import { recordAudit } from './recordAudit';

/**
 * Marks the invitation used and, for a workspace invitation, adds the membership. The
 * membership is audited as `membership.added` like one an admin adds directly, so the log
 * answers "who got access to this workspace" whichever way they joined.
 */
export async function acceptInvitation(options: {
  storage: Storage;
  invitation: Invitation;
  user: User;
  ip: string | null;
}): Promise<void> {
  const { storage, invitation, user } = options;
  await storage.markInvitationAccepted({ id: invitation.id, at: new Date() });
  if (invitation.documentId && invitation.role) {
    await grantInvitedShare({ storage, invitation, user, ip: options.ip });
    return;
  }
  if (!invitation.workspaceId || !invitation.role) return;
  const workspace = await storage.getWorkspace({ id: invitation.workspaceId });
  if (!workspace) return;
  try {
    await storage.addMembership({
      workspaceId: workspace.id,
      userId: user.id,
      role: invitation.role,
    });
  } catch (error) {
    // Already a member (joined another way meanwhile): the invitation is simply used up.
    if (!(error instanceof ConflictError)) throw error;
    return;
  }
  await recordAudit({
    storage,
    actor: user,
    action: 'membership.added',
    target: { type: 'workspace', id: workspace.id },
    details: {
      userId: user.id,
      role: invitation.role,
      invitationId: invitation.id,
      invitedById: invitation.invitedById,
    },
    ip: options.ip,
  });
}

/**
 * A document invitation used: the new account gets its share of the one document (never
 * `owner`: the invitation was made with a share role). Audited as `document.shared` by the
 * one who invited, like a share made directly.
 */
async function grantInvitedShare(input: {
  storage: Storage;
  invitation: Invitation;
  user: User;
  ip: string | null;
}): Promise<void> {
  const { storage, invitation, user } = input;
  const document = invitation.documentId
    ? await storage.getDocumentMeta({ id: invitation.documentId })
    : null;
  const role = invitation.role;
  if (!document || document.deletedAt || !role || role === 'owner') return;
  const { share } = await storage.upsertDocumentShare({
    documentId: document.id,
    userId: user.id,
    role,
    createdById: invitation.invitedById,
  });
  await recordAudit({
    storage,
    actor: user,
    action: 'document.shared',
    target: { type: 'document', id: document.id },
    details: {
      workspaceId: document.workspaceId,
      userId: user.id,
      role: share.role,
      invitationId: invitation.id,
      invitedById: invitation.invitedById,
    },
    ip: input.ip,
  });
}

/**
 * A signed-in person accepts an invitation sent to their e-mail. 404 `invalid_invitation`
 * for an unknown, used or expired token; 403 `invitation_email_mismatch` when it was sent to
 * another address (so a forwarded link cannot add the wrong account). Returns the workspace
 * joined (null for a network invitation, which has nothing more to give an existing account).
 */
export async function acceptInvitationSignedIn(options: {
  storage: Storage;
  user: User;
  token: string;
  ip: string | null;
}): Promise<{ workspaceId: string | null; documentId: string | null }> {
  const { storage, user } = options;
  const invitation = await findUsableInvitation({ storage, token: options.token });
  if (!invitation) {
    throw invalidInvitationError();
  }
  if (invitation.email !== user.email.toLowerCase()) {
    throw new ForbiddenError(
      'This invitation was sent to another e-mail address. Sign in with that address to accept it.',
      'invitation_email_mismatch',
    );
  }
  try {
    await acceptInvitation({ storage, invitation, user, ip: options.ip });
  } catch (error) {
    // A concurrent accept of the same token won: same answer as a used token.
    if (error instanceof ConflictError) throw invalidInvitationError();
    throw error;
  }
  return { workspaceId: invitation.workspaceId, documentId: invitation.documentId };
}

/** An admin lets an invitation admit a new person; audited as `invitation.approved`. */
export async function approveInvitation(options: {
  storage: Storage;
  actor: User;
  invitationId: string;
  ip: string | null;
}): Promise<Invitation> {
  const { storage, actor } = options;
  const invitation = await storage.approveInvitation({ id: options.invitationId });
  await recordAudit({
    storage,
    actor,
    action: 'invitation.approved',
    target: { type: 'invitation', id: invitation.id },
    details: {
      email: invitation.email,
      workspaceId: invitation.workspaceId,
      invitedById: invitation.invitedById,
    },
    ip: options.ip,
  });
  return invitation;
}
