/**
 * Checks an e-mail and password. Unknown e-mail and wrong password are the same 401
 * `invalid_credentials` (and take the same time), so sign-in does not reveal who has an
 * account; a deactivated account is told so (403 `account_deactivated`) only after the
 * right password. Failed attempts are audited with the e-mail tried.
 */
import { createDecoyHash, verifyPassword } from '../auth/passwords';
import { AppError, ForbiddenError } from '../errors';
import type { Storage, User } from '../storage/types';
import { recordAudit } from './recordAudit';

/** A lazily made decoy hash; per call-site factory so no module-level state is shared. */
export function createDecoy(): () => Promise<string> {
  let decoy: Promise<string> | null = null;
  return () => (decoy ??= createDecoyHash());
}

/** The user whose credentials these are; throws 401/403 otherwise. */
export async function authenticateUser(options: {
  storage: Storage;
  email: string;
  password: string;
  decoyHash: () => Promise<string>;
  ip?: string | null;
}): Promise<User> {
  const { storage, password } = options;
  const email = options.email.trim().toLowerCase();
  const ip = options.ip ?? null;
  const user = await storage.getUserByEmail({ email });
  const isMatch = await verifyPassword({
    password,
    hash: user?.passwordHash ?? (await options.decoyHash()),
  });

  if (!user || !isMatch) {
    await recordAudit({
      storage,
      actor: null,
      action: 'auth.login_failed',
      details: { email },
      ip,
    });
    throw new AppError({
      status: 401,
      code: 'invalid_credentials',
      message: 'Wrong e-mail or password.',
    });
  }
  if (!user.isActive) {
    await recordAudit({
      storage,
      actor: null,
      action: 'auth.login_failed',
      target: { type: 'user', id: user.id },
      details: { email, reason: 'deactivated' },
      ip,
    });
    throw new ForbiddenError('This account has been deactivated.', 'account_deactivated');
  }
  await recordAudit({
    storage,
    actor: user,
    action: 'auth.login',
    target: { type: 'user', id: user.id },
    ip,
  });
  return user;
}
