/**
 * Creates an account. The first account on an empty database becomes the network `admin`
 * (that is how a fresh install is set up); later accounts need a pending invitation for
 * their e-mail, unless an admin turned open registration on. Accepting a workspace
 * invitation also creates that membership.
 */
import { hashPassword } from '../auth/passwords';
import { AppError, ConflictError, ForbiddenError, ValidationError } from '../errors';
import type { Invitation, Storage, User } from '../storage/types';
import { acceptInvitation } from './acceptInvitation';
import { findUsableInvitation } from './findInvitation';
import { readNetworkSettings } from './networkSettings';
import { recordAudit } from './recordAudit';

function invalidInvitation(): AppError {
  return new ValidationError(
    'This invitation is unknown, expired or already used.',
    undefined,
    'invalid_invitation',
  );
}

/**
 * Which invitation (if any) lets this e-mail register; throws when none does. An invitation
 * still awaiting an admin's approval admits nobody while open registration is off.
 */
async function admissionFor(options: {
  storage: Storage;
  email: string;
  inviteToken: string | undefined;
}): Promise<Invitation | null> {
  const { storage, email, inviteToken } = options;
  const settings = await readNetworkSettings({ storage });
  if (inviteToken) {
    const invitation = await findUsableInvitation({ storage, token: inviteToken });
    if (!invitation) throw invalidInvitation();
    if (invitation.email !== email) {
      throw new ValidationError(
        'This invitation was sent to another e-mail address.',
        undefined,
        'invitation_email_mismatch',
      );
    }
    if (invitation.awaitsApproval && !settings.openRegistration) {
      throw new ForbiddenError(
        'This invitation is waiting for a network admin to approve it.',
        'invitation_awaiting_approval',
      );
    }
    return invitation;
  }
  if (!settings.openRegistration) {
    throw new ForbiddenError('Registration is by invitation only.', 'registration_closed');
  }
  return null;
}

/** Creates the account (and the invited membership); the route signs the new user in. */
export async function registerUser(options: {
  storage: Storage;
  name: string;
  email: string;
  password: string;
  inviteToken?: string;
  ip?: string | null;
}): Promise<{ user: User; invitation: Invitation | null }> {
  const { storage, name, password } = options;
  const email = options.email.trim().toLowerCase();

  const isFirstAccount = (await storage.countUsers()) === 0;
  const invitation = isFirstAccount
    ? null
    : await admissionFor({ storage, email, inviteToken: options.inviteToken });
  if (await storage.getUserByEmail({ email })) {
    throw new ConflictError('An account with that e-mail already exists.', 'email_taken');
  }

  const passwordHash = await hashPassword(password);
  let user: User;
  try {
    user = await storage.createUser({
      name,
      email,
      passwordHash,
      role: isFirstAccount ? 'admin' : 'member',
    });
  } catch (error) {
    // Lost a race with a concurrent registration of the same e-mail.
    if (error instanceof ConflictError)
      throw new ConflictError('An account with that e-mail already exists.', 'email_taken');
    throw error;
  }

  if (invitation) await acceptInvitation({ storage, invitation, user, ip: options.ip ?? null });
  await recordAudit({
    storage,
    actor: user,
    action: 'auth.registered',
    target: { type: 'user', id: user.id },
    details: { email, role: user.role, invitationId: invitation?.id ?? null },
    ip: options.ip ?? null,
  });
  return { user, invitation };
}
