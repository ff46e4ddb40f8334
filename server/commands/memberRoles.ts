/**
 * Use cases that change who holds which role in a workspace. Both protect the rule that a
 * workspace always keeps at least one owner (409 `last_owner`).
 */
import type { WorkspaceRole } from '../../shared/domain';
import { ConflictError, NotFoundError } from '../errors';
import type { EventBus } from '../events';
import type { Membership, Storage, User } from '../storage/types';

async function loadTarget(input: {
  storage: Storage;
  workspaceId: string;
  userId: string;
}): Promise<Membership> {
  const membership = await input.storage.getMembership(input);
  if (!membership) throw new NotFoundError('That person is not a member of this workspace.');
  return membership;
}

/** Throws 409 `last_owner` when `target` is the only owner left. */
async function assertNotLastOwner(input: {
  storage: Storage;
  target: Membership;
  message: string;
}): Promise<void> {
  if (input.target.role !== 'owner') return;
  const members = await input.storage.listMemberships({ workspaceId: input.target.workspaceId });
  const owners = members.filter((member) => member.role === 'owner');
  if (owners.length <= 1) throw new ConflictError(input.message, 'last_owner');
}

/**
 * Runs `write` on `target` under the last-owner rule, in one transaction: refused (409
 * `last_owner`) when the target is the only owner. Concurrent changes cannot both pass:
 * SQLite runs one transaction at a time, and on MongoDB (snapshot isolation) two
 * transactions that each demote a different owner would both still see two owners, so
 * changes that remove an owner first write the workspace record: the second one then meets
 * a write conflict and is retried, and sees the first.
 */
async function writeKeepingAnOwner<T>(input: {
  storage: Storage;
  workspaceId: string;
  userId: string;
  message: string;
  /** Whether the write takes an owner away (only then the rule applies). */
  removesAnOwner: (target: Membership) => boolean;
  write: (tx: Storage, target: Membership) => Promise<T>;
}): Promise<{ target: Membership; result: T }> {
  const { workspaceId, userId, message } = input;
  return input.storage.withTransaction(async (tx) => {
    const target = await loadTarget({ storage: tx, workspaceId, userId });
    if (input.removesAnOwner(target)) {
      await tx.updateWorkspace({ id: workspaceId, patch: {} });
      await assertNotLastOwner({ storage: tx, target, message });
    }
    return { target, result: await input.write(tx, target) };
  });
}

/** Gives a member another role; the last owner cannot be demoted. */
export async function changeMemberRole(input: {
  storage: Storage;
  events: EventBus;
  actor: User;
  workspaceId: string;
  userId: string;
  role: WorkspaceRole;
  ip?: string | null;
}): Promise<Membership> {
  const { storage } = input;
  const { target, result: updated } = await writeKeepingAnOwner({
    storage,
    workspaceId: input.workspaceId,
    userId: input.userId,
    message: 'A workspace needs at least one owner: make someone else owner first.',
    removesAnOwner: (target) => target.role === 'owner' && input.role !== 'owner',
    write: (tx, current) =>
      current.role === input.role
        ? Promise.resolve(current)
        : tx.updateMembership({
            workspaceId: input.workspaceId,
            userId: input.userId,
            role: input.role,
          }),
  });
  if (target.role === input.role) return target;
  await input.events.emit('membership.changed', {
    context: { actor: input.actor, ip: input.ip ?? null },
    workspaceId: input.workspaceId,
    userId: input.userId,
    from: target.role,
    to: input.role,
  });
  return updated;
}

/** Removes a member (or lets them leave); the last owner cannot go. */
export async function removeMember(input: {
  storage: Storage;
  events: EventBus;
  actor: User;
  workspaceId: string;
  userId: string;
  ip?: string | null;
}): Promise<void> {
  const { storage } = input;
  const { target } = await writeKeepingAnOwner({
    storage,
    workspaceId: input.workspaceId,
    userId: input.userId,
    message: 'The last owner cannot leave: make someone else owner first.',
    removesAnOwner: (target) => target.role === 'owner',
    write: (tx) => tx.removeMembership({ workspaceId: input.workspaceId, userId: input.userId }),
  });
  await input.events.emit('membership.removed', {
    context: { actor: input.actor, ip: input.ip ?? null },
    workspaceId: input.workspaceId,
    userId: input.userId,
    role: target.role,
  });
}
