/**
 * Appends one event to the audit log. Every security-relevant change goes through here so
 * the shape of targets stays consistent; action names come from the one list `AUDIT_ACTIONS`.
 * Changes that are domain events are recorded by the audit subscriber
 * (`server/events/subscribers/audit.ts`); the rest (sign-in attempts, …) call this directly.
 */
import type { AuditAction } from '../../shared/api/audit';
import type { Actor } from '../policies/role';
import type { AuditEvent, Storage } from '../storage/types';

/** Who did it: a signed-in user, or null for anonymous events (a failed sign-in). */
export type AuditActor = Pick<Actor, 'id'> | null;

/** Records `action` by `actor` on `target`; `ip` comes from the route (commands never see `req`). */
export async function recordAudit(options: {
  storage: Storage;
  actor: AuditActor;
  action: AuditAction;
  target?: { type: string; id: string } | null;
  details?: Record<string, unknown>;
  ip?: string | null;
}): Promise<AuditEvent> {
  return options.storage.appendAudit({
    actorId: options.actor?.id ?? null,
    action: options.action,
    targetType: options.target?.type ?? null,
    targetId: options.target?.id ?? null,
    details: options.details ?? {},
    ip: options.ip ?? null,
  });
}
