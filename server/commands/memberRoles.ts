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
 * Re-checks after the write: two owners demoting each other at the same moment could both
 * pass the check above. If no owner is left, the change is undone and reported as 409.
 */
async function undoIfOwnerless(input: {
  storage: Storage;
  target: Membership;
  undo: () => Promise<unknown>;
  message: string;
}): Promise<void> {
  if (input.target.role !== 'owner') return;
  const members = await input.storage.listMemberships({ workspaceId: input.target.workspaceId });
  if (members.some((member) => member.role === 'owner')) return;
  await input.undo();
  throw new ConflictError(input.message, 'last_owner');
}

/**
 * Runs `write` on `target` under the last-owner rule: refused (409 `last_owner`) when the
 * target is the only owner, and undone when a concurrent change left no owner after all.
 */
async function writeKeepingAnOwner<T>(input: {
  storage: Storage;
  target: Membership;
  message: string;
  write: () => Promise<T>;
  undo: () => Promise<unknown>;
}): Promise<T> {
  const { storage, target, message } = input;
  await assertNotLastOwner({ storage, target, message });
  const result = await input.write();
  await undoIfOwnerless({ storage, target, undo: input.undo, message });
  return result;
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
  const target = await loadTarget(input);
  if (target.role === input.role) return target;
  // A target who is an owner is being demoted here (same role returned above), so the
  // guard is exactly "the last owner cannot be demoted".
  const updated = await writeKeepingAnOwner({
    storage,
    target,
    message: 'A workspace needs at least one owner: make someone else owner first.',
    write: () =>
      storage.updateMembership({
        workspaceId: input.workspaceId,
        userId: input.userId,
        role: input.role,
      }),
    undo: () =>
      storage.updateMembership({
        workspaceId: target.workspaceId,
        userId: target.userId,
        role: target.role,
      }),
  });
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
  const target = await loadTarget(input);
  await writeKeepingAnOwner({
    storage,
    target,
    message: 'The last owner cannot leave: make someone else owner first.',
    write: () => storage.removeMembership({ workspaceId: input.workspaceId, userId: input.userId }),
    undo: () =>
      storage.addMembership({
        workspaceId: target.workspaceId,
        userId: target.userId,
        role: target.role,
      }),
  });
  await input.events.emit('membership.removed', {
    context: { actor: input.actor, ip: input.ip ?? null },
    workspaceId: input.workspaceId,
    userId: input.userId,
    role: target.role,
  });
}
