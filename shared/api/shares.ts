/**
 * Sharing one document: request schemas and answer shapes of `/api/documents/:id/shares`
 * and `/api/documents/:id/access` (the share dialog's list of who may use the document).
 */
import { z } from 'zod';
import {
  LINK_ACCESS,
  SHARE_ROLES,
  type LinkAccess,
  type ShareRole,
  type WorkspaceRole,
} from '../domain';
import type { InvitationDto } from './entities';
import { emailField, idField } from './fields';

/** `POST /api/documents/:id/shares`. */
export const CreateShareBody = z.strictObject({
  email: emailField,
  role: z.enum(SHARE_ROLES),
});
export type CreateShareBody = z.infer<typeof CreateShareBody>;

/** `:id` and `:shareId` of `DELETE /api/documents/:id/shares/:shareId`. */
export const ShareParams = z.object({ id: idField, shareId: idField });

/** The link reach field of `PATCH /api/documents/:id`. */
export const LinkAccessField = z.enum(LINK_ACCESS);

/**
 * One person's direct access to one document. `status: 'pending'` is a document invitation
 * to an e-mail without an account yet (its `id` is the invitation's; `user` is null until
 * they register with it); revoking either is `DELETE …/shares/:id`.
 */
export interface ShareDto {
  id: string;
  documentId: string;
  status: 'active' | 'pending';
  email: string;
  role: ShareRole;
  user: { id: string; name: string; email: string } | null;
  createdAt: string;
  /** Pending only: the invitation cannot create an account until a network admin approves it. */
  awaitsApproval?: boolean;
}

/**
 * The answer of `POST /api/documents/:id/shares`. A pending share comes with its invitation;
 * when no mail server is configured (`mailed: false`) it carries the link to copy by hand.
 */
export interface CreateShareAnswer {
  share: ShareDto;
  /** Whether an e-mail telling the person was handed to the mail server. */
  mailed: boolean;
  invitation?: InvitationDto;
}

/** A workspace member as the share dialog lists them (their access comes from the workspace). */
export interface WorkspaceAccessDto {
  user: { id: string; name: string; email: string };
  role: WorkspaceRole;
}

/** `GET /api/documents/:id/access`: who may use the document, and how. */
export interface DocumentAccessDto {
  documentId: string;
  workspaceId: string;
  linkAccess: LinkAccess;
  /** Members of the document's workspace, by their workspace role. */
  members: WorkspaceAccessDto[];
  /** Direct shares of this document, active and pending. */
  shares: ShareDto[];
  /** Whether invitation e-mail is sent (false: links must be copied by hand). */
  isMailDelivering: boolean;
}
