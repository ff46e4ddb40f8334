/**
 * Conversions between domain values and SQLite columns, plus a whitelisted patch compiler
 * so an `update…` never puts a caller-chosen name into SQL.
 */
import { normalizeEmail } from '../normalize';

/** A value better-sqlite3 can bind. */
export type SqlValue = string | number | bigint | Buffer | null;

export const toMs = (date: Date): number => date.getTime();
export const fromMs = (ms: number): Date => new Date(ms);
export const toMsOrNull = (date: Date | null): number | null => (date ? date.getTime() : null);
export const fromMsOrNull = (ms: number | null): Date | null => (ms === null ? null : new Date(ms));
export const toFlag = (value: boolean): number => (value ? 1 : 0);
export const fromFlag = (value: number): boolean => value !== 0;
export const toJson = (value: unknown): string => JSON.stringify(value ?? null);

/** Parses a JSON column written by `toJson`. */
export function fromJson<T>(text: string): T {
  return JSON.parse(text) as T;
}

/** Binds a Yjs update without copying it (better-sqlite3 binds Buffers, not plain Uint8Arrays). */
export function toBlob(data: Uint8Array): Buffer {
  return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
}

/** A fresh plain Uint8Array (a copy), so callers never hold a driver-owned Buffer. */
export function fromBlob(blob: Buffer): Uint8Array {
  return new Uint8Array(blob);
}

const same = <T extends SqlValue>(value: T): T => value;

/** Encoders for patch columns. */
export const encode = {
  text: same<string>,
  textOrNull: same<string | null>,
  integer: same<number>,
  flag: toFlag,
  json: toJson,
  msOrNull: toMsOrNull,
  email: normalizeEmail,
};

/** For each patchable field: its column and how to encode its value. */
export type PatchColumns<P> = {
  [K in keyof P]-?: { column: string; encode: (value: Exclude<P[K], undefined>) => SqlValue };
};

/**
 * Turns a patch into `col = ?` assignments and their parameters. Only fields listed in
 * `columns` are considered; `undefined` fields are left unchanged.
 */
export function compilePatch<P extends object>(
  patch: P,
  columns: PatchColumns<P>,
): { assignments: string[]; params: SqlValue[] } {
  const assignments: string[] = [];
  const params: SqlValue[] = [];
  for (const key of Object.keys(columns) as (keyof P)[]) {
    const value = patch[key];
    if (value === undefined) continue;
    const spec = columns[key];
    assignments.push(`${spec.column} = ?`);
    params.push(spec.encode(value as Exclude<P[keyof P], undefined>));
  }
  return { assignments, params };
}
