/** The audit log and network settings (key → JSON value) in SQLite. */
import { randomUUID } from 'node:crypto';
import type { AuditEvent } from '../types';
import type { AuditMethods } from '../port/audit';
import { fromJson, fromMs, toJson, toMs, type SqlValue } from './codec';
import type { SqliteContext } from './database';
import { translateSqlite } from './errors';

interface AuditRow {
  id: string;
  at: number;
  actor_id: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  details: string;
  ip: string | null;
}

function toAuditEvent(row: AuditRow): AuditEvent {
  return {
    id: row.id,
    at: fromMs(row.at),
    actorId: row.actor_id,
    action: row.action,
    targetType: row.target_type,
    targetId: row.target_id,
    details: fromJson<Record<string, unknown>>(row.details),
    ip: row.ip,
  };
}

/** The audit-log and settings part of the SQLite adapter. */
export function createSqliteAudit({ stmt }: SqliteContext): AuditMethods {
  return {
    async appendAudit(input) {
      const id = randomUUID();
      const at = input.at ?? new Date();
      translateSqlite(() =>
        stmt(
          `INSERT INTO audit_events (id, at, actor_id, action, target_type, target_id, details, ip)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        ).run(
          id,
          toMs(at),
          input.actorId,
          input.action,
          input.targetType,
          input.targetId,
          toJson(input.details ?? {}),
          input.ip,
        ),
      );
      const row = stmt('SELECT * FROM audit_events WHERE id = ?').get(id) as AuditRow;
      return toAuditEvent(row);
    },

    async listAudit({ limit, before, action }) {
      if (limit <= 0) return [];
      const conditions: string[] = [];
      const params: SqlValue[] = [];
      if (before !== undefined) {
        conditions.push('at < ?');
        params.push(toMs(before));
      }
      if (action !== undefined) {
        conditions.push('action = ?');
        params.push(action);
      }
      const where = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
      const rows = translateSqlite(() =>
        stmt(`SELECT * FROM audit_events ${where} ORDER BY at DESC, rowid DESC LIMIT ?`).all(
          ...params,
          Math.floor(limit),
        ),
      ) as AuditRow[];
      return rows.map(toAuditEvent);
    },

    async getSetting<T>({ key }: { key: string }): Promise<T | null> {
      const row = translateSqlite(
        () =>
          stmt('SELECT value FROM settings WHERE key = ?').get(key) as
            { value: string } | undefined,
      );
      return row ? fromJson<T>(row.value) : null;
    },

    async setSetting({ key, value }) {
      translateSqlite(() =>
        stmt(
          `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
           ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
        ).run(key, toJson(value), Date.now()),
      );
    },
  };
}
