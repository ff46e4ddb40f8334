/**
 * What a search query means, engine-independent: the words a person typed (every one must
 * match, the last may be a prefix, accents and case do not matter). Operators and quotes are
 * never syntax: a query is split into runs of letters, digits and combining marks, so `c'est`,
 * `AND`, `NEAR(` or a lone `"` are only words (or nothing) to every engine.
 */

/** At most this many words count (a pasted paragraph must not make a huge query). */
export const MAX_SEARCH_TERMS = 12;
/** Longer words are cut (no real word is longer; a prefix of it still matches). */
const MAX_TERM_CHARS = 64;

/** The words of `query`, in order, without duplicates (case- and accent-insensitively). */
export function searchTerms(query: string): string[] {
  const words = query.normalize('NFC').match(/[\p{L}\p{N}\p{M}]+/gu) ?? [];
  const seen = new Set<string>();
  const terms: string[] = [];
  for (const word of words) {
    const term = word.slice(0, MAX_TERM_CHARS);
    const key = foldText(term);
    if (key === '' || seen.has(key)) continue;
    seen.add(key);
    terms.push(term);
    if (terms.length === MAX_SEARCH_TERMS) break;
  }
  return terms;
}

/**
 * Text with case and accents folded (`Länder` → `lander`, `Ærø` keeps letters without a
 * decomposition), as SQLite's `unicode61 remove_diacritics 2` folds: for engines and
 * snippets that compare text themselves.
 */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}
