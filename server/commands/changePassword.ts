/** Changes a user's own password and ends their other sessions (the current one stays). */
import { hashPassword, verifyPassword } from '../auth/passwords';
import { ValidationError } from '../errors';
import type { Storage, User } from '../storage/types';
import { recordAudit } from './recordAudit';

/** Throws 400 `wrong_password` when `currentPassword` is not theirs. */
export async function changePassword(options: {
  storage: Storage;
  actor: User;
  currentPassword: string;
  newPassword: string;
  currentSessionId: string | null;
  ip?: string | null;
}): Promise<{ endedSessions: number }> {
  const { storage, actor } = options;
  const isMatch = await verifyPassword({
    password: options.currentPassword,
    hash: actor.passwordHash,
  });
  if (!isMatch) {
    // A wrong current password on a live session may be someone else at an unlocked
    // screen trying to take the account over: audited like a failed sign-in.
    await recordAudit({
      storage,
      actor,
      action: 'auth.password_change_failed',
      target: { type: 'user', id: actor.id },
      details: { reason: 'wrong_password' },
      ip: options.ip ?? null,
    });
    throw new ValidationError('The current password is wrong.', undefined, 'wrong_password');
  }
  await storage.updateUser({
    id: actor.id,
    patch: { passwordHash: await hashPassword(options.newPassword) },
  });
  const endedSessions = await storage.deleteSessionsForUser({
    userId: actor.id,
    ...(options.currentSessionId ? { exceptId: options.currentSessionId } : {}),
  });
  await recordAudit({
    storage,
    actor,
    action: 'auth.password_changed',
    target: { type: 'user', id: actor.id },
    details: { endedSessions },
    ip: options.ip ?? null,
  });
  return { endedSessions };
}
