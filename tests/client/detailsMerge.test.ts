/**
 * The details panel's three-way merge: a change made by only one side is kept, list fields
 * merge additions and removals, and only a single value changed differently by both sides is
 * a conflict (never overwritten). Also which fields a draft changed and the PATCH it sends.
 */
import { describe, expect, it } from 'vitest';
import {
  changedFields,
  mergeDetails,
  patchOf,
  type DetailsFields,
} from '../../client/src/editor/detailsMerge';

const base: DetailsFields = {
  title: 'Housing guideline',
  kind: 'guideline',
  cityId: '',
  policyAreas: ['housing'],
  stakeholders: [],
  language: 'en',
};

describe('mergeDetails', () => {
  it('keeps my change and theirs when they touch different fields', () => {
    const mine = { ...base, cityId: 'city-1' };
    const theirs = { ...base, title: 'Housing guideline 2026' };
    expect(mergeDetails({ base, mine, theirs })).toEqual({
      merged: { ...base, cityId: 'city-1', title: 'Housing guideline 2026' },
      conflicts: {},
    });
  });

  it('merges list additions and removals of both sides', () => {
    const mine = { ...base, policyAreas: ['housing' as const, 'equality-diversity' as const] };
    const theirs = { ...base, policyAreas: ['other' as const] };
    const { merged, conflicts } = mergeDetails({ base, mine, theirs });
    expect([...merged.policyAreas].sort()).toEqual(['equality-diversity', 'other']);
    expect(conflicts).toEqual({});
  });

  it('reports a conflict, keeping mine in the draft, when both changed a title differently', () => {
    const mine = { ...base, title: 'Mine' };
    const theirs = { ...base, title: 'Theirs', kind: 'minutes' as const };
    expect(mergeDetails({ base, mine, theirs })).toEqual({
      merged: { ...base, title: 'Mine', kind: 'minutes' },
      conflicts: { title: 'Theirs' },
    });
  });

  it('merges a language change of one side, and a different one on both sides is a conflict', () => {
    const mine = { ...base, language: 'fr' as const };
    expect(mergeDetails({ base, mine, theirs: base }).merged.language).toBe('fr');
    expect(mergeDetails({ base, mine: base, theirs: mine }).merged.language).toBe('fr');
    const theirs = { ...base, language: 'it' as const };
    expect(mergeDetails({ base, mine, theirs })).toMatchObject({
      merged: { language: 'fr' },
      conflicts: { language: 'it' },
    });
    expect(patchOf(base, mine)).toEqual({ language: 'fr' });
  });

  it('is no conflict when both made the same change', () => {
    const same = { ...base, cityId: 'city-2' };
    expect(mergeDetails({ base, mine: same, theirs: same }).conflicts).toEqual({});
  });
});

describe('changedFields and patchOf', () => {
  it('lists changed fields, lists compared as sets, and sends no city as null', () => {
    const draft = { ...base, cityId: '', policyAreas: ['housing' as const], title: 'New' };
    expect(changedFields(base, draft)).toEqual(['title']);
    const cleared = { ...base, cityId: 'city-1' };
    expect(patchOf(cleared, base)).toEqual({ cityId: null });
    const reordered = { ...base, policyAreas: ['equality-diversity' as const, 'housing' as const] };
    const grown = { ...base, policyAreas: ['housing' as const, 'equality-diversity' as const] };
    expect(changedFields(reordered, grown)).toEqual([]);
  });
});
