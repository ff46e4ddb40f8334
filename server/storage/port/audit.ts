/** The storage port for the audit log and the network settings. */

export interface AuditEvent {
  id: string;
  at: Date;
  /** Null for anonymous events such as a failed sign-in. */
  actorId: string | null;
  /** Dotted, stable name: `auth.login`, `auth.login_failed`, `membership.role_changed`, … */
  action: string;
  targetType: string | null;
  targetId: string | null;
  details: Record<string, unknown>;
  ip: string | null;
}

/** The audit log and network settings (`sqlite/audit.ts`, `mongo/audit.ts`). */
export interface AuditMethods {
  appendAudit(input: Omit<AuditEvent, 'id' | 'at'> & { at?: Date }): Promise<AuditEvent>;
  /** Newest first. */
  listAudit(input: { limit: number; before?: Date; action?: string }): Promise<AuditEvent[]>;

  // Network settings (key → JSON value; stored as JSON, so Dates come back as strings)
  getSetting<T>(input: { key: string }): Promise<T | null>;
  setSetting(input: { key: string; value: unknown }): Promise<void>;
}
