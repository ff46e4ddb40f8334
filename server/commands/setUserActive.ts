/**
 * Deactivates or reactivates an account (network admin). Deactivation ends every session
 * of that user at once, so they are signed out everywhere immediately; an admin cannot
 * deactivate themselves (that could leave the network without an admin).
 */
import { ConflictError, NotFoundError } from '../errors';
import type { EventBus } from '../events';
import type { Storage, User } from '../storage/types';
import { recordAudit } from './recordAudit';

/** Sets `isActive`; idempotent. Throws 404 for an unknown user, 409 for self-deactivation. */
export async function setUserActive(options: {
  storage: Storage;
  events: EventBus;
  actor: { id: string };
  userId: string;
  isActive: boolean;
  ip?: string | null;
}): Promise<{ user: User; endedSessions: number }> {
  const { storage, actor, userId, isActive } = options;
  if (!isActive && userId === actor.id) {
    throw new ConflictError('You cannot deactivate your own account.', 'cannot_deactivate_self');
  }
  const existing = await storage.getUserById({ id: userId });
  if (!existing) throw new NotFoundError('No such user.', 'user_not_found');

  const user =
    existing.isActive === isActive
      ? existing
      : await storage.updateUser({ id: userId, patch: { isActive } });
  const endedSessions = isActive ? 0 : await storage.deleteSessionsForUser({ userId });
  if (existing.isActive !== isActive) {
    await recordAudit({
      storage,
      actor,
      action: isActive ? 'user.reactivated' : 'user.deactivated',
      target: { type: 'user', id: userId },
      details: { email: user.email, endedSessions },
      ip: options.ip ?? null,
    });
  }
  // Emitted even when it was inactive already: any connection left open closes now.
  if (!isActive) {
    await options.events.emit('user.deactivated', {
      context: { actor, ip: options.ip ?? null },
      userId,
    });
  }
  return { user, endedSessions };
}
