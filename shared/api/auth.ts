/** Request schemas of `/api/auth/*` and the invitation preview. */
import { z } from 'zod';
import { emailField, nameField, passwordField } from './fields';

/** An invitation token as it appears in links (32 random bytes, base64url). */
export const inviteTokenField = z
  .string()
  .regex(/^[A-Za-z0-9_-]{20,100}$/, 'not a valid invitation token');

/** `POST /api/auth/register` */
export const RegisterBody = z.object({
  name: nameField,
  email: emailField,
  password: passwordField,
  inviteToken: inviteTokenField.optional(),
});
export type RegisterBody = z.infer<typeof RegisterBody>;

/** `POST /api/auth/login`: no password rules here, so old accounts can still sign in. */
export const LoginBody = z.object({
  email: emailField,
  password: z.string().min(1).max(200),
});
export type LoginBody = z.infer<typeof LoginBody>;

/** `POST /api/auth/password` */
export const ChangePasswordBody = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: passwordField,
});
export type ChangePasswordBody = z.infer<typeof ChangePasswordBody>;

/** `GET /api/invitations/:token` */
export const InvitationTokenParams = z.object({ token: inviteTokenField });

/** Answer of `GET /api/auth/setup-status`. */
export interface SetupStatusDto {
  needsSetup: boolean;
  /** Whether anyone may register without an invitation. */
  isOpenRegistration: boolean;
}

/** Answer of `GET /api/invitations/:token`: what the accept screen shows. */
export interface InvitationPreviewDto {
  email: string;
  workspaceName: string | null;
  /** A document invitation: the one document shared (its title shown, its page opened after). */
  documentId: string | null;
  documentTitle: string | null;
  role: string | null;
  expiresAt: string;
  /** Waiting for a network admin: it cannot create an account yet (an existing one may accept). */
  awaitsApproval: boolean;
}

/** Answer of `POST /api/invitations/:token/accept`: where the person now belongs. */
export interface AcceptInvitationDto {
  /** The workspace joined; null for a network or document invitation. */
  workspaceId: string | null;
  /** The document now shared with them; null unless it was a document invitation. */
  documentId: string | null;
}
