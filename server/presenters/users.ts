/** Users as the API shows them. Explicit field lists: the password hash never leaves the server. */
import type { UserDto } from '../../shared/api/entities';
import type { User } from '../storage/types';

/** A full account (to its owner and to network admins). */
export function presentUser(user: User): UserDto {
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    role: user.role,
    organizationId: user.organizationId,
    isActive: user.isActive,
    emailNotifications: user.emailNotifications,
    emailInvitations: user.emailInvitations,
    createdAt: user.createdAt.toISOString(),
  };
}
