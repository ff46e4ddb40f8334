/** Turns a workspace record into what the API sends, with the caller's role in it. */
import type { WorkspaceDto } from '../../shared/api/entities';
import type { WorkspaceRole } from '../../shared/domain';
import type { Workspace } from '../storage/types';

/** The caller's view of a workspace; `role` is their effective role (admins act as owners). */
export function presentWorkspace(workspace: Workspace, role: WorkspaceRole): WorkspaceDto {
  return {
    id: workspace.id,
    name: workspace.name,
    description: workspace.description,
    isArchived: workspace.isArchived,
    createdAt: workspace.createdAt.toISOString(),
    updatedAt: workspace.updatedAt.toISOString(),
    role,
  };
}
