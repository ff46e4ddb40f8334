/** The audit log and network settings (key → JSON value) in MongoDB. */
import { trusted } from 'mongoose';
import { toJsonValue } from '../normalize';
import type { AuditEvent } from '../types';
import type { AuditMethods } from '../port/audit';
import type { MongoContext } from './context';
import type { AuditDoc, SettingDoc } from './records';
import { asString, idOf, toCursorLimit } from './values';

function toAuditEvent(doc: AuditDoc): AuditEvent {
  return {
    id: idOf(doc._id),
    at: doc.at,
    actorId: doc.actorId ?? null,
    action: doc.action,
    targetType: doc.targetType ?? null,
    targetId: doc.targetId ?? null,
    details: toJsonValue(doc.details ?? {}) as Record<string, unknown>,
    ip: doc.ip ?? null,
  };
}

const nullableString = (value: string | null): string | null =>
  value === null ? null : String(value);

/** The audit-log and settings part of the MongoDB adapter. */
export function createMongoAudit({ models, run }: MongoContext): AuditMethods {
  const { Audit, Setting } = models;

  return {
    appendAudit: (input) =>
      run(async () => {
        const created = await Audit.create({
          at: input.at ? new Date(input.at.getTime()) : new Date(),
          actorId: nullableString(input.actorId),
          action: asString(input.action),
          targetType: nullableString(input.targetType),
          targetId: nullableString(input.targetId),
          details: toJsonValue(input.details ?? {}) as Record<string, unknown>,
          ip: nullableString(input.ip),
        });
        return toAuditEvent(created.toObject());
      }),

    listAudit: ({ limit, before, action }) =>
      run(async () => {
        const cursorLimit = toCursorLimit(limit);
        if (cursorLimit === null) return [];
        const filter: Record<string, unknown> = {};
        if (before !== undefined) filter.at = trusted({ $lt: new Date(before.getTime()) });
        if (action !== undefined) filter.action = asString(action);
        const cursor = Audit.find(filter).sort({ at: -1, _id: -1 });
        if (cursorLimit !== undefined) cursor.limit(cursorLimit);
        const docs = await cursor.lean<AuditDoc[]>();
        return docs.map(toAuditEvent);
      }),

    getSetting: <T>({ key }: { key: string }) =>
      run(async (): Promise<T | null> => {
        const doc = await Setting.findById(asString(key)).lean<SettingDoc>();
        if (!doc) return null;
        return toJsonValue(doc.value ?? null) as T | null;
      }),

    setSetting: ({ key, value }) =>
      run(async () => {
        await Setting.updateOne(
          { _id: asString(key) },
          { $set: { value: toJsonValue(value) } },
          { upsert: true },
        );
      }),
  };
}
