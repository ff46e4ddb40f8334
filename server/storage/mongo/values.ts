/**
 * Conversions at the MongoDB boundary: string ids ⇄ ObjectIds, Binary/Buffer ⇄ Uint8Array,
 * and the coercions that keep client values from ever becoming query operators.
 */
import mongoose, { Types } from 'mongoose';
import { NotFoundError } from '../../errors';

// Lower case only: ids are opaque and compared exactly (as on SQLite); the adapter hands
// out `toHexString()`, so an upper-cased copy is another id, which matches nothing.
const OBJECT_ID_PATTERN = /^[0-9a-f]{24}$/;

/** The ObjectId an id stands for, or null when it cannot be one (so it matches nothing). */
export function toObjectId(id: unknown): Types.ObjectId | null {
  if (typeof id !== 'string' || !OBJECT_ID_PATTERN.test(id)) return null;
  return new Types.ObjectId(id);
}

/** Like `toObjectId`, for a reference that must exist: a malformed one is "not found". */
export function requireObjectId(id: unknown, message: string): Types.ObjectId {
  const objectId = toObjectId(id);
  if (!objectId) throw new NotFoundError(message, 'reference_not_found');
  return objectId;
}

/** A nullable reference: null stays null, anything else must be a well-formed id. */
export function optionalObjectId(
  id: string | null | undefined,
  message: string,
): Types.ObjectId | null {
  if (id === null || id === undefined) return null;
  return requireObjectId(id, message);
}

/** Ids present in `ids` that can be ObjectIds (others can match nothing). */
export function toObjectIds(ids: readonly string[]): Types.ObjectId[] {
  return ids.map(toObjectId).filter((id): id is Types.ObjectId => id !== null);
}

export const idOf = (id: Types.ObjectId): string => id.toHexString();
export const idOrNull = (id: Types.ObjectId | null | undefined): string | null =>
  id ? id.toHexString() : null;

/**
 * Coerces a value that must be a plain string before it goes into a query, so an object
 * smuggled past validation (`{ $gt: '' }`) becomes an inert string.
 */
export function asString<T extends string>(value: T): T {
  return String(value) as T;
}

/** Stored bytes as a fresh plain Uint8Array, whether the driver gave a Buffer or a Binary. */
export function toBytes(value: unknown): Uint8Array {
  // A Binary's buffer may have spare capacity beyond `position`: copy only the data.
  if (value instanceof mongoose.mongo.Binary)
    return new Uint8Array(value.buffer.subarray(0, value.position));
  if (value instanceof Uint8Array) return new Uint8Array(value);
  throw new TypeError('expected binary data from MongoDB');
}

/** Bytes to store: a copy, so later changes to the caller's array change nothing stored. */
export function toBuffer(data: Uint8Array): Buffer {
  return Buffer.from(data);
}

/**
 * Escapes a literal string for use inside a regular expression. A NUL character becomes
 * `\x00`: MongoDB refuses a pattern with an embedded null byte, so a search for one
 * would fail with a server error instead of finding nothing or the match.
 */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\0/g, '\\x00');
}

/**
 * The cursor limit for the port's `limit`: `undefined` lists everything, `null` lists
 * nothing. MongoDB reads `limit(0)` as "no limit", so a limit that floors to 0 (such as
 * `0.5`, which SQLite's `LIMIT 0` answers with no rows) must never reach the cursor.
 */
export function toCursorLimit(limit: number | undefined): number | null | undefined {
  if (limit === undefined || limit === Infinity) return undefined;
  const whole = Math.floor(limit);
  return Number.isFinite(whole) && whole > 0 ? whole : null;
}

/** Anything with mongoose's `exists` (every model). */
interface Existence {
  exists(filter: { _id: Types.ObjectId }): PromiseLike<unknown>;
}

/**
 * Checks that a referenced row exists, as SQLite's foreign keys do, so both engines refuse
 * the same writes (`reference_not_found`). Skipped on the hot path (the Yjs log).
 */
export async function requireExisting(
  model: Existence,
  id: string,
  message: string,
): Promise<Types.ObjectId>;
export async function requireExisting(
  model: Existence,
  id: string | null | undefined,
  message: string,
): Promise<Types.ObjectId | null>;
export async function requireExisting(
  model: Existence,
  id: string | null | undefined,
  message: string,
): Promise<Types.ObjectId | null> {
  if (id === null || id === undefined) return null;
  const objectId = requireObjectId(id, message);
  const found = await model.exists({ _id: objectId });
  if (!found) throw new NotFoundError(message, 'reference_not_found');
  return objectId;
}

/**
 * The plain record with id `id` in `model`, or null when there is none or `id` cannot be an
 * ObjectId (so a malformed id answers "not found", as on SQLite).
 */
export async function findLeanById<Doc>(
  model: mongoose.Model<Doc>,
  id: string,
): Promise<Doc | null> {
  const objectId = toObjectId(id);
  return objectId ? model.findById(objectId).lean<Doc>() : null;
}
