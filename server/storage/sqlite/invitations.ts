/** Invitations (to the network or to a workspace) in SQLite. */
import { randomUUID } from 'node:crypto';
import type { WorkspaceRole } from '../../../shared/domain';
import { ConflictError } from '../../errors';
import { invitationNotFound } from '../notFound';
import type { Invitation } from '../types';
import type { InvitationMethods } from '../port/invitations';
import { fromMs, fromMsOrNull, toMs, type SqlValue } from './codec';
import { normalizeEmail } from '../normalize';
import type { SqliteContext } from './database';
import { translateSqlite } from './errors';

interface InvitationRow {
  id: string;
  token_hash: string;
  email: string;
  workspace_id: string | null;
  role: string | null;
  document_id: string | null;
  invited_by_id: string;
  created_at: number;
  expires_at: number;
  accepted_at: number | null;
  awaits_approval: number;
}

function toInvitation(row: InvitationRow): Invitation {
  return {
    id: row.id,
    tokenHash: row.token_hash,
    email: row.email,
    workspaceId: row.workspace_id,
    role: row.role as WorkspaceRole | null,
    documentId: row.document_id,
    invitedById: row.invited_by_id,
    createdAt: fromMs(row.created_at),
    expiresAt: fromMs(row.expires_at),
    acceptedAt: fromMsOrNull(row.accepted_at),
    awaitsApproval: row.awaits_approval === 1,
  };
}

/** The invitation part of the SQLite adapter. */
export function createSqliteInvitations({ stmt }: SqliteContext): InvitationMethods {
  const get = (id: string): Invitation | null => {
    const row = stmt('SELECT * FROM invitations WHERE id = ?').get(id) as InvitationRow | undefined;
    return row ? toInvitation(row) : null;
  };

  return {
    async createInvitation(input) {
      const id = randomUUID();
      translateSqlite(
        () =>
          stmt(
            `INSERT INTO invitations
               (id, token_hash, email, workspace_id, role, document_id, invited_by_id, created_at,
                expires_at, accepted_at, awaits_approval)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?)`,
          ).run(
            id,
            input.tokenHash,
            normalizeEmail(input.email),
            input.workspaceId,
            input.role,
            input.documentId ?? null,
            input.invitedById,
            Date.now(),
            toMs(input.expiresAt),
            input.awaitsApproval === true ? 1 : 0,
          ),
        {
          conflictCode: 'invitation_exists',
          conflictMessage: 'An invitation with that token exists already.',
          missingMessage: 'No such workspace or document.',
        },
      );
      return get(id) as Invitation;
    },

    async getInvitationByTokenHash({ tokenHash }) {
      const row = translateSqlite(
        () =>
          stmt('SELECT * FROM invitations WHERE token_hash = ?').get(tokenHash) as
            InvitationRow | undefined,
      );
      return row ? toInvitation(row) : null;
    },

    async listInvitations({ workspaceId, documentId, isPending }) {
      // Pending = not accepted and not expired; `isPending: false` = accepted or expired.
      const conditions: string[] = [];
      const params: SqlValue[] = [];
      if (workspaceId !== undefined) {
        conditions.push('workspace_id = ?');
        params.push(workspaceId);
      }
      if (documentId !== undefined) {
        conditions.push('document_id = ?');
        params.push(documentId);
      }
      if (isPending !== undefined) {
        conditions.push(
          isPending
            ? '(accepted_at IS NULL AND expires_at > ?)'
            : '(accepted_at IS NOT NULL OR expires_at <= ?)',
        );
        params.push(Date.now());
      }
      const where = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
      const rows = translateSqlite(() =>
        stmt(`SELECT * FROM invitations ${where} ORDER BY created_at DESC, rowid DESC`).all(
          ...params,
        ),
      ) as InvitationRow[];
      return rows.map(toInvitation);
    },

    async markInvitationAccepted({ id, at }) {
      const result = translateSqlite(() =>
        stmt('UPDATE invitations SET accepted_at = ? WHERE id = ? AND accepted_at IS NULL').run(
          toMs(at),
          id,
        ),
      );
      if (result.changes === 0) {
        if (!get(id)) throw invitationNotFound();
        throw new ConflictError('That invitation has been used already.', 'invitation_used');
      }
      return get(id) as Invitation;
    },

    async approveInvitation({ id }) {
      translateSqlite(() =>
        stmt('UPDATE invitations SET awaits_approval = 0 WHERE id = ?').run(id),
      );
      const invitation = get(id);
      if (!invitation) throw invitationNotFound();
      return invitation;
    },

    async deleteInvitation({ id }) {
      const result = translateSqlite(() => stmt('DELETE FROM invitations WHERE id = ?').run(id));
      if (result.changes === 0) throw invitationNotFound();
    },
  };
}
