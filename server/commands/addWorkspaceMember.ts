/**
 * Use case: an owner adds someone to a workspace by e-mail.
 *
 * A network admin (who sees every account anyway) adds an existing account at once. Anyone
 * else always gets an invitation, whether or not the e-mail has an account: the answer must
 * not tell a member which e-mails have accounts, and nobody is put in a workspace without
 * their consent (an existing account accepts the invitation signed in; a new person registers
 * with it). Who may bring new people into the network is decided by `needsAdminApproval`.
 */
import type { WorkspaceRole } from '../../shared/domain';
import { ConflictError } from '../errors';
import type { Invitation, Membership, Storage, User } from '../storage/types';
import { createInvitation } from './createInvitation';
import { readNetworkSettings } from './networkSettings';
import { recordAudit } from './recordAudit';

/** What adding a member produced: a membership, or an invitation with its one-time token. */
export type AddMemberResult =
  | { kind: 'membership'; membership: Membership; user: User }
  | { kind: 'invitation'; invitation: Invitation; token: string; link: string };

/**
 * Whether an invitation by `actor` must wait for an admin before it can create an account:
 * only admins admit new people while open registration is off. It depends on the actor and
 * the setting only, never on whether the e-mail has an account, so it reveals nothing.
 */
export async function needsAdminApproval(input: {
  storage: Storage;
  actor: Pick<User, 'role'>;
}): Promise<boolean> {
  if (input.actor.role === 'admin') return false;
  const settings = await readNetworkSettings({ storage: input.storage });
  return !settings.openRegistration;
}

/** Adds (admins, existing account) or invites; 409 `already_member` for a current member. */
export async function addWorkspaceMember(input: {
  storage: Storage;
  actor: User;
  workspaceId: string;
  email: string;
  role: WorkspaceRole;
  /** Where the product is reached, for the invitation link. */
  baseUrl: string;
  ip?: string | null;
}): Promise<AddMemberResult> {
  const { storage, actor, workspaceId, role } = input;
  const email = input.email.trim().toLowerCase();
  const user = await storage.getUserByEmail({ email });
  // Members see the member list, so "already a member" tells them nothing new.
  if (user && (await isMember({ storage, workspaceId, userId: user.id }))) throw alreadyMember();
  if (user && actor.role === 'admin') {
    return addExistingAccount({ storage, actor, workspaceId, user, role, ip: input.ip ?? null });
  }
  const created = await createInvitation({
    storage,
    actor,
    email,
    workspaceId,
    role,
    mayHaveAccount: true,
    awaitsApproval: await needsAdminApproval({ storage, actor }),
    baseUrl: input.baseUrl,
    ip: input.ip ?? null,
  });
  return { kind: 'invitation', ...created };
}

async function isMember(input: {
  storage: Storage;
  workspaceId: string;
  userId: string;
}): Promise<boolean> {
  const memberships = await input.storage.listMembershipsForUser({ userId: input.userId });
  return memberships.some((membership) => membership.workspaceId === input.workspaceId);
}

function alreadyMember(): ConflictError {
  return new ConflictError(
    'That person is a member already; change their role instead.',
    'already_member',
  );
}

async function addExistingAccount(input: {
  storage: Storage;
  actor: User;
  workspaceId: string;
  user: User;
  role: WorkspaceRole;
  ip: string | null;
}): Promise<AddMemberResult> {
  const { storage, actor, workspaceId, user, role } = input;
  let membership: Membership;
  try {
    membership = await storage.addMembership({ workspaceId, userId: user.id, role });
  } catch (error) {
    if (error instanceof ConflictError) throw alreadyMember();
    throw error;
  }
  await recordAudit({
    storage,
    actor,
    action: 'membership.added',
    target: { type: 'workspace', id: workspaceId },
    details: { userId: user.id, role },
    ip: input.ip,
  });
  return { kind: 'membership', membership, user };
}
