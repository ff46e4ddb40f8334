/**
 * SQLite search (FTS5, migration 6): the match expression quotes every term. What search finds
 * on both engines (the index following writes, folding, prefixes, all words, comments, scope)
 * is the storage contract's `contract/search.ts`.
 */
import { describe, expect, it } from 'vitest';
import { searchTerms } from '../../server/search/terms';
import { ftsMatchExpression } from '../../server/storage/sqlite/search';

describe('sqlite search match expression', () => {
  it('quotes every term with a prefix star, doubling quotes', () => {
    expect(ftsMatchExpression(['allocation', 'medi'])).toBe('"allocation"* "medi"*');
    expect(ftsMatchExpression(['a"b'])).toBe('"a""b"*');
    expect(searchTerms('c\'est AND NEAR( " x* title:y')).toEqual([
      'c',
      'est',
      'AND',
      'NEAR',
      'x',
      'title',
      'y',
    ]);
    expect(searchTerms('Länder länder LANDER')).toEqual(['Länder']);
    expect(searchTerms('')).toEqual([]);
  });
});
