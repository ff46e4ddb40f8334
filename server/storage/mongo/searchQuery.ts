/**
 * The MongoDB search query, built from the typed search input only (pure, unit-tested):
 * - matching: every term is the beginning of a word of `searchFolded` (title, city name,
 *   policy areas, text and comments with accents and case folded by the adapter, words
 *   separated by single spaces), as an escaped regular expression: all words must match,
 *   accents and case folded, the word being typed matches as a prefix;
 * - ranking: the text index (`documents_text`, diacritic- and case-insensitive) scores the
 *   words before the last one, which are complete (`$text` ORs them; the regexes make it AND);
 *   a one-word query is ordered by last change;
 * - access and facet filters are conditions of the same query.
 * Every operator is `trusted` (the connection sanitises filters) and every value is coerced.
 */
import { trusted } from 'mongoose';
import { foldText } from '../../search/terms';
import type { SearchFilter } from '../port/search';
import { asString, escapeRegExp, toObjectId } from './values';
import type { Types } from 'mongoose';

/** Folded search text: words separated by single spaces, with one space at each end. */
export function foldSearchText(parts: readonly string[]): string {
  const words = foldText(parts.join(' ')).match(/[\p{L}\p{N}]+/gu) ?? [];
  return ` ${words.join(' ')} `;
}

/** A built query: the filter, and whether it uses `$text` (then sort by its score). */
export interface MongoSearchQuery {
  filter: Record<string, unknown>;
  usesText: boolean;
}

/** What a person may search: their workspaces' documents and those shared with them. */
export interface MongoSearchReach {
  workspaceIds: readonly Types.ObjectId[];
  documentIds: readonly Types.ObjectId[];
}

/**
 * The query for `terms` over the documents in `reach` (null: every document), or null
 * when nothing can match (no terms, or a filter id that cannot exist).
 */
export function buildMongoSearchQuery(input: {
  terms: readonly string[];
  reach: MongoSearchReach | null;
  filter: SearchFilter;
}): MongoSearchQuery | null {
  const folded = input.terms.map((term) => foldSearchText([asString(term)]).trim()).filter(Boolean);
  if (folded.length === 0) return null;
  const filter: Record<string, unknown> = { deletedAt: null };
  const reach = input.reach
    ? [
        { workspaceId: trusted({ $in: [...input.reach.workspaceIds] }) },
        { _id: trusted({ $in: [...input.reach.documentIds] }) },
      ]
    : null;
  if (input.filter.kind !== undefined) filter.kind = asString(input.filter.kind);
  if (input.filter.status !== undefined) filter.status = asString(input.filter.status);
  if (input.filter.policyArea !== undefined) filter.policyAreas = asString(input.filter.policyArea);
  if (input.filter.cityId !== undefined) {
    const cityId = toObjectId(input.filter.cityId);
    if (!cityId) return null;
    filter.cityId = cityId;
  }
  // A folded term may itself hold spaces (`c'est` is two words already split by the caller;
  // `Ærø`-like letters fold to one word): each word of it must start a word.
  const words = folded.flatMap((term) =>
    term.split(' ').map((word) => ({
      searchFolded: trusted({ $regex: ` ${escapeRegExp(word)}` }),
    })),
  );
  // The access condition is one more clause of the `$and` (a `$text` query may not sit in an
  // `$or`, but may sit next to one).
  filter.$and = reach ? [...words, { $or: reach }] : words;
  const complete = folded.slice(0, -1);
  if (complete.length === 0) return { filter, usesText: false };
  filter.$text = trusted({ $search: complete.join(' '), $caseSensitive: false });
  return { filter, usesText: true };
}
