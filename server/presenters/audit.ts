/** Audit events as the admin's audit screen shows them (the IP stays server-side in logs). */
import type { AuditEventDto } from '../../shared/api/entities';
import type { AuditEvent } from '../storage/types';

/** One audit event (explicit fields). */
export function presentAuditEvent(event: AuditEvent): AuditEventDto {
  return {
    id: event.id,
    at: event.at.toISOString(),
    actorId: event.actorId,
    action: event.action,
    targetType: event.targetType,
    targetId: event.targetId,
    details: event.details,
  };
}
