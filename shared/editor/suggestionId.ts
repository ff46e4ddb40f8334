/**
 * Suggestion ids: one generated id per suggestion, carried by its `insertion`/`deletion` marks
 * and keying its storage record. The id starts with its author's account id, so the collab
 * server can tell in the message path, without a storage read, whether a suggestion a
 * reviewer's update touches is that reviewer's own (see `server/collab/suggestGuard.ts`).
 * Ids are random, never "highest + 1": two people suggesting at once must not collide.
 */

/** Separates the author's account id from the random part. Account ids never contain it. */
const SEPARATOR = '~';

/** Random characters per id (base 36): about 83 bits. */
const RANDOM_LENGTH = 16;

/** A fresh suggestion id for `authorId` (works in the browser and in Node). */
export function newSuggestionId(authorId: string): string {
  const bytes = new Uint8Array(RANDOM_LENGTH);
  globalThis.crypto.getRandomValues(bytes);
  const random = Array.from(bytes, (byte) => (byte % 36).toString(36)).join('');
  return `${authorId}${SEPARATOR}${random}`;
}

/** The account id a suggestion id names as its author, or null for an id of another shape. */
export function suggestionAuthorId(id: unknown): string | null {
  if (typeof id !== 'string' || id.length > 200) return null;
  const at = id.indexOf(SEPARATOR);
  if (at <= 0 || at === id.length - 1 || id.indexOf(SEPARATOR, at + 1) !== -1) return null;
  return id.slice(0, at);
}

/** Whether `id` is a well-formed suggestion id of `authorId`. */
export function isSuggestionOf(id: unknown, authorId: string): boolean {
  return suggestionAuthorId(id) === authorId;
}
