/** The audit log's action names and the query of `GET /api/audit` (network admin). */
import { z } from 'zod';

/**
 * Every action the server records, in one typed list: `recordAudit` accepts only these, so a
 * name cannot drift between the place that writes it and an admin filtering by it.
 */
export const AUDIT_ACTIONS = [
  'auth.registered',
  'auth.login',
  'auth.login_failed',
  'auth.logout',
  'auth.rate_limited',
  'auth.password_changed',
  'auth.password_change_failed',
  'user.updated',
  'user.role_changed',
  'user.deactivated',
  'user.reactivated',
  'organization.created',
  'organization.updated',
  'organization.deleted',
  'settings.updated',
  'invitation.created',
  'invitation.approved',
  'invitation.revoked',
  'workspace.created',
  'workspace.updated',
  'membership.added',
  'membership.role_changed',
  'membership.removed',
  'document.updated',
  'document.status_changed',
  'document.trashed',
  'document.restored',
  'document.purged',
  'document.template_applied',
  'document.version_restored',
  'document.shared',
  'document.unshared',
  'demo.seeded',
] as const;
/** One audit action name (dotted, stable). */
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** Newest first, `limit` per page; pass the last event's `at` as `before` for the next page. */
export const ListAuditQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  before: z.iso
    .datetime({ offset: true })
    .transform((value) => new Date(value))
    .optional(),
  action: z
    .string()
    .regex(/^[a-z_.]{1,64}$/, 'not an audit action name')
    .optional(),
});
