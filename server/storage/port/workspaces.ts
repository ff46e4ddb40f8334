/** The storage port for workspaces and their memberships. */
import type { WorkspaceRole } from '../../../shared/domain';

export interface Workspace {
  id: string;
  name: string;
  description: string;
  isArchived: boolean;
  createdById: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface Membership {
  workspaceId: string;
  userId: string;
  role: WorkspaceRole;
  createdAt: Date;
  updatedAt: Date;
}

export type WorkspacePatch = Partial<Pick<Workspace, 'name' | 'description' | 'isArchived'>>;

/** Workspaces and memberships (`sqlite/workspaces.ts`, `mongo/workspaces.ts`). */
export interface WorkspaceMethods {
  createWorkspace(input: {
    name: string;
    description?: string;
    createdById: string;
  }): Promise<Workspace>;
  getWorkspace(input: { id: string }): Promise<Workspace | null>;
  /** Workspaces the user is a member of, newest first. */
  listWorkspacesForUser(input: { userId: string }): Promise<Workspace[]>;
  updateWorkspace(input: { id: string; patch: WorkspacePatch }): Promise<Workspace>;
  /** ConflictError when the user is already a member. */
  addMembership(input: {
    workspaceId: string;
    userId: string;
    role: WorkspaceRole;
  }): Promise<Membership>;
  getMembership(input: { workspaceId: string; userId: string }): Promise<Membership | null>;
  /** Oldest first. */
  listMemberships(input: { workspaceId: string }): Promise<Membership[]>;
  /** Oldest first. */
  listMembershipsForUser(input: { userId: string }): Promise<Membership[]>;
  updateMembership(input: {
    workspaceId: string;
    userId: string;
    role: WorkspaceRole;
  }): Promise<Membership>;
  removeMembership(input: { workspaceId: string; userId: string }): Promise<void>;
}
