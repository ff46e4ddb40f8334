/** Field schemas reused by several request schemas (one definition of "an e-mail", "an id", …). */
import { z } from 'zod';

/** An e-mail address, trimmed and lower-cased (how the server stores and compares them). */
export const emailField = z.string().trim().toLowerCase().pipe(z.email().max(254));

/**
 * Characters that must not appear in anything shown as a name or title (a person's display
 * name, a workspace's name, a document's title):
 * - control characters (C0/C1, including line breaks) and line/paragraph separators, which
 *   break the one-line layouts and logs that show names;
 * - bidirectional marks, embeddings, overrides and isolates (U+061C, U+200E/F, U+202A–E,
 *   U+2066–9): a right-to-left override reverses what follows, so "Olga" can show as
 *   someone else's name or a title can hide its real text;
 * - invisible characters: zero-width space/joiners (U+200B–D), word joiner and invisible
 *   operators (U+2060–4), the BOM (U+FEFF), soft hyphen (U+00AD), Mongolian vowel separator
 *   (U+180E), and the Hangul fillers (U+115F, U+1160, U+3164, U+FFA0) that render as blank
 *   letters, which let two names look identical or a name look empty.
 */
const INVISIBLE_OR_SPOOFING =
  /[\p{Cc}\u00AD\u061C\u115F\u1160\u180E\u200B-\u200F\u2028-\u202E\u2060-\u2064\u2066-\u206F\u3164\uFEFF\uFFA0]/u;

/** The message of a refused name or title: stable, so clients may show it as is. */
export const INVISIBLE_TEXT_MESSAGE =
  'must not contain invisible, control or text-direction characters';

/** Whether `text` is free of the characters in `INVISIBLE_OR_SPOOFING`. */
export function isVisibleText(text: string): boolean {
  return !INVISIBLE_OR_SPOOFING.test(text);
}

/**
 * A trimmed single-line label of at most `max` characters that people read as a name or
 * title: any script, at least one letter or digit (so it cannot look empty), nothing
 * invisible (see `INVISIBLE_OR_SPOOFING`). One definition for every such field.
 */
export function visibleTextField(max: number) {
  // Checked before trimming: trim() would silently drop a leading BOM, not refuse it.
  return z
    .string()
    .refine(isVisibleText, INVISIBLE_TEXT_MESSAGE)
    .trim()
    .min(1)
    .max(max)
    .refine((text) => /[\p{L}\p{N}]/u.test(text), 'must contain a letter or digit');
}

/** A person's display name. */
export const nameField = visibleTextField(100);

/** A new password: long enough to resist guessing, bounded so hashing stays cheap. */
export const passwordField = z.string().min(8, 'must be at least 8 characters').max(200);

/** An opaque entity id as the server issues them. */
export const idField = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'not a valid id');

/** `:id` route parameter. */
export const IdParams = z.object({ id: idField });
