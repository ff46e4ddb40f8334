/** Request schemas of the workspace and membership endpoints (`/api/workspaces…`). */
import { z } from 'zod';
import { WORKSPACE_ROLES } from '../domain';
import { emailField, idField as ResourceId, visibleTextField } from './fields';

/** A workspace's name, as lists and headings show it. */
const WorkspaceName = visibleTextField(120);

/** `:id` of `/api/workspaces/:id…`. */
export const WorkspaceParams = z.object({ id: ResourceId });

/** `:id` and `:userId` of `/api/workspaces/:id/members/:userId`. */
export const MemberParams = z.object({ id: ResourceId, userId: ResourceId });

/** `:id` and `:invitationId` of `/api/workspaces/:id/invitations/:invitationId`. */
export const WorkspaceInvitationParams = z.object({ id: ResourceId, invitationId: ResourceId });

/** Query string flags arrive as text: `1`/`true` mean yes. */
const QueryFlag = z
  .enum(['1', '0', 'true', 'false'])
  .optional()
  .transform((value) => value === '1' || value === 'true');

/** `POST /api/workspaces`. */
export const CreateWorkspaceBody = z.strictObject({
  name: WorkspaceName,
  description: z.string().trim().max(2000).optional(),
});
export type CreateWorkspaceBody = z.infer<typeof CreateWorkspaceBody>;

/** `GET /api/workspaces?includeArchived=1`. */
export const ListWorkspacesQuery = z.object({ includeArchived: QueryFlag });

/** `PATCH /api/workspaces/:id`: at least one field. */
export const UpdateWorkspaceBody = z
  .strictObject({
    name: WorkspaceName.optional(),
    description: z.string().trim().max(2000).optional(),
    isArchived: z.boolean().optional(),
  })
  .refine((body) => Object.keys(body).length > 0, 'Give at least one field to change.');
export type UpdateWorkspaceBody = z.infer<typeof UpdateWorkspaceBody>;

/** `POST /api/workspaces/:id/members`: an existing account joins, anyone else is invited. */
export const AddMemberBody = z.strictObject({
  email: emailField,
  role: z.enum(WORKSPACE_ROLES),
});
export type AddMemberBody = z.infer<typeof AddMemberBody>;

/** `PATCH /api/workspaces/:id/members/:userId`. */
export const ChangeMemberRoleBody = z.strictObject({ role: z.enum(WORKSPACE_ROLES) });
export type ChangeMemberRoleBody = z.infer<typeof ChangeMemberRoleBody>;
