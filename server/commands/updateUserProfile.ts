/**
 * Changes an account's name, organisation, network role or e-mail settings (digests, invitations). Admins
 * may change anything on anyone (except their own role, so the network never loses its last
 * admin by accident); a member may change only their own name and e-mail settings.
 */
import type { UserRole } from '../../shared/domain';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../errors';
import type { EventBus } from '../events';
import type { Storage, User, UserPatch } from '../storage/types';
import { recordAudit } from './recordAudit';

/** What PATCH /api/users/:id may change. */
export type ProfilePatch = {
  name?: string;
  organizationId?: string | null;
  role?: UserRole;
  emailNotifications?: boolean;
  emailInvitations?: boolean;
};

/** Whether `actor` may apply `patch` to `target` (pure; see the module comment). */
export function canUpdateUser(options: {
  actor: Pick<User, 'id' | 'role'>;
  targetId: string;
  patch: ProfilePatch;
}): boolean {
  const { actor, targetId, patch } = options;
  if (actor.role === 'admin') return true;
  const isSelf = actor.id === targetId;
  const isNameOnly = patch.organizationId === undefined && patch.role === undefined;
  return isSelf && isNameOnly;
}

/** Applies the patch; 403/404/409/400 as described on each check. */
export async function updateUserProfile(options: {
  storage: Storage;
  events: EventBus;
  actor: User;
  userId: string;
  patch: ProfilePatch;
  ip?: string | null;
}): Promise<User> {
  const { storage, actor, userId, patch } = options;
  if (!canUpdateUser({ actor, targetId: userId, patch })) {
    throw new ForbiddenError('You may only change your own name and e-mail setting.');
  }
  const existing = await storage.getUserById({ id: userId });
  if (!existing) throw new NotFoundError('No such user.', 'user_not_found');
  if (patch.role !== undefined && patch.role !== existing.role && userId === actor.id) {
    throw new ConflictError('You cannot change your own role.', 'cannot_change_own_role');
  }
  if (patch.organizationId) {
    const organization = await storage.getOrganization({ id: patch.organizationId });
    if (!organization)
      throw new ValidationError('No such organisation.', undefined, 'organization_not_found');
  }

  const changes: UserPatch = {};
  if (patch.name !== undefined) changes.name = patch.name;
  if (patch.organizationId !== undefined) changes.organizationId = patch.organizationId;
  if (patch.role !== undefined) changes.role = patch.role;
  if (patch.emailNotifications !== undefined) changes.emailNotifications = patch.emailNotifications;
  if (patch.emailInvitations !== undefined) changes.emailInvitations = patch.emailInvitations;
  const user = await storage.updateUser({ id: userId, patch: changes });
  await recordAudit({
    storage,
    actor,
    action:
      patch.role !== undefined && patch.role !== existing.role
        ? 'user.role_changed'
        : 'user.updated',
    target: { type: 'user', id: userId },
    details: { ...changes, previousRole: existing.role },
    ip: options.ip ?? null,
  });
  if (patch.role !== undefined && patch.role !== existing.role) {
    await options.events.emit('user.roleChanged', {
      context: { actor, ip: options.ip ?? null },
      userId,
      from: existing.role,
      to: patch.role,
    });
  }
  return user;
}
