/** Workspaces and memberships in SQLite. */
import { randomUUID } from 'node:crypto';
import type { WorkspaceRole } from '../../../shared/domain';
import { membershipNotFound, workspaceNotFound } from '../notFound';
import type { Membership, Workspace, WorkspacePatch } from '../types';
import type { WorkspaceMethods } from '../port/workspaces';
import { compilePatch, encode, fromFlag, fromMs, type PatchColumns } from './codec';
import type { SqliteContext } from './database';
import { translateSqlite } from './errors';

interface WorkspaceRow {
  id: string;
  name: string;
  description: string;
  is_archived: number;
  created_by_id: string;
  created_at: number;
  updated_at: number;
}

interface MembershipRow {
  workspace_id: string;
  user_id: string;
  role: string;
  created_at: number;
  updated_at: number;
}

const WORKSPACE_COLUMNS: PatchColumns<WorkspacePatch> = {
  name: { column: 'name', encode: encode.text },
  description: { column: 'description', encode: encode.text },
  isArchived: { column: 'is_archived', encode: encode.flag },
};

function toWorkspace(row: WorkspaceRow): Workspace {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    isArchived: fromFlag(row.is_archived),
    createdById: row.created_by_id,
    createdAt: fromMs(row.created_at),
    updatedAt: fromMs(row.updated_at),
  };
}

function toMembership(row: MembershipRow): Membership {
  return {
    workspaceId: row.workspace_id,
    userId: row.user_id,
    role: row.role as WorkspaceRole,
    createdAt: fromMs(row.created_at),
    updatedAt: fromMs(row.updated_at),
  };
}

/** The workspace and membership part of the SQLite adapter. */
export function createSqliteWorkspaces({ stmt }: SqliteContext): WorkspaceMethods {
  const get = (id: string): Workspace | null => {
    const row = stmt('SELECT * FROM workspaces WHERE id = ?').get(id) as WorkspaceRow | undefined;
    return row ? toWorkspace(row) : null;
  };
  const getMembership = (workspaceId: string, userId: string): Membership | null => {
    const row = stmt('SELECT * FROM memberships WHERE workspace_id = ? AND user_id = ?').get(
      workspaceId,
      userId,
    ) as MembershipRow | undefined;
    return row ? toMembership(row) : null;
  };

  return {
    async createWorkspace({ name, description, createdById }) {
      const now = Date.now();
      const id = randomUUID();
      translateSqlite(() =>
        stmt(
          `INSERT INTO workspaces (id, name, description, is_archived, created_by_id, created_at, updated_at)
           VALUES (?, ?, ?, 0, ?, ?, ?)`,
        ).run(id, name, description ?? '', createdById, now, now),
      );
      return get(id) as Workspace;
    },

    async getWorkspace({ id }) {
      return translateSqlite(() => get(id));
    },

    async listWorkspacesForUser({ userId }) {
      const rows = translateSqlite(() =>
        stmt(
          `SELECT w.* FROM workspaces w JOIN memberships m ON m.workspace_id = w.id
           WHERE m.user_id = ? ORDER BY w.created_at DESC, w.rowid DESC`,
        ).all(userId),
      ) as WorkspaceRow[];
      return rows.map(toWorkspace);
    },

    async updateWorkspace({ id, patch }) {
      const { assignments, params } = compilePatch(patch, WORKSPACE_COLUMNS);
      const result = translateSqlite(() =>
        stmt(
          `UPDATE workspaces SET ${[...assignments, 'updated_at = ?'].join(', ')} WHERE id = ?`,
        ).run(...params, Date.now(), id),
      );
      if (result.changes === 0) throw workspaceNotFound();
      return get(id) as Workspace;
    },

    async addMembership({ workspaceId, userId, role }) {
      const now = Date.now();
      translateSqlite(
        () =>
          stmt(
            `INSERT INTO memberships (workspace_id, user_id, role, created_at, updated_at)
             VALUES (?, ?, ?, ?, ?)`,
          ).run(workspaceId, userId, role, now, now),
        {
          conflictCode: 'already_member',
          conflictMessage: 'That user is already a member of this workspace.',
          missingMessage: 'No such workspace or user.',
        },
      );
      return getMembership(workspaceId, userId) as Membership;
    },

    async getMembership({ workspaceId, userId }) {
      return translateSqlite(() => getMembership(workspaceId, userId));
    },

    async listMemberships({ workspaceId }) {
      const rows = translateSqlite(() =>
        stmt('SELECT * FROM memberships WHERE workspace_id = ? ORDER BY created_at, rowid').all(
          workspaceId,
        ),
      ) as MembershipRow[];
      return rows.map(toMembership);
    },

    async listMembershipsForUser({ userId }) {
      const rows = translateSqlite(() =>
        stmt('SELECT * FROM memberships WHERE user_id = ? ORDER BY created_at, rowid').all(userId),
      ) as MembershipRow[];
      return rows.map(toMembership);
    },

    async updateMembership({ workspaceId, userId, role }) {
      const result = translateSqlite(() =>
        stmt(
          'UPDATE memberships SET role = ?, updated_at = ? WHERE workspace_id = ? AND user_id = ?',
        ).run(role, Date.now(), workspaceId, userId),
      );
      if (result.changes === 0) throw membershipNotFound();
      return getMembership(workspaceId, userId) as Membership;
    },

    async removeMembership({ workspaceId, userId }) {
      const result = translateSqlite(() =>
        stmt('DELETE FROM memberships WHERE workspace_id = ? AND user_id = ?').run(
          workspaceId,
          userId,
        ),
      );
      if (result.changes === 0) throw membershipNotFound();
    },
  };
}
