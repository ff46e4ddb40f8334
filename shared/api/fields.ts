/** Field schemas reused by several request schemas (one definition of "an e-mail", "an id", …). */
import { z } from 'zod';

/** An e-mail address, trimmed and lower-cased (how the server stores and compares them). */
export const emailField = z.string().trim().toLowerCase().pipe(z.email().max(254));

/**
 * Control characters (C0/C1, including line breaks), bidirectional overrides and isolates,
 * and line/paragraph separators. In a display name they let one person look like another
 * in presence lists, carets and member lists (a right-to-left override reverses what
 * follows), or break the one-line layouts and logs that show names.
 */
const DISPLAY_SPOOFING = /[\p{Cc}\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\u2028\u2029]/u;

/**
 * A person's display name: any script, but at least one letter or digit (so it cannot be
 * all invisible characters) and none of the characters in `DISPLAY_SPOOFING`.
 */
export const nameField = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .refine(
    (name) => !DISPLAY_SPOOFING.test(name),
    'must not contain control or direction characters',
  )
  .refine((name) => /[\p{L}\p{N}]/u.test(name), 'must contain a letter or digit');

/** A new password: long enough to resist guessing, bounded so hashing stays cheap. */
export const passwordField = z.string().min(8, 'must be at least 8 characters').max(200);

/** An opaque entity id as the server issues them. */
export const idField = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'not a valid id');

/** `:id` route parameter. */
export const IdParams = z.object({ id: idField });
