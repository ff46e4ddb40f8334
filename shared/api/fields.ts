/** Field schemas reused by several request schemas (one definition of "an e-mail", "an id", …). */
import { z } from 'zod';

/** An e-mail address, trimmed and lower-cased (how the server stores and compares them). */
export const emailField = z.string().trim().toLowerCase().pipe(z.email().max(254));

/** A person's display name. */
export const nameField = z.string().trim().min(1).max(100);

/** A new password: long enough to resist guessing, bounded so hashing stays cheap. */
export const passwordField = z.string().min(8, 'must be at least 8 characters').max(200);

/** An opaque entity id as the server issues them. */
export const idField = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'not a valid id');

/** `:id` route parameter. */
export const IdParams = z.object({ id: idField });
