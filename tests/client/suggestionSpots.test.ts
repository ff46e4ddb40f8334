/**
 * The suggestion card finds its suggestion in the editor (the range "Reply" comments on) and
 * the comment threads on its text (the card's link to its reply thread).
 */
import { describe, expect, it } from 'vitest';
import { suggestionSpots } from '../../client/src/suggestions/suggestionSpots';
import { getEditorSchema } from '../../shared/editor/extensions';

const schema = getEditorSchema();
const text = (value: string, marks: Array<[string, Record<string, string>]> = []) =>
  schema.text(
    value,
    marks.map(([name, attrs]) => schema.marks[name]!.create(attrs)),
  );

describe('suggestion spots', () => {
  it('gives each suggestion its range and the threads on its text', () => {
    const doc = schema.node('doc', null, [
      schema.node('paragraph', null, [
        text('Housing '),
        text('social ', [['insertion', { id: 'u1~a' }]]),
        text('first', [
          ['insertion', { id: 'u1~a' }],
          ['comment', { threadId: 'thread-1' }],
        ]),
        text(' in '),
        text('Stuttgart', [['deletion', { id: 'u2~b' }]]),
      ]),
    ]);
    // Positions: the paragraph opens at 0, its text starts at 1.
    expect(suggestionSpots(doc)).toEqual({
      'u1~a': { from: 9, to: 21, threadIds: ['thread-1'] },
      'u2~b': { from: 25, to: 34, threadIds: [] },
    });
  });
});
