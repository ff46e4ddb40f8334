/**
 * Runtime validation of every client→server Socket.IO payload. Ids are opaque strings from
 * the storage adapters, so only their shape (short, printable, no separators) is checked.
 */
import { z } from 'zod';

/** An entity id as the adapters generate it (hex, uuid or ObjectId): bounded and printable. */
export const entityIdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'must be an id');

export const documentRefSchema = z.strictObject({ documentId: entityIdSchema });
export const workspaceRefSchema = z.strictObject({ workspaceId: entityIdSchema });
