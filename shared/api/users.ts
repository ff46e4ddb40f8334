/** Request schemas of `/api/users/*` and `/api/invitations` (network admin). */
import { z } from 'zod';
import { USER_ROLES } from '../domain';
import { emailField, idField, nameField } from './fields';

/**
 * `PATCH /api/users/:id`: admins may set every field; a member only their own name and e-mail
 * settings (`emailNotifications`: digests of unread notifications; `emailInvitations`).
 */
export const UpdateUserBody = z
  .object({
    name: nameField.optional(),
    organizationId: idField.nullable().optional(),
    role: z.enum(USER_ROLES).optional(),
    emailNotifications: z.boolean().optional(),
    emailInvitations: z.boolean().optional(),
  })
  .refine((body) => Object.values(body).some((value) => value !== undefined), 'nothing to change');
export type UpdateUserBody = z.infer<typeof UpdateUserBody>;

/** `POST /api/invitations`: a network-level invitation (an account, no workspace). */
export const CreateInvitationBody = z.object({ email: emailField });
export type CreateInvitationBody = z.infer<typeof CreateInvitationBody>;
