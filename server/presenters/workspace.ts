/** Turns a workspace record into what the API sends, with the caller's role and abilities. */
import type { WorkspaceDto } from '../../shared/api/entities';
import { workspaceAbilities } from '../policies/abilities';
import { effectiveRole } from '../policies/role';
import type { Workspace } from '../storage/types';
import type { Caller } from './caller';

/**
 * The caller's view of a workspace: `role` is their effective role (admins act as owners),
 * `abilities` what the policies let them do. Only for callers who may see it.
 */
export function presentWorkspace(workspace: Workspace, caller: Caller): WorkspaceDto {
  const role = effectiveRole(caller.actor, caller.membership);
  // A route presents a workspace only after its access check: no role here is a bug.
  if (!role) throw new Error(`Presenting workspace ${workspace.id} to a caller without access.`);
  return {
    id: workspace.id,
    name: workspace.name,
    description: workspace.description,
    isArchived: workspace.isArchived,
    createdAt: workspace.createdAt.toISOString(),
    updatedAt: workspace.updatedAt.toISOString(),
    role,
    abilities: workspaceAbilities(caller.actor, caller.membership, workspace),
  };
}
