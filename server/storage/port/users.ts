/** The storage port for accounts and sign-in sessions. */
import type { UserRole } from '../../../shared/domain';

export interface User {
  id: string;
  name: string;
  /** Stored lower-cased; unique. */
  email: string;
  role: UserRole;
  passwordHash: string;
  organizationId: string | null;
  isActive: boolean;
  /**
   * Whether notifications (mentions, replies) not read in the app within the delay are
   * e-mailed as a digest; default true.
   */
  emailNotifications: boolean;
  /** Whether invitations (workspace, network, document shares) are e-mailed; default true. */
  emailInvitations: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export interface Session {
  /** SHA-256 of the cookie token (the raw token is never stored). */
  id: string;
  userId: string;
  createdAt: Date;
  expiresAt: Date;
}

export type UserPatch = Partial<
  Pick<
    User,
    | 'name'
    | 'email'
    | 'role'
    | 'passwordHash'
    | 'organizationId'
    | 'isActive'
    | 'emailNotifications'
    | 'emailInvitations'
  >
>;

/** Accounts and sign-in sessions (`sqlite/users.ts`, `mongo/users.ts`). */
export interface UserMethods {
  createUser(input: {
    name: string;
    email: string;
    role: UserRole;
    passwordHash: string;
    organizationId?: string | null;
  }): Promise<User>;
  getUserById(input: { id: string }): Promise<User | null>;
  getUserByEmail(input: { email: string }): Promise<User | null>;
  /** Oldest first. With `ids`, only those users (unknown ids are ignored; `[]` lists none). */
  listUsers(input: { ids?: string[] }): Promise<User[]>;
  updateUser(input: { id: string; patch: UserPatch }): Promise<User>;
  countUsers(): Promise<number>;

  createSession(input: { id: string; userId: string; expiresAt: Date }): Promise<Session>;
  getSession(input: { id: string }): Promise<Session | null>;
  /** Idempotent: deleting a session that is already gone is not an error. */
  deleteSession(input: { id: string }): Promise<void>;
  /** Ends every session of a user (sign-out everywhere, deactivation, password change). */
  deleteSessionsForUser(input: { userId: string; exceptId?: string }): Promise<number>;
}
