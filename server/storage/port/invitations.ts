/** The storage port for invitations to the network or a workspace. */
import type { WorkspaceRole } from '../../../shared/domain';

export interface Invitation {
  id: string;
  /** SHA-256 of the invitation token; unique. */
  tokenHash: string;
  email: string;
  /** Null for a network-level invitation (an account without a workspace). */
  workspaceId: string | null;
  role: WorkspaceRole | null;
  /**
   * A document invitation (workspaceId null): registering with it shares this one document
   * with the new account, with `role` (never `owner`), and nothing else of its workspace.
   */
  documentId: string | null;
  invitedById: string;
  createdAt: Date;
  expiresAt: Date;
  acceptedAt: Date | null;
  /**
   * True until a network admin approves it; until then it cannot be used to create an
   * account (a non-admin invited someone while open registration was off).
   */
  awaitsApproval: boolean;
}

/** Invitations (`sqlite/invitations.ts`, `mongo/invitations.ts`). */
export interface InvitationMethods {
  createInvitation(input: {
    tokenHash: string;
    email: string;
    workspaceId: string | null;
    role: WorkspaceRole | null;
    /** Default null (see `Invitation.documentId`). */
    documentId?: string | null;
    invitedById: string;
    expiresAt: Date;
    /** Default false. */
    awaitsApproval?: boolean;
  }): Promise<Invitation>;
  getInvitationByTokenHash(input: { tokenHash: string }): Promise<Invitation | null>;
  /**
   * Newest first. `isPending: true` = not accepted and not expired; `false` = accepted or
   * expired; omitted = all.
   */
  listInvitations(input: {
    workspaceId?: string;
    documentId?: string;
    isPending?: boolean;
  }): Promise<Invitation[]>;
  /** ConflictError when it was accepted already (so a token is used at most once). */
  markInvitationAccepted(input: { id: string; at: Date }): Promise<Invitation>;
  /** Clears `awaitsApproval` (idempotent); NotFoundError when there is no such invitation. */
  approveInvitation(input: { id: string }): Promise<Invitation>;
  deleteInvitation(input: { id: string }): Promise<void>;
}
