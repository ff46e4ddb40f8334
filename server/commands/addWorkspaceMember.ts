/**
 * Use case: an owner adds someone by e-mail. An existing account becomes a member at once;
 * an e-mail without an account gets a workspace invitation (registering with its token
 * creates the membership, see `registerUser`).
 */
import type { WorkspaceRole } from '../../shared/domain';
import { ConflictError } from '../errors';
import type { Invitation, Membership, Storage, User } from '../storage/types';
import { createInvitation } from './createInvitation';
import { recordAudit } from './recordAudit';

/** What adding a member produced: a membership, or an invitation with its one-time token. */
export type AddMemberResult =
  | { kind: 'membership'; membership: Membership; user: User }
  | { kind: 'invitation'; invitation: Invitation; token: string; link: string };

/** Adds or invites; 409 `already_member` when the account is in the workspace already. */
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
  if (!user) {
    const created = await createInvitation({
      storage,
      actor,
      email,
      workspaceId,
      role,
      baseUrl: input.baseUrl,
      ip: input.ip ?? null,
    });
    return { kind: 'invitation', ...created };
  }
  let membership: Membership;
  try {
    membership = await storage.addMembership({ workspaceId, userId: user.id, role });
  } catch (error) {
    if (error instanceof ConflictError) {
      throw new ConflictError(
        'That person is a member already; change their role instead.',
        'already_member',
      );
    }
    throw error;
  }
  await recordAudit({
    storage,
    actor,
    action: 'membership.added',
    target: { type: 'workspace', id: workspaceId },
    details: { userId: user.id, role },
    ip: input.ip ?? null,
  });
  return { kind: 'membership', membership, user };
}
