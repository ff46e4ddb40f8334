/** The text side of @-mentions: finding the typed `@query`, suggesting, inserting, splitting. */
import { describe, expect, it } from 'vitest';
import {
  insertMention,
  mentionAtCaret,
  mentionedIds,
  splitMentions,
  suggestPeople,
} from '../../client/src/comments/mentionText';

const people = [
  { id: 'u1', name: 'Rita Reviewer' },
  { id: 'u2', name: 'Émile Ödegaard' },
  { id: 'u3', name: 'Viktor Viewer' },
];

describe('mention text', () => {
  it('finds the @query the caret ends, only at a word start', () => {
    expect(mentionAtCaret('Hi @ri', 6)).toEqual({ start: 3, query: 'ri' });
    expect(mentionAtCaret('@', 1)).toEqual({ start: 0, query: '' });
    expect(mentionAtCaret('mail@ri', 7)).toBeNull();
    expect(mentionAtCaret('Hi @ri and', 10)).toBeNull();
  });

  it('suggests by any word of the name, ignoring case and accents', () => {
    expect(suggestPeople(people, 'vie').map((p) => p.id)).toEqual(['u3']);
    expect(suggestPeople(people, 'REV').map((p) => p.id)).toEqual(['u1']);
    expect(suggestPeople(people, 'ode').map((p) => p.id)).toEqual(['u2']);
    expect(suggestPeople(people, 'emi').map((p) => p.id)).toEqual(['u2']);
    expect(suggestPeople(people, '')).toHaveLength(3);
    expect(suggestPeople(people, 'zz')).toEqual([]);
  });

  it('inserts the chosen name and keeps only mentions still in the body', () => {
    const typed = 'See @ri please';
    const done = insertMention(typed, { start: 4, query: 'ri' }, people[0]!);
    expect(done).toEqual({ text: 'See @Rita Reviewer  please', caret: 19 });
    expect(mentionedIds(done.text, [people[0]!, people[2]!, people[0]!])).toEqual(['u1']);
  });

  it('splits a body into text and mentions, longest name first', () => {
    const long = { id: 'u4', name: 'Rita Reviewer Jr' };
    expect(splitMentions('@Rita Reviewer Jr and @Rita Reviewer: <b>', [people[0]!, long])).toEqual([
      { text: '@Rita Reviewer Jr', mention: long },
      { text: ' and ', mention: null },
      { text: '@Rita Reviewer', mention: people[0] },
      { text: ': <b>', mention: null },
    ]);
    expect(splitMentions('no one (a+b)', [])).toEqual([{ text: 'no one (a+b)', mention: null }]);
  });
});
