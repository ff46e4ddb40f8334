/**
 * Creates an invitation: network-level (admin, for an e-mail without an account) or into a
 * workspace with a role (an owner adding someone, who registers with it or, having an
 * account, accepts it signed in). Returns the raw token once; only its SHA-256 is stored.
 * No mail server is assumed: the link is shown for copying.
 */
import type { WorkspaceRole } from '../../shared/domain';
import { generateToken, hashToken } from '../auth/sessions';
import { ConflictError } from '../errors';
import type { Invitation, Storage } from '../storage/types';
import { recordAudit } from './recordAudit';

/** Default lifetime of an invitation. */
export const INVITATION_TTL_DAYS = 14;

/** The accept screen's address for a token (a client route). */
export function invitationLink(options: { baseUrl: string; token: string }): string {
  return `${options.baseUrl.replace(/\/$/, '')}/invite/${options.token}`;
}

/**
 * Creates the invitation. Unless `mayHaveAccount` (a workspace invitation the person accepts
 * signed in), 409 `email_taken` when an account with that e-mail exists. Callers check the
 * actor may invite (admin, or workspace owner) and decide whether it awaits an admin's approval.
 */
export async function createInvitation(options: {
  storage: Storage;
  actor: { id: string };
  email: string;
  workspaceId?: string | null;
  /** A document invitation (no workspace): registering with it shares this one document. */
  documentId?: string | null;
  role?: WorkspaceRole | null;
  /** Workspace invitations only: an existing account accepts it instead of registering. */
  mayHaveAccount?: boolean;
  /** It cannot be used to register until an admin approves it (see `admitNewPeople`). */
  awaitsApproval?: boolean;
  ttlDays?: number;
  /** Where the product is reached (config.publicUrl or the request's origin), for the link. */
  baseUrl: string;
  ip?: string | null;
  now?: Date;
}): Promise<{ invitation: Invitation; token: string; link: string }> {
  const { storage, actor } = options;
  const email = options.email.trim().toLowerCase();
  const isExistingAccountAllowed = options.mayHaveAccount === true && Boolean(options.workspaceId);
  if (!isExistingAccountAllowed && (await storage.getUserByEmail({ email }))) {
    throw new ConflictError('An account with that e-mail already exists.', 'email_taken');
  }

  const token = generateToken();
  const now = options.now ?? new Date();
  const ttlDays = options.ttlDays ?? INVITATION_TTL_DAYS;
  const invitation = await storage.createInvitation({
    tokenHash: hashToken(token),
    email,
    workspaceId: options.workspaceId ?? null,
    documentId: options.documentId ?? null,
    role: options.workspaceId || options.documentId ? (options.role ?? 'viewer') : null,
    invitedById: actor.id,
    expiresAt: new Date(now.getTime() + ttlDays * 86_400_000),
    awaitsApproval: options.awaitsApproval === true,
  });
  await recordAudit({
    storage,
    actor,
    action: 'invitation.created',
    target: { type: 'invitation', id: invitation.id },
    details: {
      email,
      workspaceId: invitation.workspaceId,
      documentId: invitation.documentId,
      role: invitation.role,
      awaitsApproval: invitation.awaitsApproval,
    },
    ip: options.ip ?? null,
  });
  return { invitation, token, link: invitationLink({ baseUrl: options.baseUrl, token }) };
}
