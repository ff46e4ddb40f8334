/** Users and their sign-in sessions in SQLite. */
import { randomUUID } from 'node:crypto';
import type { UserRole } from '../../../shared/domain';
import { userNotFound } from '../notFound';
import type { Session, User, UserPatch } from '../types';
import type { UserMethods } from '../port/users';
import { compilePatch, encode, fromFlag, fromMs, toMs, type PatchColumns } from './codec';
import { normalizeEmail } from '../normalize';
import type { SqliteContext } from './database';
import { translateSqlite } from './errors';

interface UserRow {
  id: string;
  name: string;
  email: string;
  role: string;
  password_hash: string;
  organization_id: string | null;
  is_active: number;
  email_notifications: number;
  email_invitations: number;
  created_at: number;
  updated_at: number;
}

interface SessionRow {
  id: string;
  user_id: string;
  created_at: number;
  expires_at: number;
}

const USER_COLUMNS: PatchColumns<UserPatch> = {
  name: { column: 'name', encode: encode.text },
  email: { column: 'email', encode: encode.email },
  role: { column: 'role', encode: encode.text },
  passwordHash: { column: 'password_hash', encode: encode.text },
  organizationId: { column: 'organization_id', encode: encode.textOrNull },
  isActive: { column: 'is_active', encode: encode.flag },
  emailNotifications: { column: 'email_notifications', encode: encode.flag },
  emailInvitations: { column: 'email_invitations', encode: encode.flag },
};

const EMAIL_TAKEN = {
  conflictCode: 'email_taken' as const,
  conflictMessage: 'That e-mail is already registered.',
};

function toUser(row: UserRow): User {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    role: row.role as UserRole,
    passwordHash: row.password_hash,
    organizationId: row.organization_id,
    isActive: fromFlag(row.is_active),
    emailNotifications: fromFlag(row.email_notifications),
    emailInvitations: fromFlag(row.email_invitations),
    createdAt: fromMs(row.created_at),
    updatedAt: fromMs(row.updated_at),
  };
}

function toSession(row: SessionRow): Session {
  return {
    id: row.id,
    userId: row.user_id,
    createdAt: fromMs(row.created_at),
    expiresAt: fromMs(row.expires_at),
  };
}

/** The user and session half of the SQLite adapter. */
export function createSqliteUsers({ stmt }: SqliteContext): UserMethods {
  const getUserById = (id: string): User | null => {
    const row = stmt('SELECT * FROM users WHERE id = ?').get(id) as UserRow | undefined;
    return row ? toUser(row) : null;
  };

  return {
    async createUser(input) {
      const now = Date.now();
      const id = randomUUID();
      translateSqlite(
        () =>
          stmt(
            `INSERT INTO users (id, name, email, role, password_hash, organization_id, is_active, created_at, updated_at)
             VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?)`,
          ).run(
            id,
            input.name,
            normalizeEmail(input.email),
            input.role,
            input.passwordHash,
            input.organizationId ?? null,
            now,
            now,
          ),
        { ...EMAIL_TAKEN, missingMessage: 'No such organisation.' },
      );
      return getUserById(id) as User;
    },

    async getUserById({ id }) {
      return translateSqlite(() => getUserById(id));
    },

    async getUserByEmail({ email }) {
      const row = translateSqlite(
        () =>
          stmt('SELECT * FROM users WHERE email = ?').get(normalizeEmail(email)) as
            UserRow | undefined,
      );
      return row ? toUser(row) : null;
    },

    async listUsers({ ids }) {
      if (ids && ids.length === 0) return [];
      const rows = translateSqlite(() =>
        ids
          ? stmt(
              `SELECT * FROM users WHERE id IN (SELECT value FROM json_each(?))
               ORDER BY created_at, rowid`,
            ).all(JSON.stringify(ids))
          : stmt('SELECT * FROM users ORDER BY created_at, rowid').all(),
      ) as UserRow[];
      return rows.map(toUser);
    },

    async updateUser({ id, patch }) {
      const { assignments, params } = compilePatch(patch, USER_COLUMNS);
      const result = translateSqlite(
        () =>
          stmt(
            `UPDATE users SET ${[...assignments, 'updated_at = ?'].join(', ')} WHERE id = ?`,
          ).run(...params, Date.now(), id),
        { ...EMAIL_TAKEN, missingMessage: 'No such organisation.' },
      );
      if (result.changes === 0) throw userNotFound();
      return getUserById(id) as User;
    },

    async countUsers() {
      const row = translateSqlite(
        () => stmt('SELECT COUNT(*) AS n FROM users').get() as { n: number },
      );
      return row.n;
    },

    async createSession({ id, userId, expiresAt }) {
      const now = Date.now();
      translateSqlite(
        () =>
          stmt(
            'INSERT INTO sessions (id, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)',
          ).run(id, userId, now, toMs(expiresAt)),
        { conflictMessage: 'That session exists already.', missingMessage: 'No such user.' },
      );
      return { id, userId, createdAt: fromMs(now), expiresAt: new Date(expiresAt.getTime()) };
    },

    async getSession({ id }) {
      const row = translateSqlite(
        () => stmt('SELECT * FROM sessions WHERE id = ?').get(id) as SessionRow | undefined,
      );
      return row ? toSession(row) : null;
    },

    async deleteSession({ id }) {
      // Idempotent on purpose: signing out of an already-ended session is not an error.
      translateSqlite(() => stmt('DELETE FROM sessions WHERE id = ?').run(id));
    },

    async deleteSessionsForUser({ userId, exceptId }) {
      const result = translateSqlite(() =>
        stmt('DELETE FROM sessions WHERE user_id = ? AND id IS NOT ?').run(
          userId,
          exceptId ?? null,
        ),
      );
      return result.changes;
    },
  };
}
