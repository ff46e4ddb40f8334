import { describe, expect, it } from 'vitest';
import { diffParagraphs, diffSequences, diffWords } from './diff';

describe('word-level diff', () => {
  it('finds the shortest edit between sequences', () => {
    const ops = diffSequences(['a', 'b', 'c', 'd'], ['a', 'x', 'c', 'd', 'e']);
    expect(ops).toEqual([
      { op: 'equal', aIndex: 0, bIndex: 0 },
      { op: 'delete', aIndex: 1 },
      { op: 'insert', bIndex: 1 },
      { op: 'equal', aIndex: 2, bIndex: 2 },
      { op: 'equal', aIndex: 3, bIndex: 3 },
      { op: 'insert', bIndex: 4 },
    ]);
    expect(diffSequences([], [])).toEqual([]);
  });

  it('merges neighbouring words of one kind and keeps spacing', () => {
    expect(diffWords('the quick brown fox', 'the slow brown dog')).toEqual([
      { op: 'equal', text: 'the ' },
      { op: 'delete', text: 'quick' },
      { op: 'insert', text: 'slow' },
      { op: 'equal', text: ' brown ' },
      { op: 'delete', text: 'fox' },
      { op: 'insert', text: 'dog' },
    ]);
  });

  it('aligns paragraphs and pairs changed ones, the rest whole insertions or deletions', () => {
    const result = diffParagraphs(
      ['Intro', 'Old text', 'Gone'],
      ['Intro', 'New text', 'Added', 'More'],
    );
    expect(result.map((p) => p.kind)).toEqual(['equal', 'changed', 'changed', 'inserted']);
    expect(result[1]!.ops).toEqual([
      { op: 'delete', text: 'Old' },
      { op: 'insert', text: 'New' },
      { op: 'equal', text: ' text' },
    ]);
    expect(diffParagraphs(['One', 'Two'], ['One'])).toEqual([
      { kind: 'equal', ops: [{ op: 'equal', text: 'One' }] },
      { kind: 'deleted', ops: [{ op: 'delete', text: 'Two' }] },
    ]);
  });

  it('gives up aligning a huge middle and reports it deleted and inserted (bounded time)', () => {
    const a = Array.from({ length: 3000 }, (_, i) => `a${i}`);
    const b = Array.from({ length: 3000 }, (_, i) => `b${i}`);
    const ops = diffSequences(a, b);
    expect(ops.filter((op) => op.op === 'delete')).toHaveLength(3000);
    expect(ops.filter((op) => op.op === 'insert')).toHaveLength(3000);
  });
});
