/**
 * The MongoDB search query builder (pure): the MongoDB emulator used in CI cannot run `$text`,
 * so the query itself is pinned here; the adapter runs it unchanged.
 */
import { Types } from 'mongoose';
import { describe, expect, it } from 'vitest';
import { buildSnippet } from '../../server/search/snippet';
import { searchTerms } from '../../server/search/terms';
import { buildMongoSearchQuery, foldSearchText } from '../../server/storage/mongo/searchQuery';

/** The query as plain JSON (mongoose's `trusted` marker is a symbol, dropped here). */
const plain = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

describe('mongo search query', () => {
  it('folds the stored text into space-separated words', () => {
    expect(foldSearchText(['Länder-Koordination', "C'EST  la vie"])).toBe(
      ' lander koordination c est la vie ',
    );
  });

  it('requires every term as the start of a word, ranks complete words with $text', () => {
    const workspaceId = new Types.ObjectId();
    const sharedId = new Types.ObjectId();
    const query = buildMongoSearchQuery({
      terms: searchTerms('Allocation MÉDI'),
      reach: { workspaceIds: [workspaceId], documentIds: [sharedId] },
      filter: { kind: 'guideline' },
    });
    expect(query?.usesText).toBe(true);
    expect(plain(query?.filter)).toEqual({
      deletedAt: null,
      kind: 'guideline',
      $and: [
        { searchFolded: { $regex: ' allocation' } },
        { searchFolded: { $regex: ' medi' } },
        {
          $or: [
            { workspaceId: { $in: [workspaceId.toHexString()] } },
            { _id: { $in: [sharedId.toHexString()] } },
          ],
        },
      ],
      $text: { $search: 'allocation', $caseSensitive: false },
    });
  });

  it('uses no $text for one word being typed, and escapes regular-expression syntax', () => {
    const query = buildMongoSearchQuery({
      terms: ['a.b'],
      reach: null,
      filter: {},
    });
    // `a.b` is two words to the folded text (only letters and digits reach a regex): each
    // must start a word.
    expect(plain(query?.filter)).toEqual({
      deletedAt: null,
      $and: [{ searchFolded: { $regex: ' a' } }, { searchFolded: { $regex: ' b' } }],
    });
    expect(query?.usesText).toBe(false);
    const regexy = buildMongoSearchQuery({ terms: ['x'], reach: null, filter: {} });
    expect(JSON.stringify(regexy)).not.toContain('$where');
  });

  it('matches nothing for no terms, an impossible city id, or no workspaces', () => {
    expect(buildMongoSearchQuery({ terms: [], reach: null, filter: {} })).toBeNull();
    expect(
      buildMongoSearchQuery({ terms: ['x'], reach: null, filter: { cityId: 'nope' } }),
    ).toBeNull();
    const noWorkspaces = buildMongoSearchQuery({
      terms: ['x'],
      reach: { workspaceIds: [], documentIds: [] },
      filter: {},
    });
    expect(plain(noWorkspaces?.filter)).toMatchObject({
      $and: [{}, { $or: [{ workspaceId: { $in: [] } }, { _id: { $in: [] } }] }],
    });
  });

  it('builds snippets around the first match with every matched word’s range', () => {
    const text = `${'intro '.repeat(30)}The Länder allocate housing; landlords mediate.`;
    const snippet = buildSnippet(text, ['lander', 'landl']);
    const marked = snippet.highlights.map((h) => snippet.text.slice(h.start, h.end));
    expect(marked).toEqual(['Länder', 'landlords']);
    expect(snippet.text.startsWith('…')).toBe(true);
  });
});
